// The browser host: the core served to a browser on 127.0.0.1. One HTTP server serves the built
// renderer with a strict CSP and the contract over a WebSocket (`/__agentdesk/ws`):
//   client -> {id, channel, request}          server -> {id, result}   (result: IpcResult)
//   server -> {type:'state', state}  (on connect and on every change)
//   server -> {type:'kustomer-apply', apply}  (the renderer posts it into the Kustomer iframe)
// Sender check (SEC-1): the WebSocket needs this launch's random token in its URL and the host's
// own Origin; the Host header must be our loopback name (DNS rebinding). The core parses every
// request. A second loopback origin proxies the Kustomer app (kustomer-proxy.ts).
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { BROWSER_HOST_WS_PATH, type AppState, type HostMessage, type IpcResult, type KustomerApply } from '../../common/ipc/index.js';
import type { AppCore } from '../app/core.js';
import type { KustomerPagePort } from '../app/ports.js';
import type { Log } from '../engine/ports.js';
import { browserViewId } from '../app/handlers/index.js';
import { appCsp, securityHeaders } from '../app/csp.js';
import { acceptWebSocket, CLOSE, refuseUpgrade, type WsConnection } from './websocket.js';
import { allowedHost, closeServer, listen, sendText } from './http-util.js';
import { serveStatic } from './static-files.js';
import { startKustomerProxy, type KustomerProxy } from './kustomer-proxy.js';

export const WS_PATH = BROWSER_HOST_WS_PATH;
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The part of the core the host uses. */
export type HostedCore = Pick<AppCore, 'handle' | 'getState' | 'onState' | 'kustomerViewClosed' | 'sipWsUrl'>;

/**
 * The core's Kustomer page port in the browser host: apply requests go to every connected page
 * (each tab frames its own Kustomer page); the host attaches itself once it runs.
 */
export function browserKustomerPort(): KustomerPagePort & { attach(sink: (a: KustomerApply) => void): void } {
  let sink: ((a: KustomerApply) => void) | null = null;
  return {
    apply: (a) => {
      if (!sink) throw new Error('the browser host is not running');
      sink(a);
    },
    attach: (s) => {
      sink = s;
    },
  };
}

export interface BrowserHostOptions {
  core: HostedCore;
  kustomerPort: ReturnType<typeof browserKustomerPort>;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  log: Log;
  port?: number;
  /** Per-launch secret; random when absent. */
  token?: string;
  /** The Kustomer app origin to proxy (null: no Kustomer pane), and the page bridge bundle. */
  kustomer?: { upstream: string; injectedScript: () => Promise<string | null>; port?: number } | null;
}

export interface BrowserHost {
  /** Open this in the browser: the token travels in the fragment, never to a server log. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly kustomerOrigin: string | null;
  readonly connections: number;
  /** Drops every WebSocket (clients reconnect); returns how many. */
  disconnectAll(): number;
  close(): Promise<void>;
}

