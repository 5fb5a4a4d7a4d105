// SOFT-1 rule 1: the SipPhone's calls come from the core's voice sessions; the phone adds only
// what it knows (answering, muted, held, consult).
import { describe, expect, it } from 'vitest';
import type { LiveSession } from '../../../common/ipc/app-state.js';
import { callStates, SnapshotStore, type LegView } from '../../../renderer/src/softphone/sip/phone-state.js';
import { liveSession } from '../../e2e/softphone/support/sessions.js';

const core = (...s: LiveSession[]) => new Map(s.map((x) => [x.session.id, x]));

describe('callStates', () => {
  it('ringing and connected sessions only; answering while the core still says ringing', () => {
    const c = core(
      liveSession({ id: 'S-1' }),
      liveSession({ id: 'S-2', phase: 'connected' }),
      liveSession({ id: 'S-3', phase: 'ended' }),
      liveSession({ id: 'S-4', phase: 'transferred' }),
    );
    const legs = new Map<string, LegView>([['S-2', { muted: true, held: true, consult: { target: { kind: 'agent', agentId: 'ag-2' }, status: 'connected' } }]]);
    expect(callStates(c, legs, new Set(['S-1']))).toEqual({
      'S-1': { sessionId: 'S-1', status: 'answering', muted: false, held: false, consult: null },
      'S-2': { sessionId: 'S-2', status: 'active', muted: true, held: true, consult: { target: { kind: 'agent', agentId: 'ag-2' }, status: 'connected' } },
    });
  });

  it('a SIP call the core does not list is not shown (the phone never invents a session)', () => {
    expect(callStates(core(), new Map([['S-9', { muted: false, held: false, consult: null }]]), new Set())).toEqual({});
  });
});

describe('SnapshotStore', () => {
  it('replaces the snapshot object on change only, and notifies', () => {
    const store = new SnapshotStore({ microphoneId: null, speakerId: null, ringerId: null });
    const seen: unknown[] = [];
    store.subscribe((s) => seen.push(s));
    const first = store.get();
    expect(first).toMatchObject({ kind: 'sip', registration: 'unregistered', capabilities: { media: true, mute: true, hold: true, dtmf: true, attendedTransfer: true } });
    store.setCalls({});
    store.setRegistration('unregistered', null);
    expect(seen).toEqual([]);
    store.setRegistration('registered', null);
    expect(store.get()).not.toBe(first);
    expect(first.registration).toBe('unregistered');
    store.setDevices({ microphoneId: 'm', speakerId: null, ringerId: 'r' });
    expect(seen).toHaveLength(2);
  });
});
