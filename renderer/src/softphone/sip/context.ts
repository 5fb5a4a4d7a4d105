// What the SipPhone's parts (incoming calls, transfers, outbound dialling) share: the core's
// sessions, the SIP calls, the contract calls and the user agent.
import type { Invitation, Inviter } from 'sip.js';
import type { LiveSession } from '../../../../common/ipc/app-state.js';
import type { ContractCalls } from '../contract-calls.js';
import type { PhoneResult } from '../phone.js';
import type { CallLeg } from './call-leg.js';
import type { SipPhoneOptions } from './options.js';
import type { SipAgent } from './sip-agent.js';

export interface PhoneContext {
  readonly options: SipPhoneOptions;
  readonly contract: ContractCalls;
  /** The core's voice sessions, by id (rule 1: the source of truth). */
  readonly core: ReadonlyMap<string, LiveSession>;
  readonly legs: Map<string, CallLeg>;
  /** answer() ran and the core has not said connected yet. */
  readonly answering: Set<string>;
  /** The user agent, or null before register(). */
  agent(): SipAgent | null;
  /** The agent's own SIP URI (config). */
  readonly ownUri: string;
  /** Wraps a sip.js session as this session's call: state, media, far-end requests. */
  adopt(sessionId: string, session: Invitation | Inviter, direction: 'in' | 'out'): CallLeg;
  /** Something the snapshot shows changed. */
  changed(): void;
  /** The header carrying the session id for this session (its `sipCallHeader`). */
  headerFor(sessionId: string): string;
  log(message: string): void;
}

export function fail(code: string, message: string): PhoneResult<never> {
  return { ok: false, error: { code, message } };
}

export const OK: PhoneResult = { ok: true, value: undefined };
