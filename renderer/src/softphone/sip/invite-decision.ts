// What to do with an incoming INVITE (SOFT-1, PROTOCOL.md): match it to the core's voice session
// by its X-Session-Id. Pure, so every branch is unit-tested; sip-phone.ts carries it out.
import type { LiveSession } from '../../../../common/ipc/app-state.js';

export type InviteDecision =
  /** The core says this session rings here: ring (the agent answers through the UI). */
  | { kind: 'ring' }
  /** Accept at once: the agent already answered, the session is already connected here, or the
   *  INVITE replaces a consultation this agent is in (attended transfer completing). */
  | { kind: 'accept'; contractAccept: boolean }
  /** The core does not know the session yet (its push may trail the INVITE): wait briefly. */
  | { kind: 'wait' }
  | { kind: 'reject'; status: number; reason: string };

export interface InviteFacts {
  sessionId: string | null;
  /** The core's phase for the session, null when the core does not list it. */
  phase: LiveSession['phase'] | null;
  type: LiveSession['session']['type'] | null;
  /** This session already has a SIP call here. */
  hasCall: boolean;
  /** answer() ran before the INVITE arrived. */
  answering: boolean;
  /** The INVITE carries Replaces for one of this phone's dialogs. */
  replaces: boolean;
  /** The wait for the core is over. */
  waited: boolean;
}

export function decideInvite(f: InviteFacts): InviteDecision {
  if (f.sessionId === null) return { kind: 'reject', status: 480, reason: 'No X-Session-Id' };
  if (f.hasCall) return { kind: 'reject', status: 486, reason: 'Session already has a call' };
  if (f.phase === null) return f.waited ? { kind: 'reject', status: 480, reason: 'Unknown session' } : { kind: 'wait' };
  if (f.type === 'voice_outbound') return { kind: 'reject', status: 488, reason: 'Outbound sessions are dialled by this phone' };
  switch (f.phase) {
    case 'ringing':
      if (f.answering) return { kind: 'accept', contractAccept: false };
      if (f.replaces) return { kind: 'accept', contractAccept: true };
      return { kind: 'ring' };
    case 'connected':
      return { kind: 'accept', contractAccept: false };
    default:
      return { kind: 'reject', status: 480, reason: `Session ${f.phase}` };
  }
}
