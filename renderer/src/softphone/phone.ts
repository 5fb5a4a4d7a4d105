// SOFT-1: the softphone behind one interface. The UI talks only to `Phone`; which implementation
// runs depends on `state.softphone.sip`:
// - null: `ProtocolOnlyPhone` (no SIP server configured; the audio is elsewhere, e.g. a desk
//   phone). It answers, rejects, ends and transfers through the IPC contract only.
// - set: `SipPhone` (sip.js over WSS, WebRTC audio), loaded lazily with sip.js (sip/load.ts).
//
// Rules every implementation keeps:
// 1. The core is the source of truth for sessions. `syncSessions` receives the voice sessions of
//    every AppState push; a phone never invents or drops a session on its own.
// 2. answer / reject / hangup ALWAYS also send `session:accept` / `session:reject` / `session:end`
//    (use `contractCalls`), whether or not SIP media is involved. Blind and attended transfers
//    end with `session:transfer`; dial sends `call:dial`.
// 3. Methods never throw: expected failures are `{ ok: false, error }` values (IpcError shape,
//    with `text` when the core gave a localized text) that the UI shows.
// 4. Controls that need media (mute, hold, DTMF, attended consult) are advertised through
//    `capabilities`; the UI disables what a phone cannot do and says why.
// 5. Voice sessions reach a SIP phone as an INVITE carrying `X-Session-Id: <sessionId>`
//    (PROTOCOL.md); a SipPhone correlates INVITEs to sessions with that header.
import type { IpcError } from '../../../common/ipc/contract.js';
import type { LiveSession } from '../../../common/ipc/app-state.js';

export type PhoneKind = 'protocol-only' | 'sip';

export type PhoneResult<T = void> = { ok: true; value: T } | { ok: false; error: IpcError };

export type TransferTarget = { kind: 'agent'; agentId: string } | { kind: 'queue'; queueId: string };

/** The agent's audio choice (device ids from `enumerateDevices`; null = system default). */
export interface AudioDeviceChoice {
  microphoneId: string | null;
  speakerId: string | null;
  /** Where incoming calls ring; may differ from the headset (e.g. the laptop's speakers). */
  ringerId: string | null;
}

export type RegistrationState =
  /** No SIP server: nothing to register (ProtocolOnlyPhone). */
  | 'not-applicable'
  | 'unregistered'
  | 'registering'
  | 'registered'
  | 'failed';

export interface PhoneCapabilities {
  /** Audio flows through this app. */
  media: boolean;
  mute: boolean;
  hold: boolean;
  dtmf: boolean;
  /** Consult the target before handing over (SIP: a second call while the caller is held). */
  attendedTransfer: boolean;
}

export interface ConsultState {
  target: TransferTarget;
  /** dialing: calling the target; connected: talking to the target; failed: the consult leg failed. */
  status: 'dialing' | 'connected' | 'failed';
}

/** The phone's own view of one voice session (media-side facts the core does not know). */
export interface PhoneCallState {
  sessionId: string;
  /** answering: accept sent, waiting for the core to say connected. */
  status: 'ringing' | 'answering' | 'active' | 'ended';
  muted: boolean;
  held: boolean;
  consult: ConsultState | null;
}

export interface PhoneSnapshot {
  kind: PhoneKind;
  registration: RegistrationState;
  /** Why the registration is what it is (server error, "no SIP server configured"). */
  detail: string | null;
  capabilities: PhoneCapabilities;
  calls: Readonly<Record<string, PhoneCallState>>;
  devices: AudioDeviceChoice;
}

export interface Phone {
  readonly kind: PhoneKind;

  /** Connect and register (SIP) or just report readiness (protocol only). Idempotent. */
  register(): Promise<PhoneResult>;
  /** Unregister and stop every media stream. */
  unregister(): Promise<void>;

  /** Feed the core's voice sessions (every AppState push). Drives ringing, connected and ended. */
  syncSessions(sessions: readonly LiveSession[]): void;

  /** A session starts ringing on this phone (SIP: its INVITE arrived and matched the session). */
  onIncoming(listener: (call: { sessionId: string }) => void): () => void;
  /** Any change of `getSnapshot()`; the snapshot object is replaced, never mutated. */
  onStateChange(listener: (snapshot: PhoneSnapshot) => void): () => void;
  getSnapshot(): PhoneSnapshot;

  /** Answer: SIP accept (if any) and `session:accept`. */
  answer(sessionId: string): Promise<PhoneResult>;
  /** Reject: SIP 486/603 (if any) and `session:reject`. */
  reject(sessionId: string): Promise<PhoneResult>;
  /** Hang up (also cancels an outbound call still ringing): SIP BYE/CANCEL and `session:end`. */
  hangup(sessionId: string): Promise<PhoneResult>;
  mute(sessionId: string, muted: boolean): Promise<PhoneResult>;
  /** Hold (true) or resume (false): SIP re-INVITE sendonly/sendrecv. */
  hold(sessionId: string, held: boolean): Promise<PhoneResult>;
  /** DTMF tones (0-9, *, #, A-D), RFC 4733 or SIP INFO. */
  sendDtmf(sessionId: string, tones: string): Promise<PhoneResult>;
  /** Hand the session over at once: `session:transfer`. */
  transferBlind(sessionId: string, target: TransferTarget): Promise<PhoneResult>;
  /** Start an attended transfer: hold the caller and consult the target (see `capabilities`). */
  transferAttended(sessionId: string, target: TransferTarget): Promise<PhoneResult>;
  /** Finish the attended transfer: hand the caller to the consulted target (`session:transfer`). */
  completeAttendedTransfer(sessionId: string): Promise<PhoneResult>;
  /** Abandon the consultation and resume the caller. */
  cancelAttendedTransfer(sessionId: string): Promise<PhoneResult>;
  /** Outbound call: `call:dial`; the core then pushes a `voice_outbound` session. */
  dial(number: string, options?: { queueId?: string }): Promise<PhoneResult<{ sessionId: string }>>;
  setDevices(devices: AudioDeviceChoice): Promise<PhoneResult>;

  dispose(): void;
}

export const NO_DEVICES: AudioDeviceChoice = { microphoneId: null, speakerId: null, ringerId: null };
