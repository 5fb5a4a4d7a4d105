// The agent side of the softphone specs: the real SipPhone (renderer/src/softphone/sip) in a
// page, created with a test double of the contract `invoke` that records every call and lets
// the spec push the core's sessions. No renderer UI, no core: those are assembled elsewhere.
import type { IpcChannel } from '../../../../common/ipc/contract.js';
import type { Invoke } from '../../../../renderer/src/softphone/contract-calls.js';
import { createSipPhone, type SipPhone } from '../../../../renderer/src/softphone/sip/sip-phone.js';
import type { LiveSession } from '../../../../common/ipc/app-state.js';
import type { AgentHarnessApi, PhoneMethod, RecordedCall } from '../support/page-api.js';
import { liveSession, withPhase } from '../support/sessions.js';

let phone: SipPhone | null = null;
const recorded: RecordedCall[] = [];
const replies = new Map<IpcChannel, unknown>();
const dialIds: string[] = [];
const incoming: string[] = [];
const tones = new Map<string, string[]>();
let dialCounter = 0;
let autoCore = true;
let forward = false;
const core = new Map<string, LiveSession>();

function pushCore(): void {
  phone?.syncSessions([...core.values()]);
}

function setPhase(id: string, phase: LiveSession['phase']): void {
  const s = core.get(id);
  if (!s) return;
  core.set(id, withPhase(s, phase));
  pushCore();
}

/** What the core would do after acknowledging a contract call (autoCore). */
function follow(channel: IpcChannel, request: unknown, reply: unknown): void {
  if (!autoCore || !(reply as { ok?: boolean }).ok) return;
  const r = request as { sessionId?: string; number?: string };
  setTimeout(() => {
    switch (channel) {
      case 'session:accept':
        if (r.sessionId) setPhase(r.sessionId, 'connected');
        break;
      case 'session:reject':
        if (r.sessionId && core.delete(r.sessionId)) pushCore();
        break;
      case 'session:end':
        if (r.sessionId) setPhase(r.sessionId, 'ended');
        break;
      case 'session:transfer':
        if (r.sessionId) setPhase(r.sessionId, 'transferred');
        break;
      case 'call:dial': {
        const id = (reply as { value: { sessionId: string } }).value.sessionId;
        const number = (r.number ?? '').replace(/[\s().-]/g, '');
        core.set(id, liveSession({ id, type: 'voice_outbound', phone: number, dialedNumber: number }));
        pushCore();
        break;
      }
      default:
    }
  }, 0);
}

const epoch = () => performance.timeOrigin + performance.now();

// Instrument the page's WebSockets (test code only): what the phone sends, and a way to cut them.
const sockets = new Set<WebSocket>();
const sent: { method: string; at: number }[] = [];
const NativeWebSocket = window.WebSocket;
class TrackedWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    sockets.add(this);
    this.addEventListener('close', () => sockets.delete(this));
  }
  override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (typeof data === 'string') {
      const m = /^([A-Z]+) sip/.exec(data);
      if (m?.[1]) sent.push({ method: m[1], at: epoch() });
    }
    super.send(data as string);
  }
}
window.WebSocket = TrackedWebSocket as typeof WebSocket;
const registrations: { state: string; at: number }[] = [];

function answerFor(channel: IpcChannel): unknown {
  if (replies.has(channel)) return replies.get(channel);
  switch (channel) {
    case 'call:dial':
      return { ok: true, value: { sessionId: dialIds.shift() ?? `S-OUT-${++dialCounter}` } };
    case 'softphone:getPassword':
      return { ok: true, value: { password: null } };
    default:
      return { ok: true, value: {} };
  }
}

const invoke = (async (channel: IpcChannel, request: unknown) => {
  recorded.push({ channel, request, at: epoch() });
  if (forward && window.forwardInvoke) return window.forwardInvoke(channel, request);
  const reply = answerFor(channel);
  follow(channel, request, reply);
  return reply;
}) as Invoke;

function need(): SipPhone {
  if (!phone) throw new Error('agentHarness.create() first');
  return phone;
}

function watchTones(sessionId: string): void {
  const dtmf = need().peerConnection(sessionId)?.getSenders().find((s) => s.dtmf)?.dtmf;
  if (!dtmf || tones.has(sessionId)) return;
  const list: string[] = [];
  tones.set(sessionId, list);
  dtmf.addEventListener('tonechange', (e) => {
    if (e.tone) list.push(e.tone);
  });
}

const api: AgentHarnessApi = {
  create(account, options, auto = true, relay = false) {
    autoCore = auto && !relay;
    forward = relay;
    phone = createSipPhone({
      invoke,
      config: { wsUrl: account.wsUrl, uri: account.uri, authorizationUsername: account.authorizationUsername ?? '', displayName: account.displayName ?? 'Agent', hasPassword: account.password !== undefined },
      devices: { microphoneId: null, speakerId: null, ringerId: null },
      // What the core answers on softphone:getPassword (the password never sits in the config).
      getPassword: async () => account.password ?? null,
      options: { logLevel: 'warn', ...options },
    });
    phone.onIncoming(({ sessionId }) => incoming.push(sessionId));
    phone.onStateChange((snap) => {
      if (registrations.at(-1)?.state !== snap.registration) registrations.push({ state: snap.registration, at: epoch() });
    });
  },
  async run(method: PhoneMethod, ...args: unknown[]) {
    const p = need() as unknown as Record<PhoneMethod, (...a: unknown[]) => Promise<unknown>>;
    if (method === 'sendDtmf') watchTones(args[0] as string);
    return (await p[method].apply(need(), args)) as Awaited<ReturnType<AgentHarnessApi['run']>>;
  },
  offer(spec) {
    core.set(spec.id, liveSession({ phase: 'ringing', ...spec }));
    pushCore();
  },
  setPhase,
  push(sessions) {
    core.clear();
    for (const s of sessions) core.set(s.session.id, s);
    pushCore();
  },
  coreSessions: () => [...core.values()],
  reply(channel, result) {
    replies.set(channel, result);
  },
  queueDialSessionId(id) {
    dialIds.push(id);
  },
  calls: () => recorded.map((c) => ({ ...c })),
  snapshot: () => need().getSnapshot(),
  incoming: () => [...incoming],
  stats: (sessionId) => need().callStats(sessionId),
  debug: () => need().debugState(),
  restartIce: (sessionId) => need().restartIce(sessionId, 'test'),
  tonesPlayed: (sessionId) => [...(tones.get(sessionId) ?? [])],
  async measureAnswer(sessionId) {
    const p = need();
    const click = epoch();
    const r = await p.answer(sessionId);
    if (!r.ok) throw new Error(`answer failed: ${r.error.message}`);
    const answered = epoch();
    for (;;) {
      const s = await p.callStats(sessionId);
      if (s && s.packetsReceived > 0) return { click, answered, firstRtp: epoch() };
      await new Promise((res) => setTimeout(res, 2));
    }
  },
  async unregister() {
    await need().unregister();
  },
  async devices() {
    return (await navigator.mediaDevices.enumerateDevices()).map((d) => d.toJSON() as MediaDeviceInfo);
  },
  senderLabel: (sessionId) => need().peerConnection(sessionId)?.getSenders().find((x) => x.track?.kind === 'audio')?.track?.label ?? null,
  registrationLog: () => registrations.map((r) => ({ ...r })),
  sipSent: () => sent.map((x) => ({ ...x })),
  dropConnections() {
    const n = sockets.size;
    for (const ws of [...sockets]) ws.close();
    return n;
  },
};

window.agentHarness = api;
window.pageReady = true;
