// SipPhone: the sip.js implementation of `Phone` (SOFT-1). Registers over the WebSocket, matches
// incoming INVITEs to the core's voice sessions by X-Session-Id, and carries out the agent's call
// actions in SIP while always also sending the contract calls (rules in ../phone.ts).
// Parts: registration.ts (connect, REGISTER, reconnect), incoming.ts (INVITE matching),
// media-controls.ts (mute, hold, DTMF, ICE restart), transfers.ts (REFER, consult),
// outbound.ts (dial), call-leg.ts (per-call SIP operations).
import { SessionState } from 'sip.js';
import type { LiveSession } from '../../../../common/ipc/app-state.js';
import { contractCalls, type ContractCalls } from '../contract-calls.js';
import type { AudioDeviceChoice, Phone, PhoneResult, PhoneSnapshot, TransferTarget } from '../phone.js';
import { endSession, isEstablished, peerOf, type CallLeg } from './call-leg.js';
import { CallLifecycle } from './call-lifecycle.js';
import { audioStats, type AudioStats } from './call-stats.js';
import { fail, OK, type PhoneContext } from './context.js';
import { DEFAULT_SESSION_HEADER } from './headers.js';
import { IncomingCalls } from './incoming.js';
import type { SipPhoneDeps } from './load-sip-phone.js';
import { MediaControls } from './media-controls.js';
import { Microphone } from './microphone.js';
import { resolveOptions, type SipPhoneOptions } from './options.js';
import { Outbound } from './outbound.js';
import { callStates, SnapshotStore } from './phone-state.js';
import { Registration, type RegState } from './registration.js';
import { SipAgent } from './sip-agent.js';
import { Transfers } from './transfers.js';
import { WakeDetector } from './wake-detector.js';

export class SipPhone implements Phone {
  readonly kind = 'sip' as const;
  readonly options: SipPhoneOptions;
  private readonly contract: ContractCalls;
  private readonly store: SnapshotStore;
  private readonly core = new Map<string, LiveSession>();
  private readonly legs = new Map<string, CallLeg>();
  private readonly answering = new Set<string>();
  private readonly incomingListeners = new Set<(call: { sessionId: string }) => void>();
  private readonly mic: Microphone;
  private readonly incoming: IncomingCalls;
  private readonly transfers: Transfers;
  private readonly outbound: Outbound;
  private readonly media: MediaControls;
  private readonly lifecycle: CallLifecycle;
  private readonly ctx: PhoneContext;
  private agent: SipAgent | null = null;
  private registration: Registration | null = null;
  private wake: WakeDetector | null = null;
  private reported: boolean | null = null;
  private setup: Promise<PhoneResult> | null = null;
  private disposed = false;
  /** Recent log lines (no secrets), for the tests, the benchmark and support. */
  readonly logLines: string[] = [];

  constructor(private readonly deps: SipPhoneDeps) {
    this.options = resolveOptions(deps.options);
    this.contract = contractCalls(deps.invoke);
    this.store = new SnapshotStore(deps.devices);
    this.mic = new Microphone(() => this.store.get().devices.microphoneId);
    this.ctx = {
      options: this.options,
      contract: this.contract,
      core: this.core,
      legs: this.legs,
      answering: this.answering,
      ownUri: deps.config.uri,
      agent: () => this.agent,
      adopt: (id, s, dir) => this.lifecycle.adopt(id, s, dir),
      changed: () => this.refresh(),
      headerFor: (id) => this.core.get(id)?.session.sipCallHeader ?? DEFAULT_SESSION_HEADER,
      log: (m) => this.log(m),
    };
    this.lifecycle = new CallLifecycle(this.ctx, {
      speakerId: () => this.store.get().devices.speakerId,
      restartIce: (id, why) => this.restartIce(id, why),
      idle: () => {
        if (this.incoming.consults.size === 0) this.mic.release();
      },
    });
    this.incoming = new IncomingCalls(this.ctx, {
      ringing: (id) => {
        if (this.options.prewarmMicrophone) this.mic.prewarm();
        for (const l of [...this.incomingListeners]) l({ sessionId: id });
      },
      accept: (id, contractAccept) => void this.lifecycle.accept(id, contractAccept),
      speakerId: () => this.store.get().devices.speakerId,
    });
    this.transfers = new Transfers(this.ctx, { hold: (id, h) => this.hold(id, h), speakerId: () => this.store.get().devices.speakerId });
    this.outbound = new Outbound(this.ctx);
    this.media = new MediaControls(this.ctx, this.mic);
  }

  // ---- registration -------------------------------------------------------------------------

  async register(): Promise<PhoneResult> {
    if (this.disposed) return fail('disposed', 'This phone was closed.');
    this.setup ??= this.createAgent();
    const made = await this.setup;
    if (!made.ok) {
      this.setup = null;
      return made;
    }
    if (!this.registration) return fail('disposed', 'This phone was closed.');
    const r = await this.registration.start();
    return r.ok ? OK : fail('sip_unregistered', r.detail ?? 'Not registered with the SIP server.');
  }

