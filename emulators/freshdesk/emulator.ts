// startFreshdesk(): the Freshdesk API v2 emulator on 127.0.0.1 (random port by default), built
// on the http-kit. Basic auth with an API key (`<key>:X`; 401 invalid_credentials otherwise),
// account-wide rate limits per minute with per-endpoint sub-limits and X-Ratelimit-* headers on
// every reply (429 + Retry-After past a limit; include= embeds cost 2 more credits), Freshdesk's
// error shapes, 20 MB of attachments per request, a search index with a configurable delay,
// and the kit's fault injection.
import {
  FaultInjector, RequestLog, Router, emulatorHandle, startHttpEmulator, systemClock,
  type Clock, type EmulatorHandle, type Reply, type RouteMeta,
} from '../http-kit/index.js';
import type { Deps, FdCtx, Principal } from './context.js';
import { errorReply, FdError, replyOf } from './errors.js';
import { DEFAULT_LIMITS, FreshdeskLimits, type EndpointClass, type EndpointLimits } from './limits.js';
import { registerAgents } from './routes/agents.js';
import { registerContacts } from './routes/contacts.js';
import { registerConversations } from './routes/conversations.js';
import { registerFields } from './routes/fields.js';
import { registerSearch } from './routes/search.js';
import { registerTickets } from './routes/tickets.js';
import { applySeed, type FreshdeskSeed } from './seed.js';
import { FreshdeskStore } from './store.js';

export interface FreshdeskOptions {
  host?: string;
  /** 0 (default) = a random free port. */
  port?: number;
  seed?: FreshdeskSeed;
  clock?: Clock;
  /** Account-wide calls per minute (default 700, the Enterprise plan). */
  rateLimitPerMinute?: number;
  /** Per-endpoint calls per minute (default Enterprise: 280 creates, 280 updates, 200 ticket lists, 200 contact lists). */
  endpointLimits?: Partial<EndpointLimits>;
  /** Body limit of JSON requests (default 5 MB). Multipart routes take maxAttachmentBytes + 5 MB. */
  bodyLimitBytes?: number;
  /** Attachments per request, in total (default 20 MB, Freshdesk's). */
  maxAttachmentBytes?: number;
  /** How long a ticket change takes to reach search (default 0; Freshdesk: "a few minutes"). */
  searchIndexDelayMs?: number;
  /** Refuse a contact whose phone/mobile another contact has (Freshdesk does not; default false). */
  uniquePhones?: boolean;
  /** Suffix of admin-created field names (`cf_<label>_<suffix>`, as newer Freshdesk accounts get); default none. */
  fieldNameSuffix?: string;
  /** Seed of the fault RNG (probabilistic faults replay identically). */
  faultSeed?: number;
}

export interface FreshdeskEmulator extends EmulatorHandle {
  store: FreshdeskStore;
  limits: FreshdeskLimits;
  /** The first configured API key. */
  apiKey: string;
  /** The Authorization header value for `apiKey` (Basic base64(key:X)). */
  authHeader: string;
}

export const basicAuth = (key: string) => `Basic ${Buffer.from(`${key}:X`).toString('base64')}`;

function endpointClass(ctx: FdCtx): EndpointClass | null {
  const p = ctx.route?.pattern;
  if (p === '/api/v2/tickets') return ctx.method === 'POST' ? 'ticketCreate' : ctx.method === 'GET' ? 'ticketsList' : null;
  if (p === '/api/v2/tickets/{id}' && ctx.method === 'PUT') return 'ticketUpdate';
  if (p === '/api/v2/contacts' && ctx.method === 'GET') return 'contactsList';
  return null;
}

/** 1 credit, plus 2 per embed on the endpoints that take include=. */
function costOf(ctx: FdCtx): number {
  const p = ctx.route?.pattern;
  if (ctx.method !== 'GET' || (p !== '/api/v2/tickets' && p !== '/api/v2/tickets/{id}')) return 1;
  const embeds = (ctx.query.get('include') ?? '').split(',').filter((s) => s.trim() !== '').length;
  return 1 + 2 * embeds;
}