const envelopeSchema = z.object({ id: z.union([z.string().min(1).max(64), z.number().int().nonnegative()]), channel: z.string().min(1).max(100), request: z.unknown() }).strict();

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const { core, log } = opts;
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const server = http.createServer();
  const port = await listen(server, opts.port ?? 0);
  const origin = `http://127.0.0.1:${port}`;
  const origins = new Set([origin, `http://localhost:${port}`]);
  let proxy: KustomerProxy | null = null;
  try {
    if (opts.kustomer) proxy = await startKustomerProxy({ upstream: opts.kustomer.upstream, hostOrigin: origin, injectedScript: opts.kustomer.injectedScript, log, ...(opts.kustomer.port ? { port: opts.kustomer.port } : {}) });
  } catch (e) {
    await closeServer(server);
    throw e;
  }

  // The Kustomer view of this host is the proxy: upstream URLs in the state are mapped onto it.
  const forBrowser = (s: AppState): AppState => {
    if (!proxy) return s;
    const p = proxy;
    return {
      ...s,
      kustomer: { ...s.kustomer, appUrl: s.kustomer.appUrl ? p.toProxy(s.kustomer.appUrl) : null, navigate: s.kustomer.navigate ? { ...s.kustomer.navigate, url: p.toProxy(s.kustomer.navigate.url) } : null },
      sessions: s.sessions.map((l) => (l.record?.url ? { ...l, record: { ...l.record, url: p.toProxy(l.record.url) } } : l)),
    };
  };

  const headers = () =>
    securityHeaders(appCsp({ self: origin, sipWsUrl: core.sipWsUrl(), frames: proxy ? [proxy.origin] : [], connect: [`ws://127.0.0.1:${port}`] }));

  server.on('request', (req, res) => {
    if (!allowedHost(req, port)) return sendText(res, 421, 'misdirected request');
    if ((req.url ?? '').startsWith(WS_PATH)) return sendText(res, 426, 'upgrade required', headers());
    serveStatic(opts.rendererDir, req, res, headers());
  });

  const clients = new Map<string, WsConnection>();
  const broadcast = (msg: HostMessage) => {
    const text = JSON.stringify(msg);
    for (const c of clients.values()) c.send(text);
  };
  opts.kustomerPort.attach((apply) => broadcast({ type: 'kustomer-apply', apply }));
  const unsubscribe = core.onState((state) => broadcast({ type: 'state', state: forBrowser(state) }));

  const refuse = (socket: Duplex, status: number, text: string, why: string) => {
    log.warn('browser_host.ws_refused', { why });
    refuseUpgrade(socket, status, text);
  };

  server.on('upgrade', (req, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', origin);
    if (!allowedHost(req, port)) return refuse(socket, 421, 'Misdirected Request', 'host');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found', 'path');
    if (!origins.has(String(req.headers.origin ?? ''))) return refuse(socket, 403, 'Forbidden', 'origin');
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) return refuse(socket, 401, 'Unauthorized', 'token');
    const conn = acceptWebSocket(req, socket, head, { maxMessageBytes: MAX_MESSAGE_BYTES });
    if (!conn) return;
    const id = randomBytes(8).toString('hex');
    const sender = { host: 'browser' as const, id };
    clients.set(id, conn);
    log.info('browser_host.connected', { connection: id });
    conn.onClose(() => {
      clients.delete(id);
      core.kustomerViewClosed(browserViewId(id));
      log.info('browser_host.disconnected', { connection: id });
    });
    conn.onMessage((text) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return conn.send(JSON.stringify({ id: null, result: { ok: false, error: { code: 'bad_request', message: 'not JSON' } } }));
      }
      const env = envelopeSchema.safeParse(raw);
      if (!env.success) {
        const maybeId = (raw as { id?: unknown } | null)?.id;
        const id = typeof maybeId === 'string' || typeof maybeId === 'number' ? maybeId : null;
        return conn.send(JSON.stringify({ id, result: { ok: false, error: { code: 'bad_request', message: `expected {id, channel, request}: ${z.prettifyError(env.error).replace(/\n/g, '; ')}` } } }));
      }
      const { id: reqId, channel, request } = env.data;
      void core.handle(channel, request, sender).then((result: IpcResult<unknown>) => {
        const value = result.ok && channel === 'app:getState' ? { ok: true, value: forBrowser(result.value as AppState) } : result;
        conn.send(JSON.stringify({ id: reqId, result: value }));
      });
    });
    conn.send(JSON.stringify({ type: 'state', state: forBrowser(core.getState()) }));
  });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    kustomerOrigin: proxy?.origin ?? null,
    get connections() {
      return clients.size;
    },
    disconnectAll() {
      const n = clients.size;
      for (const c of clients.values()) c.close(CLOSE.goingAway, 'reconnect');
      return n;
    },
    async close() {
      unsubscribe();
      for (const c of clients.values()) c.close(CLOSE.goingAway, 'AgentDesk is closing');
      await Promise.all([closeServer(server), proxy?.close()]);
    },
  };
}
