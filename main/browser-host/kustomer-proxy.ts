// The Kustomer origin proxy (browser host): a second loopback origin that reverse-proxies the
// Kustomer app (the page emulator, or any configured Kustomer origin) so it can be framed by the
// host's page, and injects the page bridge as the first script of every HTML page:
//   <script src="/__agentdesk/kustomer-injected.js?parentOrigin=<host origin>"></script>
// The bridge (preload/kustomer-injected.ts) then talks to the parent window by postMessage only.
// Framing is allowed for the host's origin alone (CSP frame-ancestors); cookies lose their Domain;
// redirects to the upstream origin stay on the proxy. Being its own origin, the proxied page cannot
// reach the host page's WebSocket (which also wants the host's Origin and token).
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import type { Log } from '../engine/ports.js';
import { allowedHost, closeServer, HOP_BY_HOP, listen, sendText } from './http-util.js';

export const INJECTED_PATH = '/__agentdesk/kustomer-injected.js';
const MAX_HTML_BYTES = 5 * 1024 * 1024;

export interface KustomerProxyOptions {
  /** The Kustomer app origin to proxy (http(s)://host[:port]). */
  upstream: string;
  /** The host page's origin: the only one that may frame the page and receive its messages. */
  hostOrigin: string;
  /** The page bridge bundle, or null when it is not built (then pages are served without it). */
  injectedScript: () => Promise<string | null>;
  log: Log;
  port?: number;
}

export interface KustomerProxy {
  readonly origin: string;
  /** Maps an upstream URL (record links) to the proxy; other URLs are returned unchanged. */
  toProxy(url: string): string;
  close(): Promise<void>;
}

export function injectScript(html: string, tag: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) return html.slice(0, root.index + root[0].length) + tag + html.slice(root.index + root[0].length);
  return tag + html;
}

/** Replaces (or adds) frame-ancestors so only the host page may frame the proxied page. */
export function rewriteCsp(csp: string, hostOrigin: string): string {
  const directives = csp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^frame-ancestors\b/i.test(d));
  return [...directives, `frame-ancestors ${hostOrigin}`].join('; ');
}

export function stripCookieDomain(cookie: string): string {
  return cookie
    .split(';')
    .filter((part) => !/^\s*domain\s*=/i.test(part))
    .join(';');
}

export async function startKustomerProxy(opts: KustomerProxyOptions): Promise<KustomerProxy> {
  const upstream = new URL(opts.upstream);
  const secure = upstream.protocol === 'https:';
  const upstreamPort = Number(upstream.port || (secure ? 443 : 80));
  let origin = '';
  const tag = () => `<script src="${INJECTED_PATH}?parentOrigin=${encodeURIComponent(opts.hostOrigin)}"></script>`;

  const requestHeaders = (h: IncomingHttpHeaders): Record<string, string | string[]> => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
    out.host = upstream.host;
    // Upstream sees its own origin: same-origin checks (sign-in forms, CSRF) keep working.
    if (typeof h.origin === 'string' && h.origin === origin) out.origin = upstream.origin;
    if (typeof h.referer === 'string' && h.referer.startsWith(origin)) out.referer = upstream.origin + h.referer.slice(origin.length);
    // HTML is rewritten, so ask for it uncompressed.
    out['accept-encoding'] = 'identity';
    return out;
  };

  const responseHeaders = (h: IncomingHttpHeaders): Record<string, string | string[]> => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(h)) {
      if (v === undefined || HOP_BY_HOP.has(k) || k === 'x-frame-options' || k === 'content-length') continue;
      if (k === 'content-security-policy') out[k] = (Array.isArray(v) ? v : [v]).map((c) => rewriteCsp(c, opts.hostOrigin));
      else if (k === 'set-cookie') out[k] = (Array.isArray(v) ? v : [v]).map(stripCookieDomain);
      else if (k === 'location' && typeof v === 'string') out[k] = toProxy(v);
      else out[k] = v;
    }
    return out;
  };

  const toProxy = (url: string): string => {
    try {
      const u = new URL(url);
      return u.origin === upstream.origin ? origin + u.pathname + u.search + u.hash : url;
    } catch {
      return url;
    }
  };

  const serveScript = async (res: ServerResponse) => {
    const script = await opts.injectedScript().catch((e: unknown) => {
      opts.log.error('kustomer_proxy.script_failed', { error: e instanceof Error ? e.message : String(e) });
      return null;
    });
    if (script === null) return sendText(res, 404, 'the Kustomer page bridge is not built (npm run build)');
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-length': String(Buffer.byteLength(script)), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(script);
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const send = secure ? https.request : http.request;
    const up = send({ host: upstream.hostname, port: upstreamPort, method: req.method, path: req.url, headers: requestHeaders(req.headers), servername: upstream.hostname }, (upRes) => {
      const headers = responseHeaders(upRes.headers);
      const type = String(upRes.headers['content-type'] ?? '');
      if (!/^text\/html\b/i.test(type) || req.method === 'HEAD') {
        res.writeHead(upRes.statusCode ?? 502, headers);
        upRes.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      upRes.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_HTML_BYTES) {
          upRes.destroy();
          if (!res.headersSent) sendText(res, 502, 'the Kustomer page is too large to proxy');
          return;
        }
        chunks.push(c);
      });
      upRes.on('end', () => {
        if (res.headersSent) return;
        const html = injectScript(Buffer.concat(chunks).toString('utf8'), tag());
        res.writeHead(upRes.statusCode ?? 200, { ...headers, 'content-length': String(Buffer.byteLength(html)) });
        res.end(html);
      });
    });
    // A client that goes away before the reply is complete (the frame navigated, the window
    // closed) must not keep the upstream request open: a streamed reply (server-sent events)
    // would otherwise stay open upstream for ever, one more for every navigation.
    let clientGone = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      up.destroy();
    });
    up.on('error', (e) => {
      if (clientGone) return;
      opts.log.warn('kustomer_proxy.upstream_failed', { error: e.message });
      if (!res.headersSent) sendText(res, 502, `Kustomer is not reachable: ${e.message}`);
      else res.destroy();
    });
    req.pipe(up);
  };

  const server = http.createServer((req, res) => {
    if (!allowedHost(req, port)) return sendText(res, 421, 'misdirected request');
    if ((req.url ?? '').split('?')[0] === INJECTED_PATH) {
      void serveScript(res);
      return;
    }
    forward(req, res);
  });

  // WebSocket (and other upgrades) pass straight through to upstream, with Host and Origin mapped.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!allowedHost(req, port)) return socket.destroy();
    const connect = secure ? () => tls.connect({ host: upstream.hostname, port: upstreamPort, servername: upstream.hostname }) : () => net.connect(upstreamPort, upstream.hostname);
    const up = connect();
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
    const headers: Record<string, string | string[]> = { ...requestHeaders(req.headers), connection: 'Upgrade', upgrade: String(req.headers.upgrade ?? '') };
    delete headers['accept-encoding'];
    const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : [`${k}: ${v}`])), '', ''];
    up.write(lines.join('\r\n'));
    if (head.length) up.write(head);
    up.pipe(socket);
    socket.pipe(up);
  });

  const port = await listen(server, opts.port ?? 0);
  origin = `http://127.0.0.1:${port}`;
  return { origin, toProxy, close: () => closeServer(server) };
}
