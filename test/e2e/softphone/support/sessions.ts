// LiveSession objects as the core pushes them (common/ipc/app-state.ts), for the harness's
// stand-in core and the specs. Plain objects: this file also runs in the page.
import type { LiveSession } from '../../../../common/ipc/app-state.js';

export interface SessionSpec {
  id: string;
  phase?: LiveSession['phase'];
  type?: LiveSession['session']['type'];
  phone?: string;
  dialedNumber?: string | null;
}

export function liveSession(spec: SessionSpec): LiveSession {
  const now = new Date().toISOString();
  const type = spec.type ?? 'voice_inbound_ivr';
  const phone = spec.phone ?? '+821012345678';
  return {
    session: {
      id: spec.id,
      channel: 'voice',
      type,
      queue: { id: 'q-billing', name: 'Billing', path: ['Support', 'Billing'], leaf: true },
      menuPath: 'Support > Billing',
      language: 'ko',
      dialedNumber: spec.dialedNumber === undefined ? (type === 'voice_outbound' ? phone : '+82215881234') : spec.dialedNumber,
      customer: { phone, identifier: null, email: null, name: null },
      customData: {},
      startedAt: now,
      recordingEnabled: false,
      callback: null,
      sipCallHeader: 'X-Session-Id',
    },
    phase: spec.phase ?? 'ringing',
    assignedAt: now,
    connectedAt: spec.phase === 'connected' ? now : null,
    endedAt: null,
    messages: [],
    consumerTyping: false,
    record: null,
  };
}

export function withPhase(s: LiveSession, phase: LiveSession['phase']): LiveSession {
  const now = new Date().toISOString();
  return {
    ...s,
    phase,
    connectedAt: phase === 'connected' ? (s.connectedAt ?? now) : s.connectedAt,
    endedAt: phase === 'ended' || phase === 'abandoned' || phase === 'transferred' ? now : s.endedAt,
  };
}
