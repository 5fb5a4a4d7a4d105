// The request pipeline of an HTTP emulator on node:http:
//   control endpoints -> fault lookup (drop cuts the socket here) -> route match -> body read
//   -> delay / status / rate_limit faults -> vendor `before` hook (auth, rate limits)
//   -> 404/405 -> 413 -> JSON parse -> handler -> commit_then_drop, or vendor `decorate` + reply.
// Vendor specifics (error bodies, auth, headers) come in through the options.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isJsonContentType, parseJson, readBody } from './body.js';
import { handleControl } from './control.js';
import { FaultInjector, type Fault, type FaultSpec } from './faults.js';
import { boundaryOf, parseMultipart } from './multipart.js';
import { maskHeaders, RequestLog, type RequestLogEntry } from './request-log.js';
import type { Router } from './router.js';
import type { Reply, RequestContext, RouteMeta } from './types.js';

export interface HttpEmulatorOptions<P, M extends RouteMeta> {
  host?: string;
  port?: number;
  router: Router<P, M>;
  bodyLimitBytes: number;
  faults?: FaultInjector;
  log?: RequestLog;
  /** A vendor-shaped error reply (404, 405, 413, 415, bad JSON, 500, status faults). */
  errorReply(status: number, detail: string, ctx: RequestContext<P, M>): Reply;
  /** After route matching (ctx.route may be null) and body read; a Reply short-circuits. */
  before?(ctx: RequestContext<P, M>): Reply | null | Promise<Reply | null>;
  /** Last touch on every reply, e.g. rate-limit headers. */
  decorate?(ctx: RequestContext<P, M>, reply: Reply): void;
  /** Maps an exception thrown by a handler to a reply (default: a 500 errorReply). */
  onHandlerError?(err: unknown, ctx: RequestContext<P, M>): Reply;
  state?(): unknown;
  controlPrefix?: string;
}

export interface HttpEmulator {
  server: Server;
  url: string;
  port: number;
  faults: FaultInjector;
  log: RequestLog;
  close(): Promise<void>;
}

/** What every vendor emulator offers its tests: its address, faults from code, the request log, close. */
export interface EmulatorHandle {
  url: string;
  port: number;
  faults: FaultInjector;
  /** Adds faults from code (same specs as POST /__emulator/faults). */
  fault(spec: FaultSpec | FaultSpec[]): Fault[];
  requests(since?: number): RequestLogEntry[];
  clearRequests(): void;
  close(): Promise<void>;
}

