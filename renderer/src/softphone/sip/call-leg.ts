// One SIP call of the softphone and the sip.js operations on it: re-INVITE (hold, resume, ICE
// restart), REFER, ending it whatever its state, and its media (tracks, remote audio).
import { Invitation, Inviter, RequestPendingError, SessionState, URI, type Session, type SessionInviteOptions, type Web } from 'sip.js';
import type { TransferTarget } from '../phone.js';
import type { DtmfVia } from './dtmf.js';
import type { IceWatch } from './ice-watch.js';
import type { RemoteAudio } from './remote-audio.js';

export interface ConsultLeg {
  target: TransferTarget;
  uri: string;
  inviter: Inviter;
  status: 'dialing' | 'connected' | 'failed';
  audio: RemoteAudio | null;
  /** completeAttendedTransfer() sent the REFER: the consult ends as planned. */
  completing: boolean;
}

export interface CallLeg {
  sessionId: string;
  direction: 'in' | 'out';
  session: Invitation | Inviter;
  muted: boolean;
  held: boolean;
  consult: ConsultLeg | null;
  audio: RemoteAudio | null;
  ice: IceWatch | null;
  /** A transfer is under way: our leg ends when the REFER completes, not when the core says so. */
  transferring: boolean;
  /** This phone ended the leg (hang up, reject): its termination needs no further report. */
  endedHere: boolean;
  dtmf: { tone: string; via: DtmfVia }[];
  /** ms timestamps for the benchmark and logs. */
  times: { invite: number; answered?: number; established?: number };
}

export function sdhOf(s: Session): Web.SessionDescriptionHandler | undefined {
  return s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
}

/** The web handler's options (hold, ICE restart) where sip.js' API expects its generic type. */
export function sdhOptions(o: Web.SessionDescriptionHandlerOptions): Web.SessionDescriptionHandlerOptions {
  return o;
}

export function peerOf(s: Session): RTCPeerConnection | undefined {
  return sdhOf(s)?.peerConnection;
}

export function isEstablished(s: Session): boolean {
  return s.state === SessionState.Established;
}

/** The RTP DTMF sender of the call's audio, when telephone-event (RFC 4733) was negotiated. */
export function rtpDtmfSender(pc: RTCPeerConnection | undefined): RTCDTMFSender | null {
  const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio' || s.dtmf);
  const dtmf = sender?.dtmf ?? null;
  return dtmf && dtmf.canInsertDTMF ? dtmf : null;
}

/** Senders carry the microphone unless muted or held; receivers play unless held. */
export function applyTrackState(leg: CallLeg): void {
  const pc = peerOf(leg.session);
  if (!pc) return;
  for (const s of pc.getSenders()) if (s.track) s.track.enabled = !leg.muted && !leg.held;
  for (const r of pc.getReceivers()) if (r.track) r.track.enabled = !leg.held;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a re-INVITE and resolves with its final outcome. A re-INVITE already pending (ours or the
 * far end's) is waited out a few times. The modifiers apply to this offer only: they are cleared
 * afterwards, so an incoming re-INVITE is answered unmodified.
 */
export async function reinvite(session: Session, options: Omit<SessionInviteOptions, 'requestDelegate'>, attempts = 8): Promise<{ ok: boolean; detail: string }> {
  for (let i = 0; i < attempts; i++) {
    if (!isEstablished(session)) return { ok: false, detail: `the call is ${session.state}` };
    try {
      const outcome = await new Promise<{ ok: boolean; detail: string; status: number }>((resolve, reject) => {
        session
          .invite({
            ...options,
            requestDelegate: {
              onAccept: () => resolve({ ok: true, detail: '', status: 200 }),
              onReject: (r) => resolve({ ok: false, detail: `${r.message.statusCode} ${r.message.reasonPhrase}`, status: r.message.statusCode ?? 0 }),
            },
          })
          .catch(reject);
      });
      if (outcome.status === 491 && i < attempts - 1) {
        // Glare: the far end sent its own re-INVITE at the same moment (RFC 3261 14.1).
        await wait(200 + Math.random() * 600);
        continue;
      }
      return { ok: outcome.ok, detail: outcome.detail };
    } catch (e) {
      if (!(e instanceof RequestPendingError)) return { ok: false, detail: e instanceof Error ? e.message : String(e) };
      await wait(150 + i * 100);
    } finally {
      session.sessionDescriptionHandlerModifiersReInvite = [];
    }
  }
  return { ok: false, detail: 'another re-INVITE kept the call busy' };
}

/** A URI whose string form is a name-addr: a Refer-To with URI headers must be in angle brackets. */
export class NameAddrUri extends URI {
  override toString(): string {
    return `<${super.toString()}>`;
  }
}

export function nameAddrUri(u: URI): NameAddrUri {
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(u.headers)) headers[k] = [...(v as string[])];
  return new NameAddrUri(u.scheme, u.user ?? '', u.host, u.port, { ...u.parameters } as Record<string, string>, headers);
}

/**
 * REFER on `session`; resolves when the far end accepts the REFER (202), and calls `onFinal` with
 * the outcome the far end reports in NOTIFY (sipfrag status), or a timeout.
 */
export function refer(session: Session, referTo: URI, onFinal: (ok: boolean, detail: string) => void, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  let finished = false;
  const finish = (ok: boolean, detail: string) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    onFinal(ok, detail);
  };
  const timer = setTimeout(() => finish(false, 'no final NOTIFY'), timeoutMs);
  return new Promise((resolve) => {
    session
      .refer(referTo, {
        requestDelegate: {
          onAccept: () => resolve({ ok: true, detail: '' }),
          onReject: (r) => {
            const detail = `REFER refused: ${r.message.statusCode} ${r.message.reasonPhrase}`;
            resolve({ ok: false, detail });
            finish(false, detail);
          },
        },
        onNotify: (n) => {
          n.accept().catch(() => undefined);
          const frag = /SIP\/2\.0\s+(\d{3})\s*(.*)/.exec(n.request.body ?? '');
          const code = frag ? Number(frag[1]) : 0;
          if (code >= 200) finish(code < 300, `${code} ${frag?.[2] ?? ''}`.trim());
        },
      })
      .catch((e: unknown) => {
        const detail = e instanceof Error ? e.message : String(e);
        resolve({ ok: false, detail });
        finish(false, detail);
      });
  });
}

/** Ends a SIP session in whatever state it is: CANCEL, reject, or BYE. Never throws. */
export async function endSession(s: Session, rejectStatus = 480): Promise<void> {
  try {
    if (s instanceof Inviter) {
      if (s.state === SessionState.Initial || s.state === SessionState.Establishing) {
        await s.cancel();
        return;
      }
    } else if (s instanceof Invitation) {
      if (s.state === SessionState.Initial || s.state === SessionState.Establishing) {
        await s.reject({ statusCode: rejectStatus });
        return;
      }
    }
    if (s.state === SessionState.Established) await s.bye();
  } catch {
    // Already ending (BYE crossed, transaction gone): nothing left to do.
  }
}
