// In-call controls that act on the media (SOFT-1): mute (the microphone track is disabled),
// hold/resume (re-INVITE sendonly/sendrecv with the direction modifiers), DTMF (RFC 4733 through
// RTCDTMFSender when negotiated, else SIP INFO), switching the microphone during a call, and the
// ICE-restart re-INVITE that recovers audio after a network change.
import type { PhoneResult } from '../phone.js';
import { applyTrackState, isEstablished, peerOf, reinvite, rtpDtmfSender, sdhOptions, type CallLeg } from './call-leg.js';
import { fail, OK, type PhoneContext } from './context.js';
import { infoBody, normalizeTones } from './dtmf.js';
import type { Microphone } from './microphone.js';
import { holdModifier, once, resumeModifier } from './sdp-direction.js';

const MAX_DTMF_LOG = 100;

export class MediaControls {
  constructor(
    private readonly ctx: PhoneContext,
    private readonly mic: Microphone,
  ) {}

  private established(sessionId: string): CallLeg | PhoneResult<never> {
    const leg = this.ctx.legs.get(sessionId);
    if (!leg || !isEstablished(leg.session)) return fail('no_call', `There is no connected call for ${sessionId}.`);
    return leg;
  }

  mute(sessionId: string, muted: boolean): PhoneResult {
    const leg = this.established(sessionId);
    if ('ok' in leg) return leg;
    leg.muted = muted;
    applyTrackState(leg);
    this.ctx.changed();
    return OK;
  }

  async hold(sessionId: string, held: boolean): Promise<PhoneResult> {
    const leg = this.established(sessionId);
    if ('ok' in leg) return leg;
    if (leg.held === held) return OK;
    const r = await reinvite(leg.session, {
      sessionDescriptionHandlerOptions: sdhOptions({ hold: held }),
      sessionDescriptionHandlerModifiers: [once(held ? holdModifier : resumeModifier)],
    });
    if (!r.ok) return fail(held ? 'hold_failed' : 'resume_failed', `The far end did not accept ${held ? 'hold' : 'resume'}: ${r.detail}`);
    leg.held = held;
    // Later re-INVITEs (ICE restart, the far end's own) keep the hold state.
    leg.session.sessionDescriptionHandlerOptionsReInvite = sdhOptions({ hold: held });
    applyTrackState(leg);
    this.ctx.changed();
    return OK;
  }

  async sendDtmf(sessionId: string, tones: string): Promise<PhoneResult> {
    const t = normalizeTones(tones);
    if (!t) return fail('bad_tones', `"${tones}" is not DTMF (0-9, *, #, A-D).`);
    const leg = this.established(sessionId);
    if ('ok' in leg) return leg;
    const { dtmf, dtmfDurationMs, dtmfGapMs } = this.ctx.options;
    const log = (tone: string, via: 'rfc4733' | 'info') => {
      leg.dtmf.push({ tone, via });
      if (leg.dtmf.length > MAX_DTMF_LOG) leg.dtmf.shift();
    };
    const rtp = dtmf === 'info' ? null : rtpDtmfSender(peerOf(leg.session));
    if (rtp) {
      rtp.insertDTMF(t, dtmfDurationMs, dtmfGapMs);
      for (const tone of t) if (tone !== ',') log(tone, 'rfc4733');
      return OK;
    }
    if (dtmf === 'rfc4733') return fail('dtmf_unavailable', 'The call did not negotiate RFC 4733 telephone events.');
    for (const tone of t) {
      if (tone === ',') {
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      try {
        await leg.session.info({
          requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: infoBody(tone, dtmfDurationMs) } },
        });
        log(tone, 'info');
      } catch (e) {
        return fail('dtmf_failed', e instanceof Error ? e.message : String(e));
      }
    }
    return OK;
  }

  /** The agent picked another microphone during the call: replace the sending track. */
  async switchMicrophone(leg: CallLeg): Promise<boolean> {
    const sender = peerOf(leg.session)?.getSenders().find((s) => s.track?.kind === 'audio');
    if (!sender) return false;
    try {
      const stream = await this.mic.open();
      const track = stream.getAudioTracks()[0];
      if (!track) return false;
      const old = sender.track;
      track.enabled = !leg.muted && !leg.held;
      await sender.replaceTrack(track);
      old?.stop();
      return true;
    } catch {
      return false;
    }
  }

  /** Re-INVITE with an ICE restart (keeps the hold state); also refreshes our Contact. */
  async restartIce(sessionId: string, reason: string): Promise<boolean> {
    const leg = this.ctx.legs.get(sessionId);
    if (!leg || !isEstablished(leg.session)) return false;
    this.ctx.log(`ICE restart for ${sessionId} (${reason})`);
    const r = await reinvite(leg.session, {
      sessionDescriptionHandlerOptions: sdhOptions({ hold: leg.held, offerOptions: { iceRestart: true } }),
      sessionDescriptionHandlerModifiers: leg.held ? [once(holdModifier)] : [],
    });
    leg.session.sessionDescriptionHandlerOptionsReInvite = sdhOptions({ hold: leg.held });
    if (!r.ok) this.ctx.log(`ICE restart for ${sessionId} failed: ${r.detail}`);
    return r.ok;
  }
}
