// The "customer" of the softphone specs and the demo: a plain sip.js user agent in a page that
// registers as a customer line, calls an agent URI with X-Session-Id (what the contact center's
// media side does), plays Chromium's fake microphone, follows REFER (blind, and attended with
// Replaces), answers outbound calls, sends and receives DTMF by SIP INFO, and shows its state to
// Playwright through window.caller. With `rfc4733: false` it is a line without RFC 4733
// telephone-events (its SDP leaves them out), so the agent's tones arrive as SIP INFO, which a page
// can observe (received RFC 4733 events cannot be seen from a browser).
import { Invitation, Inviter, Registerer, SessionState, UserAgent, type Referral, type Session, type SessionDescriptionHandlerModifier } from 'sip.js';
import { audioStats } from '../../../../renderer/src/softphone/sip/call-stats.js';
import { infoBody, parseInfoBody } from '../../../../renderer/src/softphone/sip/dtmf.js';
import { holdModifier, once, resumeModifier } from '../../../../renderer/src/softphone/sip/sdp-direction.js';
import { sessionIdFromReferHeaders } from '../../../../renderer/src/softphone/sip/sip-uri.js';
import type { CallerApi, CallerCall, CallerState, SipAccount } from '../support/page-api.js';

interface Rec extends CallerCall {
  session: Session;
}

const epoch = () => performance.timeOrigin + performance.now();
let ua: UserAgent | null = null;
let registerer: Registerer | null = null;
let registered = false;
let autoAnswer = true;
/** SDP modifiers of every offer and answer this line makes (empty: Chromium's own SDP). */
let sdpModifiers: SessionDescriptionHandlerModifier[] = [];
let account: SipAccount | null = null;
let stopping = false;
const calls: Rec[] = [];
const infos: CallerState['infos'] = [];
const refers: CallerState['refers'] = [];
const log: string[] = [];
const rtpWatch = new Map<number, Promise<number>>();

const note = (m: string) => {
  log.push(`${new Date().toISOString()} ${m}`);
  if (log.length > 300) log.shift();
};

