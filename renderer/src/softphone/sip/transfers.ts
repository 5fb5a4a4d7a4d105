// Blind and attended transfers (SOFT-1). The contact center decides (contract `session:transfer`
// first: it checks that the target agent is there and free); SIP then moves the audio: a REFER to
// the far end whose Refer-To is the target agent's URI carrying the X-Session-Id (and, attended,
// Replaces naming the consultation), so the target's phone matches the new INVITE to the session
// the contact center just offered it. Our own leg ends once the far end reports the outcome.
import { Inviter, SessionState, UserAgent } from 'sip.js';
import type { PhoneResult, TransferTarget } from '../phone.js';
import { endSession, isEstablished, nameAddrUri, refer, type CallLeg, type ConsultLeg } from './call-leg.js';
import { fail, OK, type PhoneContext } from './context.js';
import { CONSULT_HEADER, sessionHeader } from './headers.js';
import { RemoteAudio } from './remote-audio.js';
import { agentUri, referToUri, replacesValue } from './sip-uri.js';

export interface TransferHooks {
  hold(sessionId: string, held: boolean): Promise<PhoneResult>;
  speakerId(): string | null;
}

export class Transfers {
  constructor(
    private readonly ctx: PhoneContext,
    private readonly hooks: TransferHooks,
  ) {}

  /** Where a target is reachable by SIP, or null (queues: the contact center re-offers the call). */
  targetUri(target: TransferTarget): string | null {
    const custom = this.ctx.options.transferUri;
    if (custom) return custom(target, this.ctx.ownUri);
    return target.kind === 'agent' ? agentUri(target.agentId, this.ctx.ownUri) : null;
  }

  async blind(sessionId: string, target: TransferTarget): Promise<PhoneResult> {
    const leg = this.ctx.legs.get(sessionId);
    if (leg?.consult) return fail('consult_in_progress', 'Finish or cancel the consultation first.');
    if (leg) leg.transferring = true;
    const r = await this.ctx.contract.transfer(sessionId, target);
    if (!r.ok) {
      if (leg) leg.transferring = false;
      return r;
    }
    if (!leg || !isEstablished(leg.session)) {
      // No audio here (the session rang through the core only, or the call is not up yet).
      if (leg) void this.endOurLeg(leg, 'transferred before the call was up');
      return OK;
    }
    const uri = this.targetUri(target);
    if (!uri) {
      // Not reachable by SIP: the contact center delivers the call to whoever takes it.
      void this.endOurLeg(leg, 'transferred to a queue');
      return OK;
    }
    return this.referAndLeave(leg, referToUri({ target: uri, sessionId, headerName: this.ctx.headerFor(sessionId) }));
  }

  async startConsult(sessionId: string, target: TransferTarget): Promise<PhoneResult> {
    const leg = this.ctx.legs.get(sessionId);
    const agent = this.ctx.agent();
    if (!leg || !agent || !isEstablished(leg.session)) return fail('no_call', 'There is no connected call to transfer.');
    if (leg.consult) return fail('consult_in_progress', 'A consultation is already under way.');
    if (target.kind !== 'agent') return fail('consult_needs_agent', 'An attended transfer consults an agent; transfer to a queue directly.');
    const uri = this.targetUri(target);
    const parsed = uri ? UserAgent.makeURI(uri) : undefined;
    if (!uri || !parsed) return fail('no_sip_address', 'The target agent has no SIP address.');
    if (!leg.held) {
      const h = await this.hooks.hold(sessionId, true);
      if (!h.ok) return h;
    }
    const inviter = new Inviter(agent.ua, parsed, {
      extraHeaders: [sessionHeader(sessionId, this.ctx.headerFor(sessionId)), `${CONSULT_HEADER}: 1`],
    });
    const consult: ConsultLeg = { target, uri, inviter, status: 'dialing', audio: null, completing: false };
    leg.consult = consult;
    inviter.delegate = { onBye: (bye) => void bye.accept().catch(() => undefined) };
    inviter.stateChange.addListener((s) => {
      if (leg.consult !== consult) return;
      if (s === SessionState.Established) {
        consult.status = 'connected';
        consult.audio = new RemoteAudio();
        void consult.audio.setSink(this.hooks.speakerId());
        const stream = (inviter.sessionDescriptionHandler as { remoteMediaStream?: MediaStream } | undefined)?.remoteMediaStream;
        if (stream) consult.audio.attach(stream);
      } else if (s === SessionState.Terminated) {
        consult.audio?.close();
        if (!consult.completing) consult.status = 'failed';
        else leg.consult = null;
      }
      this.ctx.changed();
    });
    this.ctx.changed();
    try {
      await inviter.invite();
    } catch (e) {
      consult.status = 'failed';
      this.ctx.changed();
      return fail('consult_failed', e instanceof Error ? e.message : String(e));
    }
    return OK;
  }

  async completeConsult(sessionId: string): Promise<PhoneResult> {
    const leg = this.ctx.legs.get(sessionId);
    const consult = leg?.consult;
    if (!leg || !consult) return fail('no_consult', 'There is no consultation to complete.');
    const dialog = consult.inviter.dialog;
    if (consult.status !== 'connected' || !dialog) return fail('consult_not_connected', 'The consulted agent has not answered yet.');
    if (!isEstablished(leg.session)) return fail('no_call', 'The caller is no longer on the line.');
    leg.transferring = true;
    const r = await this.ctx.contract.transfer(sessionId, consult.target);
    if (!r.ok) {
      leg.transferring = false;
      return r;
    }
    consult.completing = true;
    const referTo = referToUri({
      target: consult.uri,
      sessionId,
      headerName: this.ctx.headerFor(sessionId),
      replaces: replacesValue(dialog.callId, dialog.remoteTag, dialog.localTag),
    });
    const result = await this.referAndLeave(leg, referTo);
    // The target's phone ends the consultation when the caller's INVITE replaces it; if it does
    // not within the REFER timeout, end it from here.
    setTimeout(() => void endSession(consult.inviter), this.ctx.options.referTimeoutMs);
    return result;
  }

  async cancelConsult(sessionId: string): Promise<PhoneResult> {
    const leg = this.ctx.legs.get(sessionId);
    const consult = leg?.consult;
    if (!leg || !consult) return fail('no_consult', 'There is no consultation to cancel.');
    consult.completing = true; // a planned end: not "failed"
    leg.consult = null;
    consult.audio?.close();
    await endSession(consult.inviter);
    this.ctx.changed();
    if (leg.held && isEstablished(leg.session)) return this.hooks.hold(sessionId, false);
    return OK;
  }

  private async referAndLeave(leg: CallLeg, referTo: string): Promise<PhoneResult> {
    const uri = UserAgent.makeURI(referTo);
    if (!uri) return fail('no_sip_address', `Cannot refer to ${referTo}`);
    const sent = await refer(
      leg.session,
      nameAddrUri(uri),
      (ok, detail) => {
        this.ctx.log(`transfer of ${leg.sessionId}: ${ok ? 'completed' : 'failed'} (${detail})`);
        void this.endOurLeg(leg, detail);
      },
      this.ctx.options.referTimeoutMs,
    );
    // The contact center already moved the session: a REFER the far end refuses is reported in the
    // log, and our leg ends anyway (the contact center's media side owns the caller's audio then).
    if (!sent.ok) this.ctx.log(`transfer of ${leg.sessionId}: ${sent.detail}`);
    return OK;
  }

  private async endOurLeg(leg: CallLeg, why: string): Promise<void> {
    this.ctx.log(`ending ${leg.sessionId} after transfer (${why})`);
    leg.endedHere = true;
    await endSession(leg.session);
  }
}