export function emulatorHandle(http: HttpEmulator): EmulatorHandle {
  return {
    url: http.url,
    port: http.port,
    faults: http.faults,
    fault: (spec) => http.faults.add(spec),
    requests: (since) => http.log.list(since),
    clearRequests: () => http.log.clear(),
    close: () => http.close(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: Buffer | null = null;
  if (reply.raw !== undefined) payload = Buffer.isBuffer(reply.raw) ? reply.raw : Buffer.from(reply.raw);
  else if (reply.body !== undefined && reply.status !== 204) {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(payload?.length ?? 0);
  res.writeHead(reply.status, headers);
  res.end(payload ?? undefined);
}

export async function startHttpEmulator<P, M extends RouteMeta>(opts: HttpEmulatorOptions<P, M>): Promise<HttpEmulator> {
  const faults = opts.faults ?? new FaultInjector();
  const log = opts.log ?? new RequestLog();
  const prefix = opts.controlPrefix ?? '/__emulator';
  let seq = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;

    if (path === prefix || path.startsWith(`${prefix}/`)) {
      const raw = await readBody(req, 1024 * 1024);
      const parsed = raw.ok && raw.body.length > 0 ? parseJson(raw.body) : { ok: true as const, value: undefined };
      if (!parsed.ok) return send(res, { status: 400, body: { error: { message: `bad JSON: ${parsed.message}` } } });
      return send(res, handleControl(method, path.slice(prefix.length), url.searchParams, parsed.value, { faults, log, state: opts.state }));
    }

    const entry: RequestLogEntry = log.add({
      seq: ++seq,
      at: new Date().toISOString(),
      method,
      path,
      query: url.search.replace(/^\?/, ''),
      headers: maskHeaders(req.headers),
      contentType: req.headers['content-type'] ?? null,
      bodyBytes: 0,
      route: null,
      status: null,
      outcome: null,
      faultId: null,
    });
    const ctx: RequestContext<P, M> = {
      seq: entry.seq, req, method, path, query: url.searchParams, headers: req.headers,
      params: {}, route: null, principal: null, rawBody: null, body: undefined, fault: null, locals: {},
    };
    const reply = (r: Reply) => {
      opts.decorate?.(ctx, r);
      entry.status = r.status;
      entry.outcome = res.destroyed ? 'client_aborted' : 'replied';
      send(res, r);
    };
    const cut = (outcome: 'dropped' | 'committed_then_dropped') => {
      entry.outcome = outcome;
      req.socket.destroy();
    };

    const fault = faults.take(method, path);
    ctx.fault = fault;
    entry.faultId = fault?.id ?? null;
    if (fault?.kind === 'drop') return cut('dropped');

    const match = opts.router.match(method, path);
    if (match.kind === 'found') {
      ctx.route = { pattern: match.route.pattern, meta: match.route.meta };
      ctx.params = match.params;
      entry.route = match.route.pattern;
    }
    const limit = (match.kind === 'found' ? match.route.meta.bodyLimitBytes : undefined) ?? opts.bodyLimitBytes;
    const body = await readBody(req, limit);
    if (!body.ok && body.reason === 'aborted') {
      entry.outcome = 'client_aborted';
      return;
    }
    entry.bodyBytes = body.ok ? body.body.length : body.bytes;
    if (body.ok && body.body.length > 0) {
      ctx.rawBody = body.body;
      if (isJsonContentType(req.headers['content-type'])) {
        const parsed = parseJson(body.body);
        if (parsed.ok) entry.json = parsed.value;
      }
      const boundary = boundaryOf(req.headers['content-type']);
      const parts = boundary ? parseMultipart(body.body, boundary) : null;
      if (Array.isArray(parts)) entry.parts = parts.map((p) => ({ name: p.name, filename: p.filename, size: p.data.length }));
    }

    if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 0);
    if (fault?.kind === 'status') {
      const r = fault.body !== undefined ? { status: fault.status ?? 500, body: fault.body } : opts.errorReply(fault.status ?? 500, 'Injected fault', ctx);
      return reply({ ...r, headers: { ...(r.headers ?? {}), ...(fault.headers ?? {}) } });
    }
    if (fault?.kind === 'rate_limit') {
      const r = fault.body !== undefined ? { status: 429, body: fault.body } : opts.errorReply(429, 'Too many requests', ctx);
      return reply({ ...r, headers: { ...(r.headers ?? {}), 'retry-after': String(fault.retryAfterSec ?? 1), ...(fault.headers ?? {}) } });
    }

    if (!(match.kind === 'found' && match.route.meta.public) && opts.before) {
      const early = await opts.before(ctx);
      if (early) return reply(early);
    }
    if (match.kind === 'not_found') return reply(opts.errorReply(404, `No route for ${method} ${path}`, ctx));
    if (match.kind === 'method_not_allowed') {
      const r = opts.errorReply(405, `${method} is not allowed on ${path}`, ctx);
      return reply({ ...r, headers: { ...(r.headers ?? {}), allow: match.allowed.join(', ') } });
    }
    if (!body.ok) return reply(opts.errorReply(413, `Request body of ${body.bytes} bytes exceeds the limit of ${limit} bytes`, ctx));
    if ((match.route.meta.body ?? 'json') === 'json' && ctx.rawBody) {
      if (!isJsonContentType(req.headers['content-type'])) return reply(opts.errorReply(415, 'Content-Type must be application/json', ctx));
      const parsed = parseJson(ctx.rawBody);
      if (!parsed.ok) return reply(opts.errorReply(400, `Malformed JSON body: ${parsed.message}`, ctx));
      ctx.body = parsed.value;
    }

    let result: Reply;
    try {
      result = await match.route.handler(ctx);
    } catch (e) {
      result = opts.onHandlerError?.(e, ctx) ?? opts.errorReply(500, e instanceof Error ? e.message : String(e), ctx);
    }
    if (fault?.kind === 'commit_then_drop') {
      entry.status = result.status;
      return cut('committed_then_dropped');
    }
    reply(result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: { message: e instanceof Error ? e.message : String(e) } } });
    });
  });
  // Vendor APIs sit behind load balancers that keep idle connections ~60 s; Node's 5 s default
  // would close sockets a client is about to reuse (a spurious reset, not a vendor behaviour).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://${host}:${port}`,
    port,
    faults,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
