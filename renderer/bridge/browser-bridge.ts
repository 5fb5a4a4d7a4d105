// The browser host's side of the AgentDesk API (common/ipc/contract.ts) for the renderer: the same
// `invoke`/`onState`/`onKustomerApply` the Electron preload gives, over the host's WebSocket
// (main/browser-host/host-server.ts): {id, channel, request} -> {id, result}; pushes
// {type:'state'} and {type:'kustomer-apply'}. It reconnects with backoff; requests made while
// disconnected wait for the connection (bounded), and requests lost with a connection settle as
// `unavailable`: invoke never rejects. The access token arrives in the URL fragment (#token=...),
// is kept in sessionStorage for reloads and removed from the address bar.
import { BROWSER_HOST_WS_PATH } from '../../common/ipc/browser-host.js';
import type { HostRequest } from '../../common/ipc/browser-host.js';
import type { AppState } from '../../common/ipc/app-state.js';
import type { AgentDeskApi, IpcChannel, IpcRequest, IpcResponse, IpcResult } from '../../common/ipc/contract.js';
import type { KustomerApply } from '../../common/ipc/kustomer-page.js';
const TOKEN_KEY = 'agentdesk.hostToken';
const REQUEST_TIMEOUT_MS = 30_000;
const QUEUE_TIMEOUT_MS = 15_000;

type Result = IpcResult<unknown>;
interface Pending {
  resolve: (r: Result) => void;
  timer: ReturnType<typeof setTimeout>;
  text: string;
  sent: boolean;
}

export interface BrowserBridgeOptions {
  /** Defaults to the page's location (the host serves both). */
  location?: Pick<Location, 'protocol' | 'host' | 'hash' | 'pathname' | 'search'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  WebSocket?: typeof WebSocket;
  /** Removes the token from the address bar (history.replaceState by default). */
  clearHash?: () => void;
  random?: () => number;
}

const unavailable = (message: string): Result => ({ ok: false, error: { code: 'unavailable', message } });

/** Reads the token from `#token=...` (then forgets the fragment) or from sessionStorage. */
export function takeToken(loc: Pick<Location, 'hash'>, storage: Pick<Storage, 'getItem' | 'setItem'> | null, clearHash: () => void): string | null {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    try {
      storage?.setItem(TOKEN_KEY, fromHash);
    } catch {
      // storage may be disabled; the token still works for this page
    }
    clearHash();
    return fromHash;
  }
  try {
    return storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Reconnect delay: 250 ms doubling to 5 s, with jitter so several tabs do not stampede. */
export function backoff(attempt: number, random: () => number): number {
  const base = Math.min(5_000, 250 * 2 ** Math.min(attempt, 5));
  return Math.round(base / 2 + (random() * base) / 2);
}

export function createBrowserBridge(opts: BrowserBridgeOptions = {}): AgentDeskApi {
  const loc = opts.location ?? window.location;
  const storage = opts.storage === undefined ? safeSessionStorage() : opts.storage;
  const WS = opts.WebSocket ?? WebSocket;
  const random = opts.random ?? Math.random;
  const clearHash = opts.clearHash ?? (() => history.replaceState(history.state, '', loc.pathname + loc.search));
  const token = takeToken(loc, storage, clearHash);

  const stateListeners = new Set<(s: AppState) => void>();
  const applyListeners = new Set<(a: KustomerApply) => void>();
  const pending = new Map<string, Pending>();
  let latest: AppState | null = null;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let nextId = 0;

  const settle = (id: string, r: Result) => {
    const p = pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(id);
    p.resolve(r);
  };

  const onMessage = (data: unknown) => {
    if (typeof data !== 'string') return;
    let msg: unknown;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    const m = msg as { type?: unknown; id?: unknown; result?: unknown; state?: unknown; apply?: unknown };
    if (m.type === 'state' && typeof m.state === 'object' && m.state !== null) {
      const state = m.state as AppState;
      if (latest && state.version < latest.version) return;
      latest = state;
      for (const l of stateListeners) l(state);
    } else if (m.type === 'kustomer-apply' && typeof m.apply === 'object' && m.apply !== null) {
      for (const l of applyListeners) l(m.apply as KustomerApply);
    } else if (typeof m.id === 'string' && typeof m.result === 'object' && m.result !== null) {
      settle(m.id, m.result as Result);
    }
  };

  const connect = () => {
    if (!token) return;
    const ws = new WS(`${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${BROWSER_HOST_WS_PATH}?token=${encodeURIComponent(token)}`);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const p of pending.values()) {
        if (p.sent) continue;
        p.sent = true;
        ws.send(p.text);
      }
    };
    ws.onmessage = (e: MessageEvent) => onMessage(e.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // What was in flight may or may not have run: tell the caller, never guess.
      for (const [id, p] of pending) if (p.sent) settle(id, unavailable('the connection to AgentDesk was lost; check the result before trying again'));
      setTimeout(connect, backoff(attempt++, random));
    };
  };
  connect();

  return {
    host: 'browser',
    invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>> {
      if (!token) {
        return Promise.resolve({ ok: false, error: { code: 'no_token', message: 'Open AgentDesk with the link `npm start` printed: it carries the access token.' } });
      }
      const id = `b${++nextId}`;
      const message: HostRequest = { id, channel, request };
      const text = JSON.stringify(message);
      return new Promise((resolve) => {
        const open = socket?.readyState === WS.OPEN;
        const timer = setTimeout(() => settle(id, unavailable(open ? `${channel}: no answer from AgentDesk` : 'not connected to AgentDesk')), open ? REQUEST_TIMEOUT_MS : QUEUE_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as (r: Result) => void, timer, text, sent: open });
        if (open) socket?.send(text);
      });
    },
    onState(listener) {
      stateListeners.add(listener);
      // A late subscriber gets the newest state at once (the renderer drops versions it has).
      const current = latest;
      if (current) queueMicrotask(() => stateListeners.has(listener) && listener(current));
      return () => stateListeners.delete(listener);
    },
    onKustomerApply(listener) {
      applyListeners.add(listener);
      return () => applyListeners.delete(listener);
    },
  };
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export default createBrowserBridge;
