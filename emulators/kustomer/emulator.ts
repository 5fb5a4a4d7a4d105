// startKustomer(): the Kustomer API emulator on 127.0.0.1 (random port by default), built on the
// http-kit. Bearer API keys (401 in Kustomer's error shape otherwise), org-wide rate limit with
// x-ratelimit-* headers on every reply, 100 KB body limit (413), JSON:API envelopes, faults.
// `extend()` lets an emulator built on this one (the Kustomer page, emulators/kustomer-page/)
// serve its own requests from the same origin and authenticate its users by session cookie.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  FaultInjector, RequestLog, Router, emulatorHandle, startHttpEmulator, systemClock,
  type Clock, type EmulatorHandle, type Reply, type RouteMeta,
} from '../http-kit/index.js';
import type { Deps, KCtx, KRouter, Principal } from './context.js';
import { ApiError, errorReply } from './errors.js';
import { IdGenerator } from './ids.js';
import { KustomerLimits } from './limits.js';
import { registerAttachments, UPLOAD_PATH } from './routes/attachments.js';
import { registerConversations } from './routes/conversations.js';
import { registerCustomers } from './routes/customers.js';
import { registerMessagesAndNotes } from './routes/messages-notes.js';
import { registerMetadata } from './routes/metadata.js';
import { registerSearch } from './routes/search.js';
import { registerUsersAndRouting } from './routes/users-routing.js';
import { RoutingEngine, type WorkSessionListener } from './routing.js';
import { applySeed, type KustomerSeed } from './seed.js';
import { KustomerStore, type WorkSessionRec } from './store.js';

export interface KustomerOptions {
  host?: string;
  /** 0 (default) = a random free port. */
  port?: number;
  seed?: KustomerSeed;
  clock?: Clock;
  /** Org-wide requests per 60 s window (default 1000, Kustomer Enterprise). */
  rateLimitPerMinute?: number;
  /** Searches per minute per API key (default 100). */
  searchRateLimitPerMinute?: number;
  /** Conversation/message/note creates per minute per customer per client (default 120). */
  perCustomerCreatesPerMinute?: number;
  /** Request body limit (default 100 KB, Kustomer's). */
  bodyLimitBytes?: number;
  /** Largest attachment accepted by POST /v1/attachments (default 20 MB). */
  maxAttachmentBytes?: number;
  /** Seed of the fault RNG (probabilistic faults replay identically). */
  faultSeed?: number;
}

/**
 * What an emulator built on this one may add (the Kustomer page). Bearer API keys are checked
 * exactly as before: `authenticate` is asked only when a request has no Authorization header.
 */
export interface KustomerExtension {
  /** Requests outside the kit's pipeline (HTML, scripts, server-sent events); true = handled. */
  raw?(req: IncomingMessage, res: ServerResponse): boolean;
  /** Extra routes through the kit's pipeline (auth, rate limit, faults, request log). */
  routes?(router: KRouter, deps: Deps): void;
  /** A second way to sign a request in (e.g. the page's session cookie); null = not signed in. */
  authenticate?(ctx: KCtx): Principal | null;
}

export interface KustomerEmulator extends EmulatorHandle {
  store: KustomerStore;
  routing: RoutingEngine;
  limits: KustomerLimits;
  /** The first configured API key (handy for tests). */
  apiKey: string;
  onWorkSessionChange(listener: WorkSessionListener): () => void;
  /** Sets a user's routing status as the agent desktop would (starts/ends work sessions). */
  setUserStatus(userId: string, statusIdOrName: string): WorkSessionRec | null;
  /** Adds raw handlers, routes and a second authentication (see KustomerExtension). */
  extend(ext: KustomerExtension): void;
}