export async function startFreshdesk(opts: FreshdeskOptions = {}): Promise<FreshdeskEmulator> {
  const clock = opts.clock ?? systemClock;
  const store = new FreshdeskStore(clock, opts.searchIndexDelayMs ?? 0);
  applySeed(store, opts.seed);
  const limits = new FreshdeskLimits({ perMinute: opts.rateLimitPerMinute ?? DEFAULT_LIMITS.perMinute, endpoints: { ...DEFAULT_LIMITS.endpoints, ...opts.endpointLimits } }, clock);
  const faults = new FaultInjector({ seed: opts.faultSeed ?? 1 });
  const log = new RequestLog();
  const router = new Router<Principal, RouteMeta>();
  let baseUrl = '';
  const deps: Deps = {
    store, limits, baseUrl: () => baseUrl, maxAttachmentBytes: opts.maxAttachmentBytes ?? 20 * 1024 * 1024,
    uniquePhones: opts.uniquePhones ?? false, fieldNameSuffix: opts.fieldNameSuffix ?? '',
  };
  registerTickets(router, deps);
  registerConversations(router, deps);
  registerContacts(router, deps);
  registerSearch(router, deps);
  registerFields(router, deps);
  registerAgents(router, deps);

  const account = () => store.account.domain;
  const isApi = (ctx: FdCtx) => ctx.path.startsWith('/api/');
  const http = await startHttpEmulator<Principal, RouteMeta>({
    host: opts.host,
    port: opts.port,
    router,
    bodyLimitBytes: opts.bodyLimitBytes ?? 5 * 1024 * 1024,
    faults,
    log,
    errorReply: (status, detail) => errorReply(status, detail),
    before(ctx: FdCtx): Reply | null {
      if (!isApi(ctx)) return null;
      // The account is the domain: every request to it counts, even an invalid one.
      const cost = costOf(ctx);
      const charge = limits.charge(account(), cost, endpointClass(ctx));
      ctx.locals.rate = { state: charge.state, cost: charge.allowed ? cost : 0 };
      if (!charge.allowed) return { ...errorReply(429, charge.reason ?? 'Rate limit exceeded'), headers: { 'retry-after': String(charge.retryAfterSec) } };
      const accept = ctx.headers.accept;
      if (accept && !/application\/json|\*\/\*|application\/\*/i.test(accept)) return errorReply(406, 'Only application/json and */* are supported in the Accept header');
      const m = /^Basic\s+(\S+)$/i.exec(ctx.headers.authorization ?? '');
      const decoded = m ? Buffer.from(m[1] ?? '', 'base64').toString('utf8') : '';
      const key = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : '';
      const agent = key ? store.agentByKey(key) : null;
      if (!agent) return errorReply(401, 'You have to be logged in to perform this action.');
      ctx.principal = { agent };
      return null;
    },
    decorate(ctx: FdCtx, reply: Reply) {
      if (!isApi(ctx)) return;
      const rate = ctx.locals.rate as { state: ReturnType<typeof limits.state>; cost: number } | undefined;
      const h = limits.headers(rate?.state ?? limits.state(account()), rate?.cost ?? 0);
      if (ctx.fault?.kind === 'rate_limit') h['x-ratelimit-remaining'] = '0';
      reply.headers = { ...h, 'x-freshdesk-api-version': 'latest=v2; requested=v2', 'x-request-id': `emu-${ctx.seq}`, ...(reply.headers ?? {}) };
    },
    onHandlerError(err: unknown) {
      if (err instanceof FdError) return replyOf(err);
      console.error('[freshdesk emulator] handler failed:', err);
      return errorReply(500, err instanceof Error ? err.message : String(err));
    },
    state: () => store.snapshot(),
  });
  baseUrl = http.url;
  const apiKey = [...store.apiKeys.keys()][0] ?? '';

  return {
    ...emulatorHandle(http),
    store,
    limits,
    apiKey,
    authHeader: basicAuth(apiKey),
  };
}
