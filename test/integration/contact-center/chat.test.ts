// Chats: backlog delivered right after the offer, live consumer messages, agent messages with
// ids, chat capacity.
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT1, ackField, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('chat sessions', () => {
  it('delivers messages sent before assignment right after session.assigned, then live ones', async () => {
    h = await startHarness();
    const id = h.sim.inbound({
      type: 'chat_inbound_web',
      queueId: QUEUE_IDS.webChat,
      email: 'kim@example.test',
      inWebEmail: 'kim@example.test',
      initialMessages: ['Hello?', { from: 'bot', text: 'An agent will be with you shortly.' }],
    });
    h.sim.consumerMessage(id, 'My order is late');
    const a1 = await h.agent(AGENT1);
    await a1.waitFor('session.message', (p) => p.message.text === 'My order is late');
    const names = a1.events.map((e) => e.name);
    const at = names.indexOf('session.assigned');
    expect(names.slice(at, at + 4)).toEqual(['session.assigned', 'session.message', 'session.message', 'session.message']);
    expect(a1.of('session.message').map((m) => [m.message.from, m.message.text])).toEqual([
      ['consumer', 'Hello?'],
      ['bot', 'An agent will be with you shortly.'],
      ['consumer', 'My order is late'],
    ]);
    expect(a1.of('session.assigned')[0]?.session).toMatchObject({ channel: 'chat', inWebEmail: 'kim@example.test' });

    expect(await a1.accept(id)).toEqual({ ok: true });
    h.sim.consumerMessage(id, 'Are you there?');
    expect((await a1.waitFor('session.message', (p) => p.message.text === 'Are you there?')).message.from).toBe('consumer');

    const ack = await a1.command('session.sendMessage', { sessionId: id, text: 'Yes, looking now.' });
    expect(ack).toMatchObject({ ok: true, messageId: expect.stringMatching(/^M-\d+$/) });
    const echoed = await a1.waitFor('session.message', (p) => p.message.from === 'agent');
    expect(echoed.message).toMatchObject({ id: ackField(ack, 'messageId'), text: 'Yes, looking now.' });
    expect(await a1.command('session.typing', { sessionId: id, typing: true })).toEqual({ ok: true });
    expect(h.sim.session(id)?.consumerMessages).toBe(3);
  });

  it('does not accept agent messages before the chat is connected, nor on voice sessions', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    const chat = h.sim.inbound({ type: 'chat_inbound_app', identifier: 'u-1', queueId: QUEUE_IDS.appChat });
    await a1.waitFor('session.assigned');
    expect(await a1.command('session.sendMessage', { sessionId: chat, text: 'hi' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await a1.accept(chat);
    const call = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.assigned', (p) => p.session.id === call);
    expect(await a1.command('session.sendMessage', { sessionId: call, text: 'hi' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(() => h.sim.consumerMessage(call, 'x')).toThrow(/not a chat/);
  });

  it('offers at most chatCapacity chats at once and the next one when a chat ends', async () => {
    h = await startHarness({ chatCapacity: 2 });
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const ids = [1, 2, 3].map((n) => h.sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, name: `c${n}` }));
    await a1.waitFor('session.connected', (p) => p.sessionId === ids[1]);
    expect(h.sim.session(ids[2] as string)?.state).toBe('queued');
    h.sim.end(ids[0] as string);
    expect(await a1.waitFor('session.ended')).toMatchObject({ sessionId: ids[0] });
    expect((await a1.waitFor('session.assigned', (p) => p.session.id === ids[2])).session.customer.name).toBe('c3');
  });
});
