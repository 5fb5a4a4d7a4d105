// hello content, routing to available agents only, accept / reject / ring timeout.
import { afterEach, describe, expect, it } from 'vitest';
import { CRM_USER_IDS, DEFAULT_STATUSES, QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT1, AGENT2, ORCHESTRATOR, SUPERVISOR, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('hello', () => {
  it('carries the agent, statuses, settings, queues, current status and connection count', async () => {
    h = await startHarness({ settings: { crm: { kind: 'zendesk' } } });
    const a = h.raw(AGENT1, { setAvailable: false });
    const hello = await a.ready();
    expect(hello.agent).toEqual({ id: 'ag-1001', email: AGENT1, name: 'Mina Park', roles: ['agent'], crmUserId: CRM_USER_IDS.agent1 });
    expect(hello.statuses).toEqual(DEFAULT_STATUSES);
    expect(hello.settings.crm.kind).toBe('zendesk');
    expect(hello.settings.recordCreation.subjectTemplate).toBe('{CALL_TYPE} {CALL_ID} - {MENU_PATH}');
    expect(hello.queues).toContainEqual({ id: QUEUE_IDS.billing, name: 'Billing', path: ['Support', 'Billing'], leaf: true });
    expect(hello.queues).toContainEqual({ id: QUEUE_IDS.support, name: 'Support', path: ['Support'], leaf: false });
    expect(hello.statusId).toBe('offline');
    expect(hello.connections).toBe(1);

    // A second desktop of the same identity learns that it is not alone (SYNC-5).
    const second = await h.raw(AGENT1, { setAvailable: false }).ready();
    expect(second.connections).toBe(2);
    expect(second.seq).toBeGreaterThan(hello.seq);
  });

  it('admits an unknown e-mail as a new agent without a CRM user, and honours token roles', async () => {
    h = await startHarness();
    const hello = await h.raw('newbie@acme.test', { setAvailable: false }).ready();
    expect(hello.agent).toMatchObject({ email: 'newbie@acme.test', roles: ['agent'], crmUserId: null });
    const orch = await h.raw('engine@acme.test', { roles: ['orchestrator'] }).ready();
    expect(orch.agent.roles).toEqual(['orchestrator']);
  });

  it('refuses a connection without a valid dev token', async () => {
    h = await startHarness();
    const bad = h.raw('not-an-email');
    await expect.poll(() => bad.errors.join()).toContain('unauthorized');
    expect(bad.socket.connected).toBe(false);
    bad.errors.length = 0;
    const badSeq = h.raw(AGENT1, { lastSeq: -1 });
    await expect.poll(() => badSeq.errors.join()).toContain('auth.lastSeq');
    badSeq.errors.length = 0;
  });
});

describe('routing', () => {
  it('offers sessions only to connected agents in an available status', async () => {
    h = await startHarness();
    const away = await h.agent(AGENT1, { setAvailable: false });
    await away.setStatus('away');
    await h.agent(SUPERVISOR);
    await h.agent(ORCHESTRATOR);
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+82 10-1234-5678', queueId: QUEUE_IDS.billing });
    expect(h.sim.session(id)?.state).toBe('queued');

    const a2 = await h.agent(AGENT2);
    const offer = await a2.waitFor('session.assigned');
    expect(offer.session).toMatchObject({
      id,
      channel: 'voice',
      type: 'voice_inbound_ivr',
      menuPath: 'Support > Billing',
      customer: { phone: '+821012345678', identifier: null, email: null, name: null },
      sipCallHeader: 'X-Session-Id',
    });
    expect(away.of('session.assigned')).toEqual([]);
    expect(h.sim.session(id)).toMatchObject({ state: 'offered', agentEmail: AGENT2 });
  });

  it('routes a queued session when an agent becomes available', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1, { setAvailable: false });
    const id = h.sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, email: 'c@x.test' });
    expect(h.sim.session(id)?.state).toBe('queued');
    await a1.setStatus('available');
    expect((await a1.waitFor('session.assigned')).session.id).toBe(id);
  });

  it('accept connects the session and puts a voice agent in_call', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    const id = h.sim.inbound({ type: 'voice_inbound_app', identifier: 'app-42', queueId: QUEUE_IDS.technical });
    await a1.waitFor('session.assigned');
    expect(await a1.accept(id)).toEqual({ ok: true });
    expect(await a1.waitFor('session.connected')).toMatchObject({ sessionId: id });
    expect(await a1.waitFor('agent.status', (p) => p.statusId === 'in_call')).toMatchObject({ source: 'system' });
    expect(await a1.accept(id)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a reject moves the session to the next agent and the rejecter is told', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821099990000', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.assigned');
    const a2 = await h.agent(AGENT2);
    expect(a2.of('session.assigned')).toEqual([]);
    expect(await a2.accept(id)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a1.command('session.reject', { sessionId: id })).toEqual({ ok: true });
    expect(await a1.waitFor('session.revoked')).toMatchObject({ sessionId: id, reason: 'rejected' });
    expect((await a2.waitFor('session.assigned')).session.id).toBe(id);
  });

  it('an agent offered a session that already has a linked record gets session.record right after session.assigned', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    const callback = { kind: 'short_call_button' as const, ofSessionId: 'S-0999' };
    const id = h.sim.inbound({ type: 'voice_inbound_app', identifier: 'u-1', queueId: QUEUE_IDS.technical, callback, customData: { orderId: 'A-77', vip: true } });
    expect((await a1.waitFor('session.assigned')).session).toMatchObject({ callback, customData: { orderId: 'A-77', vip: true } });
    // REC-3 default: agent1's engine created the record on assignment and linked it.
    const link = { sessionId: id, crm: 'kustomer' as const, recordId: 'rec-1', customerId: 'cus-1', url: 'https://acme.kustomerapp.com/app/conversations/rec-1' };
    expect(await a1.command('record.linked', link)).toEqual({ ok: true });
    expect(a1.of('session.record')).toEqual([]); // not echoed to the sender
    const a2 = await h.agent(AGENT2);
    await a1.command('session.reject', { sessionId: id });
    await a2.waitFor('session.record');
    const names = a2.events.map((e) => e.name);
    expect(names.indexOf('session.record')).toBe(names.indexOf('session.assigned') + 1);
    expect(a2.of('session.record')[0]).toMatchObject(link);
  });

  it('serves waiting sessions first-in first-out across queues; a rejected one keeps its place at the head', async () => {
    let t = Date.parse('2026-11-21T09:00:00Z');
    h = await startHarness({ clock: { now: () => t } });
    const ids = [QUEUE_IDS.billing, QUEUE_IDS.technical, QUEUE_IDS.billing].map((queueId, n) => {
      t += 1000;
      return h.sim.inbound({ type: 'voice_inbound_ivr', phone: `+8210000000${n}`, queueId });
    });
    const a1 = await h.agent(AGENT1);
    expect((await a1.waitFor('session.assigned')).session.id).toBe(ids[0]);
    await a1.command('session.reject', { sessionId: ids[0] as string });
    // agent1 skips the session it rejected and takes the next one in line.
    expect((await a1.waitFor('session.assigned', (p) => p.session.id !== ids[0])).session.id).toBe(ids[1]);
    const a2 = await h.agent(AGENT2);
    expect((await a2.waitFor('session.assigned')).session.id).toBe(ids[0]);
    expect(h.sim.session(ids[2] as string)?.state).toBe('queued');
  });

  it('a ring timeout revokes the offer and re-queues the session when nobody else is free', async () => {
    h = await startHarness({ ringTimeoutSec: 0.05 });
    const a1 = await h.agent(AGENT1);
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821011112222', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.assigned');
    expect(await a1.waitFor('session.revoked')).toMatchObject({ sessionId: id, reason: 'ring_timeout' });
    expect(h.sim.session(id)?.state).toBe('queued');
    // Changing its status makes the agent eligible for that session again.
    const mark = a1.mark();
    await a1.setStatus('away');
    await a1.setStatus('available');
    expect((await a1.waitFor('session.assigned', undefined, { after: mark })).session.id).toBe(id);
  });
});
