// Malformed commands get bad_request acks, commands without an ack are logged and ignored, and
// the server keeps serving afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT1, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

type RawAck = { ok: boolean; error?: { code: string; message: string } };

describe('command robustness', () => {
  it('answers malformed payloads with bad_request and keeps working', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1);
    const send = (event: string, ...args: unknown[]) =>
      new Promise<RawAck>((resolve) => a1.socket.timeout(2000).emit(event, ...args, (_err: unknown, ack: RawAck) => resolve(ack)));

    const cases: [string, unknown[]][] = [
      ['agent.setStatus', [{ statusId: 5, source: 'agent' }]],
      ['agent.setStatus', [{ statusId: 'away', source: 'supervisor' }]],
      ['session.accept', [{}]],
      ['session.accept', []],
      ['session.accept', ['S-1001']],
      ['session.sendMessage', [{ sessionId: 'S-1', text: '' }]],
      ['session.transfer', [{ sessionId: 'S-1' }]],
      ['call.dial', [{ number: 'x'.repeat(41) }]],
      ['record.linked', [{ sessionId: 'S-1', crm: 'hubspot', recordId: 'r', customerId: null, url: '' }]],
      ['session.end', [null]],
      ['session.end', [{ sessionId: 'S-1' }, 'extra']],
      ['no.such.command', [{}]],
    ];
    for (const [event, args] of cases) {
      const ack = await send(event, ...args);
      expect(ack, `${event} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(ack.error?.message.length).toBeGreaterThan(0);
    }
    expect(await send('session.accept', { sessionId: 'S-404' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Without an ack callback: ignored, with a log line naming it.
    a1.socket.emit('session.accept', { sessionId: 'S-1' });
    a1.socket.emit('agent.setStatus', { statusId: 'away', source: 'agent' });
    await expect.poll(() => h.logs.filter((l) => l.includes('no acknowledgement callback')).length).toBe(2);
    expect(h.sim.agents().find((a) => a.email === AGENT1)?.statusId).toBe('available');

    // Still serving.
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.assigned');
    expect(await a1.accept(id)).toEqual({ ok: true });
  });

  it('refuses sessions commands from an agent that does not hold the session', async () => {
    h = await startHarness();
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const a2 = await h.agent('agent2@acme.test', { setAvailable: false });
    const id = h.sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat });
    await a1.waitFor('session.connected');
    expect(await a2.end(id)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a2.command('session.sendMessage', { sessionId: id, text: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a2.command('session.transfer', { sessionId: id, toQueueId: QUEUE_IDS.appChat })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const orch = await h.agent('orchestrator@acme.test');
    expect(await orch.command('call.dial', { number: '+821012345678' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('validates control inputs with clear errors', () => {
    return startHarness().then(async (harness) => {
      h = harness;
      expect(() => h.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.support })).toThrow(/not a leaf/);
      expect(() => h.sim.inbound({ type: 'voice_inbound_ivr', queueId: 'q-nope' })).toThrow(/unknown queue/);
      expect(() => h.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, initialMessages: ['x'] })).toThrow(/chats only/);
      // @ts-expect-error: a type the simulator does not take
      expect(() => h.sim.inbound({ type: 'fax', queueId: QUEUE_IDS.billing })).toThrow(/type/);
    });
  });
});
