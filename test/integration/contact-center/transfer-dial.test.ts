// Transfers (to an agent, to a queue) with the session.record echo, and outbound dialling.
import { afterEach, describe, expect, it } from 'vitest';
import { CRM_USER_IDS, QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT1, AGENT2, ackField, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

const link = (sessionId: string) => ({
  sessionId,
  crm: 'kustomer' as const,
  recordId: '650000000000000000000001',
  customerId: '650000000000000000000abc',
  url: 'https://acme.kustomerapp.com/app/conversations/650000000000000000000001',
});

describe('transfer', () => {
  it('to an agent: the old agent is told, the new one gets session.record then session.transferred, then connects', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.connected');
    expect(await a1.command('record.linked', link(id))).toEqual({ ok: true });
    const a2 = await h.agent(AGENT2);
    expect(await a1.command('session.transfer', { sessionId: id, toAgentId: 'ag-1002' })).toEqual({ ok: true });

    const told = await a1.waitFor('session.transferred');
    expect(told).toMatchObject({
      sessionId: id,
      toAgent: { id: 'ag-1002', email: AGENT2, crmUserId: CRM_USER_IDS.agent2 },
      fromAgent: { id: 'ag-1001', email: AGENT1, crmUserId: CRM_USER_IDS.agent1 },
    });
    expect(told.session).toBeUndefined();
    // The call left agent1: back to available (no wrap-up configured).
    await a1.waitFor('agent.status', (p) => p.statusId === 'available' && p.source === 'system');

    const got = await a2.waitFor('session.transferred');
    expect(got.session?.id).toBe(id);
    const names = a2.events.map((e) => e.name);
    expect(names.indexOf('session.record')).toBe(names.indexOf('session.transferred') - 1);
    expect(a2.of('session.record')[0]).toMatchObject(link(id));
    expect(a2.of('session.assigned')).toEqual([]);
    expect(await a2.accept(id)).toEqual({ ok: true });
    await a2.waitFor('session.connected', (p) => p.sessionId === id);
    expect(h.sim.session(id)).toMatchObject({ state: 'connected', agentEmail: AGENT2 });
    expect(h.sim.linkedRecords()).toEqual([link(id)]);
  });

  it('to a queue: routed like a new offer to another agent; the old agent learns who took it', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const id = h.sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, initialMessages: ['hi'] });
    await a1.waitFor('session.connected');
    await a1.command('session.sendMessage', { sessionId: id, text: 'Let me transfer you' });
    expect(await a1.command('session.transfer', { sessionId: id, toQueueId: QUEUE_IDS.appChat })).toEqual({ ok: true });
    // Nobody else is available: it waits, and is not offered back to the sender.
    expect(h.sim.session(id)).toMatchObject({ state: 'queued', queueId: QUEUE_IDS.appChat });
    const a2 = await h.agent(AGENT2, { autoAccept: true });
    const got = await a2.waitFor('session.transferred');
    expect(got.session).toMatchObject({ id, menuPath: 'Chat > App chat', queue: { id: QUEUE_IDS.appChat } });
    expect(got.fromAgent.email).toBe(AGENT1);
    // The whole transcript follows the chat.
    await a2.waitFor('session.message', (p) => p.message.from === 'agent');
    expect((await a1.waitFor('session.transferred')).toAgent.email).toBe(AGENT2);
    await a2.waitFor('session.connected');
    expect(a1.of('session.assigned')).toHaveLength(1);
  });

  it('rejects bad transfers with clear codes', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.connected');
    const err = async (p: Parameters<typeof a1.command<'session.transfer'>>[1]) => (await a1.command('session.transfer', p)) as { error?: { code: string } };
    expect((await err({ sessionId: id, toAgentId: 'nobody' })).error?.code).toBe('not_found');
    expect((await err({ sessionId: id, toAgentId: 'ag-1001' })).error?.code).toBe('bad_request');
    expect((await err({ sessionId: id, toAgentId: 'ag-1002' })).error?.code).toBe('conflict'); // agent2 is offline
    expect((await err({ sessionId: id, toQueueId: QUEUE_IDS.support })).error?.code).toBe('bad_request');
    expect((await err({ sessionId: 'S-9', toQueueId: QUEUE_IDS.billing })).error?.code).toBe('not_found');
  });
});

describe('outbound dial', () => {
  it('acks with the session id, then offers a voice_outbound session to the dialling agent', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    const ack = await a1.command('call.dial', { number: '+82 2-1588-1234', queueId: QUEUE_IDS.sales });
    expect(ack).toMatchObject({ ok: true, sessionId: expect.stringMatching(/^S-\d+$/) });
    const sessionId = ackField(ack, 'sessionId');
    const offer = await a1.waitFor('session.assigned');
    expect(offer.session).toMatchObject({
      id: sessionId,
      type: 'voice_outbound',
      channel: 'voice',
      customer: { phone: '+82215881234' },
      dialedNumber: '+82215881234',
      queue: { id: QUEUE_IDS.sales },
    });
    expect(await a1.accept(sessionId)).toEqual({ ok: true });
    await a1.waitFor('session.connected');
    await a1.waitFor('agent.status', (p) => p.statusId === 'in_call');
    // One call at a time.
    expect(await a1.command('call.dial', { number: '+821000000000' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await a1.end(sessionId)).toEqual({ ok: true });
    expect(await a1.waitFor('session.ended')).toMatchObject({ sessionId });
  });

  it('connects on its own after outboundAnswerMs', async () => {
    h = await startHarness({ outboundAnswerMs: 10 });
    const a1 = await h.agent(AGENT1);
    const sessionId = ackField(await a1.command('call.dial', { number: '01012345678' }), 'sessionId');
    expect(await a1.waitFor('session.connected')).toMatchObject({ sessionId });
    expect(await a1.command('call.dial', { number: 'not a number' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
