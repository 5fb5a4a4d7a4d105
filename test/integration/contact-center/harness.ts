// Test harness: a simulator on 127.0.0.1:random plus headless agents that are closed after
// each test; the simulator must never have broken the protocol contract.
import { expect } from 'vitest';
import type { Ack } from '../../../common/protocol/index.js';
import {
  simulatedAgent,
  startContactCenter,
  type ContactCenterSim,
  type SimOptions,
  type SimulatedAgent,
  type SimulatedAgentOptions,
} from '../../../emulators/contact-center/index.js';

export interface Harness {
  sim: ContactCenterSim;
  logs: string[];
  /** Connect a headless desktop (autoAccept off unless asked) and wait for its hello (and `available`). */
  agent(email: string, opts?: SimulatedAgentOptions): Promise<SimulatedAgent>;
  /** Connect without waiting for anything. */
  raw(email: string, opts?: SimulatedAgentOptions): SimulatedAgent;
  close(): Promise<void>;
}

export async function startHarness(opts: SimOptions = {}): Promise<Harness> {
  const logs: string[] = [];
  const sim = await startContactCenter({ log: (l) => logs.push(l), ...opts });
  const clients: SimulatedAgent[] = [];
  const raw = (email: string, o: SimulatedAgentOptions = {}) => {
    const a = simulatedAgent(sim.url, email, { autoAccept: false, ...o });
    clients.push(a);
    return a;
  };
  return {
    sim,
    logs,
    raw,
    async agent(email, o = {}) {
      const a = raw(email, o);
      const hello = await a.ready();
      if (o.setAvailable ?? hello.agent.roles.includes('agent')) {
        await a.waitFor('agent.status', (p) => p.statusId === 'available');
      }
      return a;
    },
    async close() {
      for (const c of clients) c.close();
      await sim.close();
      expect(sim.contractViolations()).toEqual([]);
      for (const c of clients) expect(c.errors.filter((e) => !e.startsWith('connect_error'))).toEqual([]);
    },
  };
}

export const AGENT1 = 'agent1@acme.test';
export const AGENT2 = 'agent2@acme.test';
export const AGENT3 = 'agent3@acme.test';
export const SUPERVISOR = 'supervisor@acme.test';
export const ORCHESTRATOR = 'orchestrator@acme.test';

/** A string field of a successful acknowledgement (throws with the ack otherwise). */
export function ackField(ack: Ack, key: string): string {
  const v = ack.ok ? ack[key] : undefined;
  if (typeof v !== 'string') throw new Error(`expected an ok ack with "${key}", got ${JSON.stringify(ack)}`);
  return v;
}