/** Leaves RFC 4733 telephone-event out of an SDP (its payload types, rtpmap and fmtp lines). */
function withoutTelephoneEvent(d: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
  const sdp = d.sdp ?? '';
  const drop = new Set([...sdp.matchAll(/^a=rtpmap:(\d+) telephone-event\//gim)].map((m) => m[1]));
  if (drop.size === 0) return Promise.resolve(d);
  const lines = sdp
    .split('\r\n')
    .filter((l) => !drop.has(/^a=(?:rtpmap|fmtp|rtcp-fb):(\d+)[ ]/.exec(l)?.[1]))
    .map((l) => (l.startsWith('m=audio ') ? l.split(' ').filter((part, i) => i < 3 || !drop.has(part)).join(' ') : l));
  return Promise.resolve({ type: d.type, sdp: lines.join('\r\n') });
}

function pc(s: Session): RTCPeerConnection | undefined {
  return (s.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined)?.peerConnection;
}

function remoteAudio(s: Session): void {
  const stream = (s.sessionDescriptionHandler as { remoteMediaStream?: MediaStream } | undefined)?.remoteMediaStream;
  if (!stream) return;
  const el = new Audio();
  el.autoplay = true;
  el.srcObject = stream;
  void el.play().catch(() => undefined);
}

function track(session: Session, direction: 'in' | 'out', sessionId: string | null, referredFrom: number | null, replaces: string | null): Rec {
  const rec: Rec = {
    index: calls.length,
    direction,
    state: session.state,
    sessionId,
    callId: session instanceof Invitation ? session.request.callId : (session as Inviter).request.callId,
    referredFrom,
    replaces,
    finalStatus: null,
    timings: { invite: epoch() },
    session,
  };
  calls.push(rec);
  // Answers to the far end's re-INVITEs (hold, ICE restart) keep this line's SDP rules.
  if (sdpModifiers.length > 0) session.sessionDescriptionHandlerModifiersReInvite = sdpModifiers;
  session.delegate = {
    onBye: (bye) => void bye.accept().catch(() => undefined),
    onInfo: (info) => {
      const parsed = parseInfoBody(info.request.body ?? '');
      if (parsed) infos.push({ call: rec.index, signal: parsed.signal, durationMs: parsed.durationMs });
      void info.accept().catch(() => undefined);
    },
    onRefer: (referral) => followRefer(rec, referral),
  };
  session.stateChange.addListener((st) => {
    rec.state = st;
    note(`call ${rec.index} ${st}`);
    if (st === SessionState.Established) {
      rec.timings.established = epoch();
      remoteAudio(session);
    }
  });
  return rec;
}

/** The transferee: accept the REFER and call the Refer-To target with its session id (and Replaces). */
function followRefer(from: Rec, referral: Referral): void {
  const uri = referral.referTo.uri;
  const sessionId = sessionIdFromReferHeaders(uri.headers as Record<string, string[]>);
  const replaces = referral.replaces ?? null;
  refers.push({ call: from.index, referTo: uri.toString(), sessionId, replaces: replaces ? decodeURIComponent(replaces) : null });
  note(`REFER on call ${from.index} to ${uri.toString()}`);
  void referral.accept().then(() => {
    const inviter = referral.makeInviter({ extraHeaders: sessionId ? [`X-Session-Id: ${sessionId}`] : [], sessionDescriptionHandlerModifiers: sdpModifiers });
    const rec = track(inviter, 'out', sessionId, from.index, replaces ? decodeURIComponent(replaces) : null);
    void inviter
      .invite({
        requestDelegate: {
          onAccept: (r) => {
            rec.timings.accepted = epoch();
            rec.finalStatus = r.message.statusCode ?? 200;
          },
          onReject: (r) => (rec.finalStatus = r.message.statusCode ?? 0),
        },
      })
      .catch((e: unknown) => note(`referred INVITE failed: ${String(e)}`));
  });
}

async function register(): Promise<void> {
  if (!ua || !registerer) return;
  await new Promise<void>((resolve, reject) => {
    registerer!
      .register({ requestDelegate: { onAccept: () => resolve(), onReject: (r) => reject(new Error(`REGISTER ${r.message.statusCode}`)) } })
      .catch(reject);
  });
  registered = true;
  note('registered');
}

function need(i: number): Rec {
  const r = calls[i];
  if (!r) throw new Error(`no call ${i}`);
  return r;
}

const api: CallerApi = {
  async start(acc, opts) {
    account = acc;
    autoAnswer = opts?.autoAnswer ?? true;
    sdpModifiers = opts?.rfc4733 === false ? [withoutTelephoneEvent] : [];
    const uri = UserAgent.makeURI(acc.uri);
    if (!uri) throw new Error(`bad URI ${acc.uri}`);
    ua = new UserAgent({
      uri,
      displayName: acc.displayName ?? 'Customer',
      ...(acc.password !== undefined ? { authorizationUsername: acc.authorizationUsername ?? uri.user ?? '', authorizationPassword: acc.password } : {}),
      transportOptions: { server: acc.wsUrl, connectionTimeout: 3 },
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 1000 },
      logLevel: 'error',
      delegate: {
        onInvite: (inv) => {
          const sid = inv.request.getHeader('X-Session-Id') ?? null;
          const rec = track(inv, 'in', sid, null, null);
          note(`INVITE in (${sid ?? 'no session id'}) as call ${rec.index}`);
          if (autoAnswer) void inv.accept({ sessionDescriptionHandlerModifiers: sdpModifiers }).catch((e: unknown) => note(`answer failed: ${String(e)}`));
        },
        onDisconnect: (e) => {
          registered = false;
          if (stopping || !e) return;
          // Reconnect quickly (the Kamailio restart spec); not what the product code does.
          const retry = () => void ua?.reconnect().then(register).catch(() => setTimeout(retry, 300));
          setTimeout(retry, 100);
        },
      },
    });
    registerer = new Registerer(ua, { expires: 300 });
    await ua.start();
    await register();
  },
  async call(target, sessionId, extraHeaders = []) {
    if (!ua) throw new Error('caller.start() first');
    const uri = UserAgent.makeURI(target);
    if (!uri) throw new Error(`bad target ${target}`);
    const inviter = new Inviter(ua, uri, { extraHeaders: [...(sessionId ? [`X-Session-Id: ${sessionId}`] : []), ...extraHeaders], sessionDescriptionHandlerModifiers: sdpModifiers });
    const rec = track(inviter, 'out', sessionId, null, null);
    await inviter.invite({
      requestDelegate: {
        onAccept: (r) => {
          rec.timings.accepted = epoch();
          rec.finalStatus = r.message.statusCode ?? 200;
        },
        onReject: (r) => (rec.finalStatus = r.message.statusCode ?? 0),
      },
    });
    // invite() resolves once the INVITE (with its SDP offer) is on the wire.
    rec.timings.sent = epoch();
    return rec.index;
  },
  async answer(i) {
    const s = need(i).session;
    if (s instanceof Invitation) await s.accept({ sessionDescriptionHandlerModifiers: sdpModifiers });
  },
  async hangup(i) {
    const s = need(i).session;
    if (s.state === SessionState.Established) await s.bye();
    else if (s instanceof Inviter) await s.cancel();
    else if (s instanceof Invitation) await s.reject();
  },
  async hold(i, held) {
    const s = need(i).session;
    return new Promise<boolean>((resolve) => {
      s.invite({
        sessionDescriptionHandlerOptions: { hold: held } as never,
        sessionDescriptionHandlerModifiers: [once(held ? holdModifier : resumeModifier)],
        requestDelegate: { onAccept: () => resolve(true), onReject: () => resolve(false) },
      }).catch(() => resolve(false));
    });
  },
  async sendInfo(i, tone) {
    await need(i).session.info({ requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: infoBody(tone, 100) } } });
  },
  stats: (i) => audioStats(pc(need(i).session)),
  state: () => ({
    registered,
    calls: calls.map(({ session: _s, ...c }) => ({ ...c, timings: { ...c.timings } })),
    infos: [...infos],
    refers: [...refers],
    log: [...log],
  }),
  async restartIce(i) {
    const s = need(i).session;
    return new Promise<boolean>((resolve) => {
      s.invite({ sessionDescriptionHandlerOptions: { offerOptions: { iceRestart: true } } as never, requestDelegate: { onAccept: () => resolve(true), onReject: () => resolve(false) } }).catch(() => resolve(false));
    });
  },
  watchRtp(i) {
    if (rtpWatch.has(i)) return;
    const rec = need(i);
    rtpWatch.set(
      i,
      (async () => {
        for (;;) {
          const s = await audioStats(pc(rec.session));
          if (s && s.packetsReceived > 0) return epoch();
          await new Promise((r) => setTimeout(r, 2));
        }
      })(),
    );
  },
  firstRtp(i) {
    api.watchRtp(i);
    return rtpWatch.get(i) as Promise<number>;
  },
  async stop() {
    stopping = true;
    await ua?.stop().catch(() => undefined);
    void account;
  },
};

window.caller = api;
window.pageReady = true;
