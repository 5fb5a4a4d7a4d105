// The life of one SIP call of the phone: wrapping a sip.js session as a session's call, its
// media once established (remote audio on the chosen speaker, ICE watch, track state), what its
// end means for the contact center (the far end hung up: session:end; a dial that failed: the
// unanswered dial ends), and accepting an incoming call (SIP and the contract in parallel).
import { SessionState, type Invitation, type Inviter } from 'sip.js';
import type { PhoneResult } from '../phone.js';
import { applyTrackState, endSession, sdhOf, type CallLeg } from './call-leg.js';
import { fail, OK, type PhoneContext } from './context.js';
import { IceWatch } from './ice-watch.js';
import { RemoteAudio } from './remote-audio.js';

export interface LifecycleHooks {
  speakerId(): string | null;
  restartIce(sessionId: string, reason: string): Promise<boolean>;
  /** No SIP call left (the prewarmed microphone can close). */
  idle(): void;
}

export class CallLifecycle {
  constructor(
    private readonly ctx: PhoneContext,
    private readonly hooks: LifecycleHooks,
  ) {}

  adopt(sessionId: string, session: Invitation | Inviter, direction: 'in' | 'out'): CallLeg {
    const leg: CallLeg = {
      sessionId,
      direction,
      session,
      muted: false,
      held: false,
      consult: null,
      audio: null,
      ice: null,
      transferring: false,
      endedHere: false,
      dtmf: [],
      times: { invite: performance.now() },
    };
    this.ctx.legs.set(sessionId, leg);
    session.delegate = {
      onBye: (bye) => void bye.accept().catch(() => undefined),
      // DTMF the far end sends us: acknowledged (nothing to do with it here).
      onInfo: (info) => void info.accept().catch(() => undefined),
      // The far end asking us to transfer it is not something an agent's phone does.
      onRefer: (referral) => void referral.reject().catch(() => undefined),
    };
    session.stateChange.addListener((s) => {
      if (s === SessionState.Established) this.onEstablished(leg);
      if (s === SessionState.Terminated) this.onTerminated(leg);
    });
    return leg;
  }

  private onEstablished(leg: CallLeg): void {
    leg.times.established = performance.now();
    const sdh = sdhOf(leg.session);
    const pc = sdh?.peerConnection;
    leg.audio = new RemoteAudio();
    void leg.audio.setSink(this.hooks.speakerId());
    if (sdh) leg.audio.attach(sdh.remoteMediaStream);
    if (pc) leg.ice = new IceWatch(pc, (why) => this.hooks.restartIce(leg.sessionId, why), { graceMs: this.ctx.options.iceDisconnectedGraceMs, retryMs: 1500, maxAttempts: 3 });
    applyTrackState(leg);
    this.ctx.changed();
  }

  private onTerminated(leg: CallLeg): void {
    leg.ice?.stop();
    leg.audio?.close();
    if (leg.consult) {
      leg.consult.completing = true;
      void endSession(leg.consult.inviter);
    }
    if (this.ctx.legs.get(leg.sessionId) === leg) this.ctx.legs.delete(leg.sessionId);
    const live = this.ctx.core.get(leg.sessionId);
    if (!leg.endedHere && !leg.transferring && live) {
      const established = leg.times.established !== undefined;
      if (live.phase === 'connected' && established) {
        // The far end hung up. The contact center usually knows (it is the far end's side), but a
        // separate media gateway may not: tell it; a conflict reply means it knew.
        this.ctx.log(`far end hung up ${leg.sessionId}: session:end`);
        void this.ctx.contract.end(leg.sessionId);
      } else if (leg.direction === 'out' && !established && live.phase === 'ringing') {
        // The dialled number rejected or never answered: the unanswered dial ends.
        this.ctx.log(`dial ${leg.sessionId} failed: session:end`);
        void this.ctx.contract.end(leg.sessionId);
      }
    }
    if (this.ctx.legs.size === 0) this.hooks.idle();
    this.ctx.changed();
  }

  /** Accept the incoming SIP call of this session; with `contractAccept`, also `session:accept`. */
  async accept(sessionId: string, contractAccept: boolean): Promise<PhoneResult> {
    const leg = this.ctx.legs.get(sessionId);
    if (!leg || leg.direction !== 'in' || leg.session.state !== SessionState.Initial) return OK;
    leg.times.answered = performance.now();
    if (contractAccept) this.ctx.answering.add(sessionId);
    this.ctx.changed();
    const sip = (async (): Promise<PhoneResult> => {
      try {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          (leg.session as Invitation).accept(),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out answering')), this.ctx.options.answerTimeoutMs))),
        ]).finally(() => clearTimeout(timer));
        return OK;
      } catch (e) {
        return fail('answer_failed', `The call could not be answered: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
    const [s, c] = await Promise.all([sip, contractAccept ? this.ctx.contract.accept(sessionId) : Promise.resolve(OK)]);
    if (!c.ok) {
      this.ctx.answering.delete(sessionId);
      leg.endedHere = true;
      void endSession(leg.session);
      this.ctx.changed();
      return c;
    }
    return s;
  }
}
