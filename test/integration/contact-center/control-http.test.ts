// The HTTP control surface: every action, GET state, and 4xx replies for bad input.
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT1, ORCHESTRATOR, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

type Reply = { ok: boolean; error?: { code: string; message: string }; [k: string]: unknown };

async function post(path: string, body: unknown, raw = false): Promise<{ status: number; body: Reply }> {
  const res = await fetch(`${h.sim.url}/control/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Reply };
}

describe('HTTP control', () => {
  it('drives a whole session and reports state', async () => {
    h = await startHarness();
    const orch = await h.agent(ORCHESTRATOR);
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const inbound = await post('inbound', { type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, email: 'a@b.c', initialMessages: ['hi'] });
    expect(inbound).toMatchObject({ status: 200, body: { ok: true, sessionId: expect.any(String) } });
    const sessionId = inbound.body.sessionId as string;
    await a1.waitFor('session.connected');
    expect((await post('message', { sessionId, text: 'still there?' })).body).toMatchObject({ ok: true, messageId: expect.any(String) });
    await a1.waitFor('session.message', (p) => p.message.text === 'still there?');
    expect((await post('end', { sessionId })).status).toBe(200);
    await a1.waitFor('session.ended');
    expect((await post('csat', { sessionId, rating: 5, comment: 'great' })).status).toBe(200);
    expect((await post('smart-action', { sessionId, type: 'pay', status: 'completed', files: [{ name: 'r.pdf', mimeType: 'application/pdf' }] })).body).toMatchObject({ ok: true, actionId: expect.any(String) });
    const vm = await post('voicemail', { phone: '+821000000000', queueId: QUEUE_IDS.billing });
    expect((await post('voicemail-update', { voicemailId: vm.body.voicemailId, action: 'read', byEmail: AGENT1 })).status).toBe(200);
    expect((await post('settings', { recordCreation: { abandonedCalls: true } })).body).toMatchObject({ ok: true, settings: { recordCreation: { abandonedCalls: true } } });
    expect((await post('agent-status', { email: AGENT1, statusId: 'lunch' })).status).toBe(200);
    await a1.waitFor('agent.status', (p) => p.statusId === 'lunch' && p.source === 'supervisor');
    await orch.waitFor('voicemail.updated');
    await orch.waitFor('session.smartAction');

    const call = (await post('inbound', { type: 'voice_inbound_ivr', phone: '+82 10 1111 2222', queueId: QUEUE_IDS.billing })).body.sessionId as string;
    expect((await post('abandon', { sessionId: call })).status).toBe(200);
    await orch.waitFor('session.abandoned');

    const res = await fetch(`${h.sim.url}/control/state`);
    const state = (await res.json()) as Reply & { sessions: { id: string; state: string }[]; agents: { email: string; statusId: string }[] };
    expect(res.status).toBe(200);
    expect(state.sessions.map((s) => [s.id, s.state])).toEqual([
      [sessionId, 'ended'],
      [call, 'abandoned'],
    ]);
    expect(state.agents.find((a) => a.email === AGENT1)?.statusId).toBe('lunch');
    expect(state).toMatchObject({ url: h.sim.url, queues: expect.any(Array), voicemails: [{ id: vm.body.voicemailId }] });

    expect((await post('disconnect-all', {})).body).toMatchObject({ ok: true, disconnected: 2 });
  });

  it('answers bad input with 4xx and a readable error', async () => {
    h = await startHarness();
    const bad = await post('inbound', { type: 'voice_inbound_ivr' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('queueId') } });
    expect((await post('inbound', '{not json', true)).body.error?.message).toMatch(/JSON/);
    expect((await post('inbound', { type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, surprise: 1 })).status).toBe(400);
    expect((await post('end', { sessionId: 'S-404' })).status).toBe(404);
    expect((await post('csat', { sessionId: 'S-1', rating: 9 })).status).toBe(400);
    expect((await post('settings', { crm: { kind: 'hubspot' } })).status).toBe(400);
    expect((await post('agent-status', { email: AGENT1, statusId: 'nap' })).status).toBe(400);
    expect((await post('nothing-here', {})).status).toBe(404);
    const id = (await post('inbound', { type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing })).body.sessionId as string;
    expect((await post('end', { sessionId: id })).status).toBe(409);
    expect((await fetch(`${h.sim.url}/control/inbound`)).status).toBe(405);
    expect((await fetch(`${h.sim.url}/elsewhere`)).status).toBe(404);
  });
});
