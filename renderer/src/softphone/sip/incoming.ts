// Incoming INVITEs (SOFT-1, PROTOCOL.md): each is matched to the core's voice session by its
// X-Session-Id. One whose session the core does not list yet waits briefly for it (the
// session.assigned push may trail the INVITE), then is rejected 480. Consultation calls from a
// colleague (attended transfer) are answered at once when this agent is free.
import { SessionState, type Invitation } from 'sip.js';
import { endSession, isEstablished } from './call-leg.js';
import type { PhoneContext } from './context.js';
import { DEFAULT_SESSION_HEADER, isColleague, isConsult, readSessionId } from './headers.js';
import { parseSipUri } from './sip-uri.js';
import { decideInvite } from './invite-decision.js';
import { RemoteAudio } from './remote-audio.js';

export interface IncomingHooks {
  /** A matched INVITE rings (the phone's onIncoming listeners, microphone prewarm). */
  ringing(sessionId: string): void;
  /** Accept the SIP call of this session now (answer() already ran, or it completes a transfer). */
  accept(sessionId: string, contractAccept: boolean): void;
  speakerId(): string | null;
}

export class IncomingCalls {
  private readonly waiting = new Map<string, { invitation: Invitation; timer: ReturnType<typeof setTimeout> }>();
  /** Consultation calls this agent is in as the transfer target. */
  readonly consults = new Set<Invitation>();
  /** Every decision, for tests and logs: [sessionId, decision]. */
  readonly decisions: { sessionId: string | null; kind: string; status?: number }[] = [];

  constructor(
    private readonly ctx: PhoneContext,
    private readonly hooks: IncomingHooks,
  ) {}

  onInvite(invitation: Invitation): void {
    if (isConsult(invitation.request) && !invitation.replacee) {
      this.onConsult(invitation);
      return;
    }
    const names = new Set<string>([DEFAULT_SESSION_HEADER]);
    for (const s of this.ctx.core.values()) names.add(s.session.sipCallHeader);
    const sessionId = readSessionId(invitation.request, names);
    this.route(invitation, sessionId, false);
  }

  /** The core's sessions changed: INVITEs waiting for one of them go on. */
  resume(): void {
    for (const [id, w] of [...this.waiting]) {
      if (!this.ctx.core.has(id)) continue;
      clearTimeout(w.timer);
      this.waiting.delete(id);
      this.route(w.invitation, id, false);
    }
  }

  private route(invitation: Invitation, sessionId: string | null, waited: boolean): void {
    if (invitation.state !== SessionState.Initial) return; // the caller gave up meanwhile
    const live = sessionId ? this.ctx.core.get(sessionId) : undefined;
    const d = decideInvite({
      sessionId,
      phase: live?.phase ?? null,
      type: live?.session.type ?? null,
      hasCall: sessionId !== null && this.ctx.legs.has(sessionId),
      answering: sessionId !== null && this.ctx.answering.has(sessionId),
      replaces: invitation.replacee !== undefined,
      waited,
    });
    this.decisions.push({ sessionId, kind: d.kind, ...(d.kind === 'reject' ? { status: d.status } : {}) });
    if (this.decisions.length > 200) this.decisions.shift();
    switch (d.kind) {
      case 'reject':
        this.ctx.log(`INVITE ${sessionId ?? '(no session id)'} rejected ${d.status} ${d.reason}`);
        void invitation.reject({ statusCode: d.status, reasonPhrase: d.reason }).catch(() => undefined);
        return;
      case 'wait': {
        const id = sessionId as string;
        const old = this.waiting.get(id);
        if (old) {
          // A second INVITE for the same unknown session: the newer one waits.
          clearTimeout(old.timer);
          void old.invitation.reject({ statusCode: 486 }).catch(() => undefined);
        }
        const timer = setTimeout(() => {
          this.waiting.delete(id);
          this.route(invitation, id, true);
        }, this.ctx.options.inviteWaitMs);
        this.waiting.set(id, { invitation, timer });
        invitation.stateChange.addListener((s) => {
          if (s !== SessionState.Terminated) return;
          const w = this.waiting.get(id);
          if (w?.invitation === invitation) {
            clearTimeout(w.timer);
            this.waiting.delete(id);
          }
        });
        return;
      }
      case 'ring': {
        const id = sessionId as string;
        this.ctx.adopt(id, invitation, 'in');
        this.ctx.changed();
        this.hooks.ringing(id);
        return;
      }
      case 'accept': {
        const id = sessionId as string;
        this.ctx.adopt(id, invitation, 'in');
        this.hooks.accept(id, d.contractAccept);
        this.ctx.changed();
        return;
      }
    }
  }

  /** The agent is in a call (or consult) already. */
  private busy(): boolean {
    for (const leg of this.ctx.legs.values()) if (isEstablished(leg.session) || leg.session.state === SessionState.Establishing) return true;
    return this.consults.size > 0;
  }

  private onConsult(invitation: Invitation): void {
    const from = invitation.remoteIdentity.uri;
    const ownHost = parseSipUri(this.ctx.ownUri)?.hostport.split(':')[0] ?? '';
    if (!isColleague(from.user, from.host, ownHost)) {
      this.decisions.push({ sessionId: null, kind: 'consult-refused', status: 403 });
      void invitation.reject({ statusCode: 403, reasonPhrase: 'Consultations only from colleagues' }).catch(() => undefined);
      return;
    }
    if (!this.ctx.options.autoAnswerConsults || this.busy()) {
      this.decisions.push({ sessionId: null, kind: 'consult-busy', status: 486 });
      void invitation.reject({ statusCode: 486, reasonPhrase: 'Busy Here' }).catch(() => undefined);
      return;
    }
    this.decisions.push({ sessionId: null, kind: 'consult' });
    this.consults.add(invitation);
    const audio = new RemoteAudio();
    void audio.setSink(this.hooks.speakerId());
    invitation.delegate = { onBye: (bye) => void bye.accept().catch(() => undefined) };
    invitation.stateChange.addListener((s) => {
      if (s === SessionState.Established) {
        const stream = (invitation.sessionDescriptionHandler as { remoteMediaStream?: MediaStream } | undefined)?.remoteMediaStream;
        if (stream) audio.attach(stream);
      }
      if (s === SessionState.Terminated) {
        audio.close();
        this.consults.delete(invitation);
        this.ctx.changed();
      }
    });
    void invitation.accept().catch(() => {
      this.consults.delete(invitation);
    });
  }

  dispose(): void {
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      void w.invitation.reject({ statusCode: 480 }).catch(() => undefined);
    }
    this.waiting.clear();
    for (const c of this.consults) void endSession(c);
    this.consults.clear();
  }
}