export async function startKustomer(opts: KustomerOptions = {}): Promise<KustomerEmulator> {
  const clock = opts.clock ?? systemClock;
  const store = new KustomerStore(new IdGenerator(clock), clock);
  const routing = new RoutingEngine(store);
  applySeed(store, routing, opts.seed);
  const limits = new KustomerLimits(
    { perMinute: opts.rateLimitPerMinute ?? 1000, searchPerMinute: opts.searchRateLimitPerMinute ?? 100, perCustomerCreatesPerMinute: opts.perCustomerCreatesPerMinute ?? 120 },
    clock,
  );
  const faults = new FaultInjector({ seed: opts.faultSeed ?? 1 });
  const log = new RequestLog();
  const router = new Router<Principal, RouteMeta>();
  let baseUrl = '';
  const deps: Deps = { store, limits, routing, uploadUrl: () => `${baseUrl}${UPLOAD_PATH}`, maxAttachmentBytes: opts.maxAttachmentBytes ?? 20 * 1024 * 1024 };
  registerCustomers(router, deps);
  registerConversations(router, deps);
  registerMessagesAndNotes(router, deps);
  registerAttachments(router, deps);
  registerMetadata(router, deps);
  registerSearch(router, deps);
  registerUsersAndRouting(router, deps);

  const extensions: KustomerExtension[] = [];
  const isApi = (ctx: KCtx) => ctx.path.startsWith('/v1/') || ctx.path === '/v1';
  const http = await startHttpEmulator<Principal, RouteMeta>({
    host: opts.host,
    port: opts.port,
    router,
    bodyLimitBytes: opts.bodyLimitBytes ?? 100 * 1024,
    faults,
    log,
    errorReply: (status, detail) => errorReply(status, detail),
    before(ctx: KCtx): Reply | null {
      const header = ctx.headers.authorization ?? '';
      const viaExtension = header ? null : extensions.reduce<Principal | null>((p, e) => p ?? e.authenticate?.(ctx) ?? null, null);
      if (viaExtension) ctx.principal = viaExtension;
      else {
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        if (!m) return errorReply(401, header ? 'Authorization header must be "Bearer <API key>"' : 'Missing Authorization header');
        const key = store.apiKeys.get(m[1] ?? '');
        const user = key ? store.users.get(key.userId) : undefined;
        if (!key || !user) return errorReply(401, 'Invalid API key or token');
        ctx.principal = { key, user };
      }
      const state = limits.org.take(store.org.id);
      ctx.locals.rate = state;
      if (!state.allowed) {
        const r = errorReply(429, `Rate limit of ${state.limit} requests per minute exceeded for this organization`);
        return { ...r, headers: KustomerLimits.retryAfter(state) };
      }
      return null;
    },
    decorate(ctx: KCtx, reply: Reply) {
      if (!isApi(ctx)) return;
      const state = (ctx.locals.rate as ReturnType<typeof limits.org.peek> | undefined) ?? limits.org.peek(store.org.id);
      const h = limits.headers(state);
      if (ctx.fault?.kind === 'rate_limit') {
        h['x-ratelimit-remaining'] = '0';
        h['x-ratelimit-reset'] = String(ctx.fault.retryAfterSec ?? 1);
      }
      reply.headers = { ...h, ...(reply.headers ?? {}) };
    },
    onHandlerError(err: unknown) {
      if (err instanceof ApiError) return { status: err.status, body: { errors: err.errors }, headers: err.headers };
      console.error('[kustomer emulator] handler failed:', err);
      return errorReply(500, err instanceof Error ? err.message : String(err));
    },
    state: () => store.snapshot(),
  });
  baseUrl = http.url;

  // Raw handlers of extensions see each request before the kit does.
  const kitListeners = http.server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  http.server.removeAllListeners('request');
  http.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    for (const e of extensions) if (e.raw?.(req, res)) return;
    for (const l of kitListeners) l(req, res);
  });

  return {
    ...emulatorHandle(http),
    store,
    routing,
    limits,
    apiKey: [...store.apiKeys.keys()][0] ?? '',
    onWorkSessionChange: (l) => routing.onWorkSessionChange(l),
    setUserStatus: (userId, status) => routing.setUserStatus(userId, status, 'internal'),
    extend(ext) {
      extensions.push(ext);
      ext.routes?.(router, deps);
    },
  };
}