  /** The user agent and its registration, once (the password is asked for here, never kept in the snapshot). */
  private async createAgent(): Promise<PhoneResult> {
    const password = this.deps.config.hasPassword ? await this.deps.getPassword().catch(() => null) : null;
    try {
      this.agent = new SipAgent({ ...this.deps.config, password }, this.options, this.mic.factory, {
        onInvite: (inv) => this.incoming.onInvite(inv),
        onConnect: () => this.registration?.onConnected(),
        onDisconnect: (e) => this.registration?.onDisconnected(e),
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.onRegState('failed', message);
      return fail('sip_config', message);
    }
    this.registration = new Registration(
      this.agent,
      { onState: (s, d) => this.onRegState(s, d), onReconnected: () => this.afterReconnect() },
      this.options.registration,
    );
    this.watchNetwork();
    return OK;
  }

  async unregister(): Promise<void> {
    this.unwatchNetwork();
    for (const leg of [...this.legs.values()]) {
      leg.endedHere = true;
      if (leg.consult) await endSession(leg.consult.inviter);
      await endSession(leg.session);
    }
    this.incoming.dispose();
    this.mic.release();
    await this.registration?.stop();
    await this.agent?.stop();
    this.registration = null;
    this.agent = null;
    this.setup = null;
  }

  private onRegState(state: RegState, detail: string | null): void {
    this.store.setRegistration(state, detail);
    const registered = state === 'registered';
    if (this.reported !== registered && (registered || this.reported !== null || state === 'failed')) {
      this.reported = registered;
      void this.contract.report(registered, detail ?? (registered ? `registered as ${this.deps.config.uri}` : state));
    }
    this.log(`registration: ${state}${detail ? ` (${detail})` : ''}`);
  }

  private readonly onOnline = () => this.registration?.probe('online');
  private readonly onOffline = () => this.registration?.offline();

  private watchNetwork(): void {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
    this.wake = new WakeDetector((slept) => {
      this.log(`woke up after ~${Math.round(slept / 1000)} s`);
      this.registration?.probe('wake');
    });
    this.wake.start();
  }

  private unwatchNetwork(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    this.wake?.stop();
    this.wake = null;
  }

  /** The WebSocket came back: refresh each call's dialog (new Contact) and its ICE (new paths). */
  private afterReconnect(): void {
    for (const leg of this.legs.values()) {
      if (!isEstablished(leg.session)) continue;
      leg.ice?.resetAttempts();
      void this.restartIce(leg.sessionId, 'signalling reconnected');
    }
  }

  // ---- sessions from the core ---------------------------------------------------------------

  syncSessions(sessions: readonly LiveSession[]): void {
    this.core.clear();
    for (const s of sessions) if (s.session.channel === 'voice') this.core.set(s.session.id, s);
    for (const id of [...this.answering]) if (this.core.get(id)?.phase !== 'ringing') this.answering.delete(id);
    for (const leg of [...this.legs.values()]) {
      const live = this.core.get(leg.sessionId);
      const gone = !live || live.phase === 'ended' || live.phase === 'abandoned' || live.phase === 'transferred';
      if (live?.phase === 'connected' && leg.direction === 'in' && leg.session.state === SessionState.Initial && !this.answering.has(leg.sessionId)) {
        // Answered for this agent elsewhere (a shortcut, another window): take the audio here.
        void this.lifecycle.accept(leg.sessionId, false);
        continue;
      }
      if (gone && !leg.transferring && !leg.endedHere) {
        // The contact center ended it (customer left, ring timeout, another device, a transfer
        // made elsewhere): the SIP call goes too.
        this.log(`session ${leg.sessionId} is ${live?.phase ?? 'gone'} at the core: ending its SIP call`);
        leg.endedHere = true;
        void endSession(leg.session, 480);
      }
    }
    this.incoming.resume();
    this.outbound.placePending();
    this.refresh();
  }

  // ---- listeners and snapshot ---------------------------------------------------------------

  onIncoming(listener: (call: { sessionId: string }) => void): () => void {
    this.incomingListeners.add(listener);
    return () => this.incomingListeners.delete(listener);
  }

  onStateChange(listener: (s: PhoneSnapshot) => void): () => void {
    return this.store.subscribe(listener);
  }

  getSnapshot(): PhoneSnapshot {
    return this.store.get();
  }

  private refresh(): void {
    this.store.setCalls(callStates(this.core, this.legs, this.answering));
  }

  // ---- calls ----------------------------------------------------------------------------------

  async answer(sessionId: string): Promise<PhoneResult> {
    const live = this.core.get(sessionId);
    if (!live || live.phase !== 'ringing') return fail('not_ringing', `Session ${sessionId} is not ringing.`);
    if (this.answering.has(sessionId)) return OK;
    this.answering.add(sessionId);
    this.refresh();
    const leg = this.legs.get(sessionId);
    if (leg && leg.direction === 'in' && leg.session.state === SessionState.Initial) {
      const r = await this.lifecycle.accept(sessionId, true);
      if (!r.ok) this.answering.delete(sessionId);
      this.refresh();
      return r;
    }
    // No INVITE yet: the contact center hears the answer now, and the INVITE is accepted as
    // soon as it arrives (incoming.ts: "answering").
    const c = await this.contract.accept(sessionId);
    if (!c.ok) this.answering.delete(sessionId);
    this.refresh();
    return c;
  }

  async reject(sessionId: string): Promise<PhoneResult> {
    const leg = this.legs.get(sessionId);
    if (leg && leg.session.state !== SessionState.Terminated) {
      leg.endedHere = true;
      const busy = [...this.legs.values()].some((l) => l !== leg && isEstablished(l.session));
      void endSession(leg.session, busy ? 486 : 603);
    }
    this.answering.delete(sessionId);
    const r = await this.contract.reject(sessionId);
    this.refresh();
    return r;
  }

  async hangup(sessionId: string): Promise<PhoneResult> {
    this.outbound.forget(sessionId);
    const leg = this.legs.get(sessionId);
    if (leg) {
      leg.endedHere = true;
      if (leg.consult) {
        leg.consult.completing = true;
        void endSession(leg.consult.inviter);
      }
      void endSession(leg.session, 603);
    }
    const r = await this.contract.end(sessionId);
    this.refresh();
    return r;
  }

  mute(sessionId: string, muted: boolean): Promise<PhoneResult> {
    return Promise.resolve(this.media.mute(sessionId, muted));
  }

  hold(sessionId: string, held: boolean): Promise<PhoneResult> {
    return this.media.hold(sessionId, held);
  }

  sendDtmf(sessionId: string, tones: string): Promise<PhoneResult> {
    return this.media.sendDtmf(sessionId, tones);
  }

  transferBlind(sessionId: string, target: TransferTarget): Promise<PhoneResult> {
    return this.transfers.blind(sessionId, target);
  }

  transferAttended(sessionId: string, target: TransferTarget): Promise<PhoneResult> {
    return this.transfers.startConsult(sessionId, target);
  }

  completeAttendedTransfer(sessionId: string): Promise<PhoneResult> {
    return this.transfers.completeConsult(sessionId);
  }

  cancelAttendedTransfer(sessionId: string): Promise<PhoneResult> {
    return this.transfers.cancelConsult(sessionId);
  }

  dial(number: string, options?: { queueId?: string }): Promise<PhoneResult<{ sessionId: string }>> {
    return this.outbound.dial(number, options?.queueId);
  }

  async setDevices(devices: AudioDeviceChoice): Promise<PhoneResult> {
    const before = this.store.get().devices;
    this.store.setDevices(devices);
    const problems: string[] = [];
    for (const leg of this.legs.values()) {
      if (leg.audio && !(await leg.audio.setSink(devices.speakerId))) problems.push('speaker');
      if (leg.consult?.audio) await leg.consult.audio.setSink(devices.speakerId);
      if (devices.microphoneId !== before.microphoneId && isEstablished(leg.session)) {
        const ok = await this.media.switchMicrophone(leg);
        if (!ok) problems.push('microphone');
      }
    }
    if (devices.microphoneId !== before.microphoneId) this.mic.release();
    return problems.length ? fail('device_unavailable', `Could not switch the ${[...new Set(problems)].join(' and ')}.`) : OK;
  }

  // ---- media recovery and inspection (also used by the tests and the benchmark) --------------

  /** Re-INVITE with an ICE restart (keeps the hold state). */
  restartIce(sessionId: string, reason = 'requested'): Promise<boolean> {
    return this.media.restartIce(sessionId, reason);
  }

  /** The call's peer connection, for diagnostics and the tests (DTMF tone events). */
  peerConnection(sessionId: string): RTCPeerConnection | undefined {
    const leg = this.legs.get(sessionId);
    return leg ? peerOf(leg.session) : undefined;
  }

  async callStats(sessionId: string): Promise<AudioStats | null> {
    const leg = this.legs.get(sessionId);
    return leg ? audioStats(peerOf(leg.session)) : null;
  }

  /** Facts for tests and support: SIP state per call, the last INVITE decisions, timings. */
  debugState() {
    return {
      registration: this.registration?.getState() ?? null,
      lastRecoveryMs: this.registration?.lastRecoveryMs ?? null,
      calls: [...this.legs.values()].map((l) => ({
        sessionId: l.sessionId,
        direction: l.direction,
        sipState: l.session.state,
        muted: l.muted,
        held: l.held,
        consult: l.consult ? { status: l.consult.status, uri: l.consult.uri, sipState: l.consult.inviter.state } : null,
        dtmf: [...l.dtmf],
        iceRestarts: l.ice?.restarts ?? 0,
        sinkId: l.audio?.sinkId ?? null,
        times: { ...l.times },
      })),
      consultsIn: this.incoming.consults.size,
      inviteDecisions: [...this.incoming.decisions],
      log: [...this.logLines],
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.incomingListeners.clear();
    this.store.clear();
    void this.unregister();
  }

  private log(message: string): void {
    this.logLines.push(`${new Date().toISOString()} ${message}`);
    if (this.logLines.length > 300) this.logLines.splice(0, this.logLines.length - 300);
  }
}

export function createSipPhone(deps: SipPhoneDeps): SipPhone {
  return new SipPhone(deps);
}
