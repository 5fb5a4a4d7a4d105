// Settings push, agent.setStatus validation and echo to every connection, supervisor feed.
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT1, AGENT2, ORCHESTRATOR, SUPERVISOR, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('settings', () => {
  it('setSettings deep-merges, re-validates and pushes the whole object to every connection', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    const a1b = await h.agent(AGENT1, { setAvailable: false });
    const orch = await h.agent(ORCHESTRATOR);
    const next = h.sim.setSettings({ recordCreation: { chatMinConsumerMessages: 2 }, statusSync: { enabled: true, mapping: { Lunch: 'lunch' } } });
    expect(next.recordCreation).toMatchObject({ chatMinConsumerMessages: 2, appendToOpenRecordSameLeafQueue: true });
    for (const c of [a1, a1b, orch]) {
      const pushed = await c.waitFor('settings');
      expect(pushed.settings).toEqual(next);
    }
    expect(() => h.sim.setSettings({ recordCreation: { abandonedChats: 'sometimes' } })).toThrow(/abandonedChats/);
    expect(h.sim.settings().recordCreation.abandonedChats).toBe('off');
  });
});

describe('agent.setStatus', () => {
  it('validates the status, acks with it and echoes agent.status to every connection of the agent', async () => {
    h = await startHarness();
    const desk = await h.agent(AGENT1, { setAvailable: false });
    const second = await h.agent(AGENT1, { setAvailable: false });
    const other = await h.agent(AGENT2, { setAvailable: false });
    expect(await desk.command('agent.setStatus', { statusId: 'lunch', source: 'crm' })).toEqual({ ok: true, statusId: 'lunch' });
    for (const c of [desk, second]) expect(await c.waitFor('agent.status')).toMatchObject({ statusId: 'lunch', source: 'crm' });
    expect(other.of('agent.status')).toEqual([]);

    expect(await desk.command('agent.setStatus', { statusId: 'coffee', source: 'agent' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await desk.command('agent.setStatus', { statusId: 'in_call', source: 'agent' })).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('system') } });
    expect(h.sim.agents().find((a) => a.email === AGENT1)).toMatchObject({ statusId: 'lunch', source: 'crm', connections: 2 });
  });

  it('setAgentStatus is a supervisor change, pushed to the agent', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    h.sim.setAgentStatus(AGENT1, 'meeting');
    expect(await a1.waitFor('agent.status', (p) => p.statusId === 'meeting')).toMatchObject({ source: 'supervisor' });
    expect(() => h.sim.setAgentStatus('ghost@acme.test', 'away')).toThrow(/unknown agent/);
    expect(() => h.sim.setAgentStatus(AGENT1, 'nap')).toThrow(/unknown status/);
  });
});

describe('supervisor feed', () => {
  it('sends the full list on connect and after status, session and connection changes', async () => {
    h = await startHarness();
    const sup = await h.agent(SUPERVISOR);
    const first = await sup.waitFor('supervisor.agents');
    expect(first.agents.map((a) => a.email)).toEqual(['agent1@acme.test', 'agent2@acme.test', 'agent3@acme.test']);
    expect(first.agents[0]).toMatchObject({ id: 'ag-1001', name: 'Mina Park', statusId: 'offline', source: 'system', online: false, connections: 0 });

    const latest = (email: string) => sup.of('supervisor.agents').at(-1)?.agents.find((a) => a.email === email);
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    await sup.waitFor('supervisor.agents', (p) => p.agents.some((a) => a.email === AGENT1 && a.statusId === 'available' && a.source === 'agent' && a.online));
    expect(latest(AGENT1)?.connections).toBe(1);

    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await sup.waitFor('supervisor.agents', (p) => p.agents.some((a) => a.email === AGENT1 && a.statusId === 'in_call' && a.sessionId === id));
    h.sim.end(id);
    await sup.waitFor('supervisor.agents', (p) => p.agents.some((a) => a.email === AGENT1 && a.statusId === 'available' && a.sessionId === null));
    a1.close();
    await sup.waitFor('supervisor.agents', (p) => p.agents.some((a) => a.email === AGENT1 && !a.online && a.connections === 0));
    // Agents do not receive the supervisor feed.
    expect(a1.of('supervisor.agents')).toEqual([]);
  });
});
