// The fixtures the renderer tests push are valid AppState: a UI tested on them is tested on the contract.
import { describe, expect, it } from 'vitest';
import { appStateSchema } from '../../../common/ipc/app-state.js';
import { AUDIT, baseState, chatSession, record, signedInState, signedOutState, SUPERVISOR_AGENTS, voiceSession } from '../../e2e/renderer/support/fixtures.js';

describe('renderer fixtures', () => {
  it('satisfy appStateSchema', () => {
    const s = baseState({
      sessions: [
        voiceSession('S-1', 'ringing'),
        voiceSession('S-2', 'connected', {}, { record: record('S-2', { writeState: 'failed', error: 'HTTP 500', failedEntryId: 7 }) }),
        chatSession('C-1', 'connected', 'Hana Yoon', [{ id: 'm1', from: 'consumer', text: 'hi' }]),
      ],
      audit: AUDIT,
      supervisor: SUPERVISOR_AGENTS,
    });
    const r = appStateSchema.safeParse(s);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('the signed-out and signed-in states satisfy it too', () => {
    for (const s of [signedOutState(), signedOutState({}, { state: 'failed', error: { code: 'auth_refused', text: { en: 'refused', ko: '거부' } } }), signedInState()]) {
      const r = appStateSchema.safeParse(s);
      expect(r.success ? [] : r.error.issues).toEqual([]);
    }
  });
});
