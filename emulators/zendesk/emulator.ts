// startZendesk(): the Zendesk Support (ticketing) API emulator on 127.0.0.1 (random port by
// default), built on the http-kit. Auth by API token (Basic `{email}/token:{token}`) or OAuth
// (Bearer); 401 {"error":"Couldn't authenticate you"} otherwise. Account-wide rate limit with
// X-Rate-Limit headers on every reply, Update Ticket limits, idempotent ticket creation,
// the close automation, search index lag, faults.
import {
  FaultInjector, RequestLog, Router, emulatorHandle, startHttpEmulator, systemClock,
  type Clock, type EmulatorHandle, type RateLimitState, type Reply, type RouteMeta,
} from '../http-kit/index.js';
import type { Deps, Principal, ZCtx } from './context.js';
import { errorReply, forbidden, ZendeskError } from './errors.js';
import { IdempotencyCache } from './idempotency.js';
import { IdGenerator } from './ids.js';
import { ZendeskLimits } from './limits.js';
import { registerCommentsAndAudits } from './routes/comments-audits.js';
import { registerSearch } from './routes/search.js';
import { registerTicketFields } from './routes/ticket-fields.js';
import { registerTicketUpdate } from './routes/ticket-update.js';
import { registerTickets } from './routes/tickets.js';
import { registerUploads } from './routes/uploads.js';
import { registerUserFields } from './routes/user-fields.js';
import { registerUsers } from './routes/users.js';
import { applySeed, DEFAULT_ADMIN, type ZendeskSeed } from './seed.js';
import { ZendeskStore, type UserRec } from './store.js';

export interface ZendeskOptions {
  host?: string;
  /** 0 (default) = a random free port. */
  port?: number;
  seed?: ZendeskSeed;
  clock?: Clock;
  /** Account-wide requests per minute (default 700, Suite Enterprise). */
  rateLimitPerMinute?: number;
  /** Update Ticket requests per minute per account (default 100). */
  updateTicketPerMinute?: number;
  /** Updates of one ticket by one user per window (default 30). */
  perTicketUpdates?: number;
  /** That window (default 10 minutes). */
  perTicketWindowMs?: number;
  /** JSON body limit (default 1 MB). */
  bodyLimitBytes?: number;
  /** Largest file POST /api/v2/uploads accepts (default 50 MB). */
  maxUploadBytes?: number;
  /** Solved tickets are closed this long after they were solved (default 4 days; 0 = never). */
  autoCloseAfterMs?: number;
  /** Search sees new records only this long after creation (default 0). */
  searchLagMs?: number;
  /** "Validate user phone numbers": users' phones must be E.164 (default false). */
  validatePhoneNumbers?: boolean;
  /** Unknown request properties are a 400 (default true; real Zendesk ignores them). */
  strictBodies?: boolean;
  faultSeed?: number;
}

export interface ZendeskEmulator extends EmulatorHandle {
  store: ZendeskStore;
  limits: ZendeskLimits;
  idempotency: IdempotencyCache;
  /** The first API token and the e-mail of the first admin: `${email}/token:${apiToken}`. */
  apiToken: string;
  email: string;
  oauthToken: string;
  /** Runs the close automation now for a solved ticket (skips the wait). */
  closeTicket(id: number): void;
}

function authenticate(store: ZendeskStore, header: string): Principal | Reply {
  const unauth = () => errorReply(401, "Couldn't authenticate you");
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const login = colon < 0 ? decoded : decoded.slice(0, colon);
    const secret = colon < 0 ? '' : decoded.slice(colon + 1);
    if (!login.endsWith('/token') || !store.apiTokens.has(secret)) return unauth(); // password access is not offered
    const user = store.userByEmail(login.slice(0, -'/token'.length));
    if (!user || !user.active) return unauth();
    return { user, auth: 'api_token' };
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) {
    const t = store.oauthTokens.get(bearer[1] ?? '');
    const user = t ? store.users.get(t.userId) : undefined;
    if (!user || !user.active) return unauth();
    return { user, auth: 'oauth' };
  }
  return unauth();
}

