// Tunables of the SIP softphone, with the defaults the product ships. `createSipPhone` merges a
// partial object over these (tests and the benchmark use that; the app passes none today).
import type { TransferTarget } from '../phone.js';
import { DEFAULT_REGISTRATION, type RegistrationOptions } from './registration.js';

export type DtmfMode = 'auto' | 'rfc4733' | 'info';

export interface SipPhoneOptions {
  /** ICE servers; empty on a closed network (sip.js would otherwise use a public STUN server). */
  iceServers: RTCIceServer[];
  /** Longest wait for ICE candidates before an offer/answer is sent (no trickle ICE over SIP). */
  iceGatheringTimeoutMs: number;
  connectionTimeoutSec: number;
  registerExpiresSec: number;
  registration: RegistrationOptions;
  /** How long an INVITE whose X-Session-Id the core does not know yet waits for it (then 480). */
  inviteWaitMs: number;
  /** auto: RFC 4733 when negotiated, else SIP INFO. */
  dtmf: DtmfMode;
  /** Tone length and gap for RFC 4733 (ms). */
  dtmfDurationMs: number;
  dtmfGapMs: number;
  /** Where a transfer target lives; null = not reachable by SIP (the contract transfer still runs). */
  transferUri: ((target: TransferTarget, ownUri: string) => string | null) | null;
  /** Domain of dialled numbers (sip:<number>@<domain>); null = the host of the agent's own URI. */
  dialDomain: string | null;
  /** Answer consultation calls from colleagues (attended transfer) at once, when not in another call. */
  autoAnswerConsults: boolean;
  /** ICE: how long `disconnected` may last before an ICE restart (a `failed` restarts at once). */
  iceDisconnectedGraceMs: number;
  /** Open the microphone when a call starts ringing, so answering does not wait for it. */
  prewarmMicrophone: boolean;
  /** Wait for the SIP 200 OK of an answer at most this long. */
  answerTimeoutMs: number;
  /** A transferred call's NOTIFY outcome is awaited this long before our leg is ended anyway. */
  referTimeoutMs: number;
  logLevel: 'debug' | 'log' | 'warn' | 'error';
  traceSip: boolean;
}

export const DEFAULT_SIP_PHONE_OPTIONS: SipPhoneOptions = {
  iceServers: [],
  iceGatheringTimeoutMs: 1000,
  connectionTimeoutSec: 3,
  registerExpiresSec: 300,
  registration: DEFAULT_REGISTRATION,
  inviteWaitMs: 4000,
  dtmf: 'auto',
  dtmfDurationMs: 100,
  dtmfGapMs: 70,
  transferUri: null,
  dialDomain: null,
  autoAnswerConsults: true,
  iceDisconnectedGraceMs: 2000,
  prewarmMicrophone: true,
  answerTimeoutMs: 10_000,
  referTimeoutMs: 32_000,
  logLevel: 'error',
  traceSip: false,
};

export function resolveOptions(partial: Partial<SipPhoneOptions> | undefined): SipPhoneOptions {
  const o = { ...DEFAULT_SIP_PHONE_OPTIONS, ...partial };
  o.registration = { ...DEFAULT_REGISTRATION, ...partial?.registration };
  return o;
}
