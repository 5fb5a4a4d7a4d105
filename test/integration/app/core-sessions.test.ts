// The core against the real simulator and Kustomer emulator: the AppState follows a session from
// assignment to the end (CHAT-1, SOFT-1), record cards go pending -> written and pop (POP-1,
// KUS-10), a failed write can be tried again (REL-1), and a restart rebuilds live sessions.
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { CoreRig, KUSTOMER_APP_URL, session } from './core-rig.js';

let rig: CoreRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('app core: sessions', () => {
  it('a chat: ringing, connected, messages both ways, ended; every push is a valid AppState with a higher version', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    await rig.must('status:set', { statusId: 'available' });
    const id = rig.sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, email: 'c@example.com', name: 'Chloe' });
    const ringing = await rig.until((s) => session(s, id)?.phase === 'ringing', 'ringing');
    expect(session(ringing, id)?.session.channel).toBe('chat');

    expect(await rig.must('session:accept', { sessionId: id })).toEqual({ sessionId: id });
    await rig.until((s) => session(s, id)?.phase === 'connected', 'connected');

    rig.sim.consumerMessage(id, 'where is my order?');
    await rig.until((s) => session(s, id)?.messages.some((m) => m.from === 'consumer' && m.text === 'where is my order?') ?? false, 'consumer message');
    const sent = await rig.must('session:sendMessage', { sessionId: id, text: 'Let me check.' });
    const withReply = await rig.until((s) => session(s, id)?.messages.some((m) => m.id === sent.messageId) ?? false, 'agent message');
    expect(session(withReply, id)?.messages.map((m) => m.from)).toEqual(['consumer', 'agent']);

    await rig.must('session:end', { sessionId: id });
    const ended = await rig.until((s) => session(s, id)?.phase === 'ended', 'ended');
    expect(session(ended, id)?.endedAt).not.toBeNull();

    const versions = rig.states.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('a call: the record card goes pending -> written, the record pops when the agent answers, and the call lands in the history', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    await rig.must('status:set', { statusId: 'available' });
    const id = rig.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-1234-5678' });
    await rig.until((s) => session(s, id)?.record?.writeState === 'written', 'record written');
    expect(rig.states.some((s) => session(s, id)?.record?.writeState === 'pending')).toBe(true);
    const card = session(rig.core.getState(), id)?.record;
    expect(card?.recordId).toMatch(/^[0-9a-f]{24}$/);
    expect(card?.url).toBe(`${KUSTOMER_APP_URL}/app/conversations/${card?.recordId}`);
    expect(card?.status).toBe('open');
    expect(rig.kustomer.store.conversations.get(card?.recordId as string)?.externalId).toBe(id);
    // Ringing: no pop yet (KUS-10 pops on answer).
    expect(rig.core.getState().kustomer.navigate).toBeNull();

    await rig.must('session:accept', { sessionId: id });
    const popped = await rig.until((s) => s.kustomer.navigate !== null, 'pop');
    expect(popped.kustomer.navigate?.url).toBe(card?.url);

    rig.sim.end(id);
    const done = await rig.until((s) => s.callHistory.some((h) => h.sessionId === id), 'history');
    expect(done.callHistory[0]).toMatchObject({ sessionId: id, direction: 'in', number: '+821012345678', outcome: 'answered' });
  });

  it('a record written while the agent is on the call pops at once (REC-3 on: record on connect)', async () => {
    rig = await CoreRig.start({ settings: { recordCreation: { createCallRecordOnConnect: true } } });
    await rig.ready();
    await rig.must('status:set', { statusId: 'available' });
    const id = rig.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-5555-0000' });
    await rig.until((s) => session(s, id)?.phase === 'ringing', 'ringing');
    expect(session(rig.core.getState(), id)?.record).toBeNull();
    await rig.must('session:accept', { sessionId: id });
    const popped = await rig.until((s) => s.kustomer.navigate !== null, 'pop');
    expect(popped.kustomer.navigate?.url).toBe(session(popped, id)?.record?.url);
    // record:open pops it again with a new nonce.
    await rig.must('record:open', { sessionId: id });
    const again = await rig.until((s) => (s.kustomer.navigate?.nonce ?? 0) > (popped.kustomer.navigate?.nonce ?? 0), 'pop again');
    expect(again.kustomer.navigate?.url).toBe(popped.kustomer.navigate?.url);
  });

  it('a rejected offer leaves the list and is a rejected call in the history (session.revoked)', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    await rig.must('status:set', { statusId: 'available' });
    const id = rig.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-2222-3333' });
    await rig.until((s) => session(s, id)?.phase === 'ringing', 'ringing');
    await rig.must('session:reject', { sessionId: id });
    const gone = await rig.until((s) => !session(s, id) && s.callHistory.length > 0, 'revoked');
    expect(gone.callHistory[0]).toMatchObject({ sessionId: id, outcome: 'rejected' });
  });

  it('a write the CRM refuses fails with its error and entry id; "try again" writes it', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    await rig.must('status:set', { statusId: 'available' });
    rig.kustomer.fault({ method: 'POST', path: '/v1/conversations', kind: 'status', status: 400, times: 1 });
    const id = rig.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-7777-8888' });
    const failed = await rig.until((s) => session(s, id)?.record?.writeState === 'failed', 'failed');
    const card = session(failed, id)?.record;
    expect(card?.error).toMatch(/400/);
    expect(card?.failedEntryId).toBeGreaterThan(0);
    expect(failed.failedWrites).toBe(1);
    expect(failed.notices.some((n) => n.key === 'record.failed' && n.level === 'error' && n.text.ko.length > 0)).toBe(true);

    await rig.must('record:retry', { entryId: card?.failedEntryId as number });
    const written = await rig.until((s) => session(s, id)?.record?.writeState === 'written', 'written after retry');
    expect(written.failedWrites).toBe(0);
    expect(session(written, id)?.record?.recordId).not.toBeNull();

    const again = await rig.call('record:retry', { entryId: card?.failedEntryId as number });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('after a restart the live session is rebuilt from the journal and its record card is back', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    await rig.must('status:set', { statusId: 'available' });
    const id = rig.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-4444-1111' });
    await rig.until((s) => session(s, id)?.record?.writeState === 'written', 'written');
    await rig.must('session:accept', { sessionId: id });
    const before = await rig.until((s) => session(s, id)?.phase === 'connected', 'connected');
    await rig.core.stop();
    rig.boot();
    const after = rig.core.getState();
    expect(session(after, id)?.phase).toBe('connected');
    expect(session(after, id)?.record?.url).toBe(session(before, id)?.record?.url);
  });
});