export async function startZendesk(opts: ZendeskOptions = {}): Promise<ZendeskEmulator> {
  const clock = opts.clock ?? systemClock;
  const store = new ZendeskStore(new IdGenerator(), clock, { autoCloseAfterMs: opts.autoCloseAfterMs ?? 4 * 86_400_000, searchLagMs: opts.searchLagMs ?? 0 });
  applySeed(store, opts.seed);
  const limits = new ZendeskLimits(
    {
      perMinute: opts.rateLimitPerMinute ?? 700,
      updateTicketPerMinute: opts.updateTicketPerMinute ?? 100,
      perTicketUpdates: opts.perTicketUpdates ?? 30,
      perTicketWindowMs: opts.perTicketWindowMs ?? 10 * 60_000,
    },
    clock,
  );
  const idempotency = new IdempotencyCache(clock);
  const faults = new FaultInjector({ seed: opts.faultSeed ?? 1 });
  const log = new RequestLog();
  const router = new Router<Principal, RouteMeta>();
  let baseUrl = '';
  const deps: Deps = {
    store, limits, idempotency, baseUrl: () => baseUrl, maxUploadBytes: opts.maxUploadBytes ?? 50 * 1024 * 1024,
    validatePhoneNumbers: opts.validatePhoneNumbers ?? false, strictBodies: opts.strictBodies ?? true,
  };
  registerTickets(router, deps);
  registerTicketUpdate(router, deps);
  registerCommentsAndAudits(router, deps);
  registerUsers(router, deps);
  registerSearch(router, deps);
  registerUploads(router, deps);
  registerTicketFields(router, deps);
  registerUserFields(router, deps);

  const isApi = (ctx: ZCtx) => ctx.path.startsWith('/api/');
  const http = await startHttpEmulator<Principal, RouteMeta>({
    host: opts.host,
    port: opts.port,
    router,
    bodyLimitBytes: opts.bodyLimitBytes ?? 1024 * 1024,
    faults,
    log,
    errorReply: (status, detail) => errorReply(status, detail),
    before(ctx: ZCtx): Reply | null {
      if (!isApi(ctx)) return null;
      const who = authenticate(store, ctx.headers.authorization ?? '');
      if ('status' in who) return who;
      if (who.user.role === 'end-user') return forbidden().reply();
      ctx.principal = who;
      const state = limits.account.take('account');
      ctx.locals.rate = state;
      if (!state.allowed) {
        const r = new ZendeskError(429, { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' }, ZendeskLimits.retryAfter(state));
        return r.reply();
      }
      store.runAutomations();
      return null;
    },
    decorate(ctx: ZCtx, reply: Reply) {
      if (!isApi(ctx)) return;
      const state = (ctx.locals.rate as RateLimitState | undefined) ?? limits.account.peek('account');
      const h = limits.headers(state);
      if (ctx.fault?.kind === 'rate_limit') {
        h['x-rate-limit-remaining'] = '0';
        h['ratelimit-remaining'] = '0';
        h['ratelimit-reset'] = String(ctx.fault.retryAfterSec ?? 1);
      }
      reply.headers = { ...h, ...(reply.headers ?? {}) };
    },
    onHandlerError(err: unknown) {
      if (err instanceof ZendeskError) return err.reply();
      console.error('[zendesk emulator] handler failed:', err);
      return errorReply(500, err instanceof Error ? err.message : String(err));
    },
    state: () => store.snapshot(),
  });
  baseUrl = http.url;
  const admin = [...store.users.values()].find((u: UserRec) => u.role === 'admin');

  return {
    ...emulatorHandle(http),
    store,
    limits,
    idempotency,
    apiToken: [...store.apiTokens.keys()][0] ?? '',
    email: admin?.email ?? DEFAULT_ADMIN.email,
    oauthToken: [...store.oauthTokens.keys()][0] ?? '',
    closeTicket: (id) => {
      const t = store.tickets.get(id);
      if (!t) throw new Error(`no ticket ${id}`);
      store.close(t);
    },
  };
}
