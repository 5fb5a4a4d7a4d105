// SOFT-1 without SIP: every call action goes through the contract; media-only controls say why not.
import { describe, expect, it } from 'vitest';
import type { AgentDeskApi, IpcResult } from '../../../common/ipc/contract.js';
import { ProtocolOnlyPhone } from '../../../renderer/src/softphone/protocol-only-phone.js';
import { NO_DEVICES } from '../../../renderer/src/softphone/phone.js';
import { voiceSession, chatSession } from '../../e2e/renderer/support/fixtures.js';

function recorder(reply: (channel: string, req: unknown) => IpcResult<unknown> = () => ({ ok: true, value: {} })) {
  const calls: [string, unknown][] = [];
  const invoke = (async (channel: string, req: unknown) => {
    calls.push([channel, req]);
    return reply(channel, req);
  }) as AgentDeskApi['invoke'];
  return { invoke, calls };
}

describe('ProtocolOnlyPhone', () => {
  it('answer, reject and hang up send session:accept / session:reject / session:end', async () => {
    const { invoke, calls } = recorder();
    const phone = new ProtocolOnlyPhone(invoke);
    expect(await phone.answer('S-1')).toEqual({ ok: true, value: undefined });
    await phone.reject('S-2');
    await phone.hangup('S-3');
    expect(calls).toEqual([
      ['session:accept', { sessionId: 'S-1' }],
      ['session:reject', { sessionId: 'S-2' }],
      ['session:end', { sessionId: 'S-3' }],
    ]);
  });

  it('blind transfer to an agent or a queue, and dial, go through the contract', async () => {
    const { invoke, calls } = recorder((c) => (c === 'call:dial' ? { ok: true, value: { sessionId: 'S-9' } } : { ok: true, value: {} }));
    const phone = new ProtocolOnlyPhone(invoke);
    await phone.transferBlind('S-1', { kind: 'agent', agentId: 'a-2' });
    await phone.transferBlind('S-1', { kind: 'queue', queueId: 'q-billing' });
    expect(await phone.dial('+82 10 1234 5678', { queueId: 'q-tech' })).toEqual({ ok: true, value: { sessionId: 'S-9' } });
    expect(await phone.dial('010')).toEqual({ ok: true, value: { sessionId: 'S-9' } });
    expect(calls).toEqual([
      ['session:transfer', { sessionId: 'S-1', toAgentId: 'a-2' }],
      ['session:transfer', { sessionId: 'S-1', toQueueId: 'q-billing' }],
      ['call:dial', { number: '+82 10 1234 5678', queueId: 'q-tech' }],
      ['call:dial', { number: '010' }],
    ]);
  });

  it('expected failures and thrown invokes come back as values', async () => {
    const failing = recorder(() => ({ ok: false, error: { code: 'conflict', message: 'already in a call' } }));
    expect(await new ProtocolOnlyPhone(failing.invoke).dial('010')).toEqual({ ok: false, error: { code: 'conflict', message: 'already in a call' } });
    const throwing = (async () => {
      throw new Error('bridge down');
    }) as AgentDeskApi['invoke'];
    expect(await new ProtocolOnlyPhone(throwing).hangup('S-1')).toEqual({ ok: false, error: { code: 'unavailable', message: 'bridge down' } });
  });

  it('has no media: mute, hold, DTMF and attended transfer refuse with no_media and send nothing', async () => {
    const { invoke, calls } = recorder();
    const phone = new ProtocolOnlyPhone(invoke);
    expect(phone.getSnapshot().capabilities).toEqual({ media: false, mute: false, hold: false, dtmf: false, attendedTransfer: false });
    for (const r of [await phone.mute('S-1', true), await phone.hold('S-1', true), await phone.sendDtmf('S-1', '1'), await phone.transferAttended('S-1', { kind: 'agent', agentId: 'a' })]) {
      expect(r.ok ? null : r.error.code).toBe('no_media');
    }
    expect(calls).toEqual([]);
  });

  it('rings once per incoming voice session; not for chats or our own outbound dials', () => {
    const phone = new ProtocolOnlyPhone(recorder().invoke);
    const rang: string[] = [];
    phone.onIncoming((c) => rang.push(c.sessionId));
    const ringing = [voiceSession('S-1', 'ringing'), voiceSession('S-OUT', 'ringing', { type: 'voice_outbound' }), chatSession('C-1', 'ringing', 'A')];
    phone.syncSessions(ringing);
    phone.syncSessions(ringing);
    expect(rang).toEqual(['S-1']);
    expect(Object.keys(phone.getSnapshot().calls).sort()).toEqual(['S-1', 'S-OUT']);
    phone.syncSessions([voiceSession('S-1', 'connected')]);
    expect(phone.getSnapshot().calls['S-1']?.status).toBe('active');
    phone.syncSessions([]);
    expect(phone.getSnapshot().calls).toEqual({});
  });

  it('answering shows "answering" until the core says connected; a refused accept rings again', async () => {
    const { invoke } = recorder(() => ({ ok: false, error: { code: 'conflict', message: 'gone' } }));
    const phone = new ProtocolOnlyPhone(invoke);
    const states: string[] = [];
    phone.onStateChange((s) => states.push(s.calls['S-1']?.status ?? 'none'));
    phone.syncSessions([voiceSession('S-1', 'ringing')]);
    await phone.answer('S-1');
    expect(states).toEqual(['ringing', 'answering', 'ringing']);
  });

  it('register reports protocol-only once through softphone:report', async () => {
    const { invoke, calls } = recorder();
    const phone = new ProtocolOnlyPhone(invoke);
    await phone.register();
    await phone.register();
    expect(calls).toEqual([['softphone:report', { registered: false, detail: 'protocol-only: no SIP server configured' }]]);
    expect(phone.getSnapshot().registration).toBe('not-applicable');
  });

  it('keeps the device choice for the ringer and a later SIP phone', async () => {
    const phone = new ProtocolOnlyPhone(recorder().invoke, NO_DEVICES);
    await phone.setDevices({ microphoneId: 'm', speakerId: 's', ringerId: 'r' });
    expect(phone.getSnapshot().devices).toEqual({ microphoneId: 'm', speakerId: 's', ringerId: 'r' });
  });
});
