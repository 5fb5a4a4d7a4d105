// The window APIs of the two test pages, shared by the page scripts (browser) and the specs
// (Node, through page.evaluate). Types only.
import type { IpcChannel } from '../../../../common/ipc/contract.js';
import type { LiveSession } from '../../../../common/ipc/app-state.js';
import type { PhoneResult, PhoneSnapshot } from '../../../../renderer/src/softphone/phone.js';
import type { AudioStats } from '../../../../renderer/src/softphone/sip/call-stats.js';
import type { SipPhoneOptions } from '../../../../renderer/src/softphone/sip/options.js';
import type { SipPhone } from '../../../../renderer/src/softphone/sip/sip-phone.js';
import type { SessionSpec } from './sessions.js';

export interface SipAccount {
  wsUrl: string;
  uri: string;
  displayName?: string;
  /** Digest credentials, for a server that challenges REGISTER (the user defaults to the URI's). */
  authorizationUsername?: string;
  password?: string;
}

/** A contract call the SipPhone made, as the test double of `invoke` recorded it. */
export interface RecordedCall {
  channel: IpcChannel;
  request: unknown;
  at: number;
}

export type PhoneMethod =
  | 'register'
  | 'answer'
  | 'reject'
  | 'hangup'
  | 'mute'
  | 'hold'
  | 'sendDtmf'
  | 'transferBlind'
  | 'transferAttended'
  | 'completeAttendedTransfer'
  | 'cancelAttendedTransfer'
  | 'dial'
  | 'setDevices';

export interface AgentHarnessApi {
  /**
   * forward: every contract call goes to `window.forwardInvoke` (exposed by the spec, which relays
   * it to the contact-center simulator) instead of the double's own replies.
   * autoCore (default true): the double also behaves like the core for the recorded calls:
   * session:accept -> connected, session:reject -> gone, session:end -> ended, session:transfer ->
   * transferred, call:dial -> a ringing voice_outbound session (each pushed after the reply).
   */
  create(account: SipAccount, options?: Partial<Omit<SipPhoneOptions, 'transferUri'>>, autoCore?: boolean, forward?: boolean): void;
  /** Any Phone method by name; the result as the phone returned it. */
  run(method: PhoneMethod, ...args: unknown[]): Promise<PhoneResult<unknown>>;
  /** The core offers a voice session (ringing) and pushes its sessions. */
  offer(spec: SessionSpec): void;
  setPhase(sessionId: string, phase: LiveSession['phase']): void;
  /** Replace the core's sessions and push them (syncSessions). */
  push(sessions: LiveSession[]): void;
  coreSessions(): LiveSession[];
  /** Replies of the invoke double by channel (default: ok; call:dial: ok with the next queued id). */
  reply(channel: IpcChannel, result: unknown): void;
  queueDialSessionId(id: string): void;
  calls(): RecordedCall[];
  snapshot(): PhoneSnapshot;
  incoming(): string[];
  stats(sessionId: string): Promise<AudioStats | null>;
  debug(): ReturnType<SipPhone['debugState']>;
  restartIce(sessionId: string): Promise<boolean>;
  /** RFC 4733 tones the call's RTCDTMFSender played (its tonechange events). */
  tonesPlayed(sessionId: string): string[];
  /** Answers and times it (epoch ms): the click, answer() resolving, the first RTP packet received. */
  measureAnswer(sessionId: string): Promise<{ click: number; answered: number; firstRtp: number }>;
  unregister(): Promise<void>;
  devices(): Promise<MediaDeviceInfo[]>;
  /** Label of the microphone track the call sends. */
  senderLabel(sessionId: string): string | null;
  /** Every registration state the snapshot went through, with epoch ms. */
  registrationLog(): { state: string; at: number }[];
  /** SIP requests the phone sent over its WebSockets (method, epoch ms). */
  sipSent(): { method: string; at: number }[];
  /** Network loss as the page sees it: close every WebSocket the phone opened (no SIP goodbye). */
  dropConnections(): number;
}

export interface CallerCall {
  index: number;
  direction: 'out' | 'in';
  state: string;
  /** X-Session-Id the INVITE carried (sent or received). */
  sessionId: string | null;
  /** Call-ID, and for transferred calls the index of the call it came from. */
  callId: string;
  referredFrom: number | null;
  replaces: string | null;
  /** The final response to an outgoing INVITE (200, 486, 603, 480...). */
  finalStatus: number | null;
  /** Epoch ms: call started (offer being made) or INVITE received, INVITE sent (outgoing), 200 OK received (outgoing), established. */
  timings: { invite: number; sent?: number; accepted?: number; established?: number };
}

export interface CallerState {
  registered: boolean;
  calls: CallerCall[];
  infos: { call: number; signal: string; durationMs: number | null }[];
  refers: { call: number; referTo: string; sessionId: string | null; replaces: string | null }[];
  log: string[];
}

export interface CallerApi {
  /** rfc4733: false leaves telephone-events out of this line's SDP, so DTMF reaches it as SIP INFO. */
  start(account: SipAccount, opts?: { autoAnswer?: boolean; rfc4733?: boolean }): Promise<void>;
  /** Call `target` with X-Session-Id: resolves with the call index once the INVITE is sent. */
  call(target: string, sessionId: string | null, extraHeaders?: string[]): Promise<number>;
  answer(index: number): Promise<void>;
  hangup(index: number): Promise<void>;
  hold(index: number, held: boolean): Promise<boolean>;
  sendInfo(index: number, tone: string): Promise<void>;
  stats(index: number): Promise<AudioStats | null>;
  state(): CallerState;
  restartIce(index: number): Promise<boolean>;
  /** Start watching the call's inbound RTP; firstRtp() resolves with the epoch ms of the first packet. */
  watchRtp(index: number): void;
  firstRtp(index: number): Promise<number>;
  stop(): Promise<void>;
}

declare global {
  interface Window {
    forwardInvoke?: (channel: IpcChannel, request: unknown) => Promise<unknown>;
    agentHarness: AgentHarnessApi;
    caller: CallerApi;
    pageReady: boolean;
  }
}
