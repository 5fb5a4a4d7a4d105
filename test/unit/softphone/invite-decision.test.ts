// SOFT-1 / PROTOCOL.md: an incoming INVITE is matched to the core's voice session by X-Session-Id.
import { describe, expect, it } from 'vitest';
import { decideInvite, type InviteFacts } from '../../../renderer/src/softphone/sip/invite-decision.js';

const base: InviteFacts = { sessionId: 'S-1', phase: 'ringing', type: 'voice_inbound_ivr', hasCall: false, answering: false, replaces: false, waited: false };
const d = (f: Partial<InviteFacts>) => decideInvite({ ...base, ...f });

describe('decideInvite', () => {
  it('rings when the core says the session rings here', () => {
    expect(d({})).toEqual({ kind: 'ring' });
  });

  it('waits for a session the core does not list yet, then rejects 480', () => {
    expect(d({ phase: null, type: null })).toEqual({ kind: 'wait' });
    expect(d({ phase: null, type: null, waited: true })).toMatchObject({ kind: 'reject', status: 480 });
  });

  it('rejects 480 at once without a session id', () => {
    expect(d({ sessionId: null, phase: null })).toMatchObject({ kind: 'reject', status: 480 });
  });

  it('accepts at once when the agent already answered (the INVITE came after the click)', () => {
    expect(d({ answering: true })).toEqual({ kind: 'accept', contractAccept: false });
    expect(d({ phase: 'connected' })).toEqual({ kind: 'accept', contractAccept: false });
  });

  it('accepts an INVITE replacing our consultation, and tells the core (attended transfer)', () => {
    expect(d({ replaces: true })).toEqual({ kind: 'accept', contractAccept: true });
  });

  it('refuses a second call for the same session (486)', () => {
    expect(d({ hasCall: true })).toMatchObject({ kind: 'reject', status: 486 });
  });

  it('refuses sessions that are over, and INVITEs for our own outbound dial', () => {
    for (const phase of ['ended', 'abandoned', 'transferred'] as const) expect(d({ phase })).toMatchObject({ kind: 'reject', status: 480 });
    expect(d({ type: 'voice_outbound' })).toMatchObject({ kind: 'reject', status: 488 });
  });
});
