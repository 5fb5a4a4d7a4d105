// SOFT-1 with the contact-center simulator (emulators/contact-center) instead of the double: the
// SipPhone's contract calls go to the simulator through a headless agent connection, the
// simulator's events become the core's sessions, and the caller learns from the simulator which
// agent SIP URI an offered voice session rings at (sipTarget), as the contact center's media side
// would. The full app (real core, renderer) is assembled elsewhere.
import type { Page } from '@playwright/test';
import type { LiveSession } from '../../../common/ipc/app-state.js';
import type { IpcChannel } from '../../../common/ipc/contract.js';
import type { Ack, CommandName } from '../../../common/protocol/index.js';
import { AGENT_EMAILS, QUEUE_IDS, simulatedAgent, startContactCenter, type ContactCenterSim, type SimulatedAgent } from '../../../emulators/contact-center/index.js';
import { expect, test } from './support/fixtures.js';
import { liveSession, withPhase } from './support/sessions.js';

const COMMANDS: Partial<Record<IpcChannel, CommandName>> = {
  'session:accept': 'session.accept',
  'session:reject': 'session.reject',
  'session:end': 'session.end',
  'session:transfer': 'session.transfer',
  'call:dial': 'call.dial',
};

/** The contract calls of the page, relayed to the simulator like the core would. */
async function relay(page: Page, cc: SimulatedAgent): Promise<void> {
  await page.exposeFunction('forwardInvoke', async (channel: IpcChannel, request: Record<string, unknown>) => {
    const name = COMMANDS[channel];
    if (!name) return { ok: true, value: {} };
    const ack: Ack = await cc.command(name, request as never);
    if (!ack.ok) return { ok: false, error: ack.error };
    const { ok: _ok, ...value } = ack;
    return { ok: true, value };
  });
}

/** The simulator's events for this agent, as the core's voice sessions, pushed on every change. */
function mirror(page: Page, cc: SimulatedAgent): () => void {
  let seen = 0;
  const timer = setInterval(() => {
    if (cc.events.length === seen) return;
    seen = cc.events.length;
    const sessions = new Map<string, LiveSession>();
    for (const e of cc.events) {
      const p = e.payload as { sessionId?: string; session?: LiveSession['session'] };
      const id = p.sessionId ?? p.session?.id;
      const cur = id ? sessions.get(id) : undefined;
      if (e.name === 'session.assigned' && p.session) sessions.set(p.session.id, { ...liveSession({ id: p.session.id }), session: p.session });
      else if (e.name === 'session.connected' && cur) sessions.set(cur.session.id, withPhase(cur, 'connected'));
      else if (e.name === 'session.ended' && cur) sessions.set(cur.session.id, withPhase(cur, 'ended'));
      else if (e.name === 'session.abandoned' && cur) sessions.set(cur.session.id, withPhase(cur, 'abandoned'));
      else if (e.name === 'session.revoked' && id) sessions.delete(id);
    }
    void page.evaluate((s) => window.agentHarness.push(s), [...sessions.values()].filter((s) => s.session.channel === 'voice')).catch(() => undefined);
  }, 20);
  return () => clearInterval(timer);
}

let sim: ContactCenterSim | null = null;
let cc: SimulatedAgent | null = null;
let stop: (() => void) | null = null;
test.afterEach(async () => {
  stop?.();
  cc?.close();
  await sim?.close();
  sim = null;
  cc = null;
});

test('a call routed by the contact center rings at the SIP URI it names; answer and hang-up reach it', async ({ openAgent, openCaller }) => {
  sim = await startContactCenter({ port: 0, ringTimeoutSec: 0, log: () => undefined });
  cc = simulatedAgent(sim.url, AGENT_EMAILS.agent1, { autoAccept: false });
  await cc.ready();
  await cc.waitFor('agent.status', (p) => p.statusId === 'available');
  const me = sim.agents().find((a) => a.email === AGENT_EMAILS.agent1);
  expect(me?.sipUri).toBe('sip:ag-1001@agentdesk.test');

  const link = cc;
  const agent = await openAgent('ag-1001', {}, { forward: true, beforeCreate: (page) => relay(page, link) });
  stop = mirror(agent.page, cc);
  await agent.register();

  const id = sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
  await cc.waitFor('session.assigned', (p) => p.session.id === id);
  const target = sim.sipTarget(id);
  expect(target).toMatchObject({ state: 'offered', sipUri: agent.uri, header: 'X-Session-Id' });

  const caller = await openCaller();
  const call = await caller.call(target.sipUri as string, id);
  await expect.poll(() => agent.incoming()).toContain(id);
  await agent.ok('answer', id);
  await expect.poll(() => sim?.session(id)?.state).toBe('connected');
  await caller.waitForCall(call, 'Established');
  await agent.waitForCallStatus(id, 'active');
  await agent.waitForAudioIn(id);
  await caller.waitForAudioIn(call);

  await agent.ok('hangup', id);
  await caller.waitForCall(call, 'Terminated');
  await expect.poll(() => sim?.session(id)?.state).toBe('ended');
  expect(sim.contractViolations()).toEqual([]);
});

test('outbound through the contact center: call.dial, the voice_outbound offer, the INVITE with its session id', async ({ openAgent, openCaller }) => {
  sim = await startContactCenter({ port: 0, log: () => undefined });
  cc = simulatedAgent(sim.url, AGENT_EMAILS.agent1, { autoAccept: false });
  await cc.ready();
  const link = cc;
  const agent = await openAgent('ag-1001', {}, { forward: true, beforeCreate: (page) => relay(page, link) });
  stop = mirror(agent.page, cc);
  await agent.register();
  const customer = await openCaller('+821099998888');

  const { sessionId } = await agent.ok<{ sessionId: string }>('dial', '+82 10-9999-8888');
  await expect.poll(async () => (await customer.state()).calls[0]?.sessionId).toBe(sessionId);
  await customer.waitForCall(0, 'Established');
  await expect.poll(() => sim?.session(sessionId)?.state).toBe('connected');
  expect(sim.session(sessionId)).toMatchObject({ type: 'voice_outbound', session: { dialedNumber: '+821099998888' } });
  await agent.waitForAudioIn(sessionId);

  await customer.hangup(0);
  await expect.poll(() => sim?.session(sessionId)?.state).toBe('ended');
});
