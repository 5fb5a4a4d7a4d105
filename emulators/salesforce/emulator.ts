// startSalesforce(): the Salesforce REST API emulator on 127.0.0.1 (random port by default), built
// on the http-kit. `/services/data/vNN.N/...` for the configured versions (404 NOT_FOUND for
// others), `Authorization: Bearer <token>` (401 INVALID_SESSION_ID otherwise), the org's API
// allocation with `Sforce-Limit-Info` on every reply, errors as [{message, errorCode, fields}],
// and the kit's fault injection.
import {
  FaultInjector, RequestLog, Router, emulatorHandle, startHttpEmulator, systemClock,
  type Clock, type EmulatorHandle, type Reply,
} from '../http-kit/index.js';
import type { Deps, Principal, SfCtx, SfMeta } from './context.js';
import { Dml } from './dml.js';
import { errorReply, NOT_FOUND_MESSAGE, SfError } from './errors.js';
import { IdGenerator } from './ids.js';
import { SalesforceLimits } from './limits.js';
import { registerComposite } from './routes/composite.js';
import { registerMisc } from './routes/misc.js';
import { registerQuery } from './routes/query.js';
import { registerSObjects } from './routes/sobjects.js';
import { buildSchema, customFieldsSchema, type CustomFieldsInput } from './schema/objects.js';
import { applySeed, DEFAULT_ACCESS_TOKEN, type SalesforceSeed } from './seed.js';
import { SalesforceStore } from './store.js';

export interface SalesforceOptions {
  host?: string;
  /** 0 (default) = a random free port. */
  port?: number;
  seed?: SalesforceSeed;
  clock?: Clock;
  /** API versions served (default v31.0 ... v66.0). */
  versions?: string[];
  /** Custom fields by object; merged over DEFAULT_CUSTOM_FIELDS (pass `null` for a field spec to drop a default). */
  customFields?: CustomFieldsInput;
  /** Case.Origin picklist values (unrestricted, as in Salesforce). */
  caseOrigins?: string[];
  /** The rolling 24-hour API allocation (default 100,000). */
  dailyApiLimit?: number;
  /** Requests per minute before REQUEST_LIMIT_EXCEEDED (default: no burst limit). */
  burstPerMinute?: number | null;
  /** Status of a burst refusal: 403 (REST API, default) or 429 (an API gateway in front). */
  burstStatus?: 403 | 429;
  /** Owner an active case assignment rule gives new cases unless `Sforce-Auto-Assign: FALSE` (default: no active rule). */
  caseAssignmentOwnerId?: string | null;
  /** Rows per query batch before `nextRecordsUrl` (default 2000). */
  queryBatchSize?: number;
  /** Lifetime of tokens issued by /services/oauth2/token (default 2 h; null = no expiry). */
  sessionTtlMs?: number | null;
  /** Request body limit (default 50 MB). */
  bodyLimitBytes?: number;
  faultSeed?: number;
}

/** The fields AgentDesk's default adapter settings use; an org installs them with AgentDesk. */
export const DEFAULT_CUSTOM_FIELDS: CustomFieldsInput = {
  Case: {
    AgentDesk_Session_Id__c: { type: 'string', length: 255, externalId: true, unique: true, label: 'AgentDesk Session Id' },
    AgentDesk_Leaf_Queue__c: { type: 'string', length: 255 },
    AgentDesk_Channel__c: { type: 'string', length: 40 },
    AgentDesk_Tags__c: { type: 'string', length: 255 },
  },
  Contact: {
    AgentDesk_Customer_Key__c: { type: 'string', length: 255, externalId: true, unique: true },
  },
};

/** v31.0 (the oldest version Salesforce still serves) to v66.0. */
export const DEFAULT_VERSIONS = Array.from({ length: 36 }, (_, i) => `v${31 + i}.0`);

export interface SalesforceEmulator extends EmulatorHandle {
  store: SalesforceStore;
  limits: SalesforceLimits;
  /** A static access token of the integration user (handy in tests). */
  accessToken: string;
  /** Makes a token invalid, as a session timeout or a revoke would. */
  expireToken(token: string): void;
}

function mergeCustomFields(extra: CustomFieldsInput | undefined): CustomFieldsInput {
  const out: Record<string, Record<string, unknown>> = {};
  for (const src of [DEFAULT_CUSTOM_FIELDS, extra ?? {}]) {
    for (const [object, fields] of Object.entries(src)) {
      out[object] = { ...(out[object] ?? {}) };
      for (const [name, spec] of Object.entries(fields)) {
        if (spec === null) delete out[object][name];
        else out[object][name] = spec;
      }
    }
  }
  return out as CustomFieldsInput;
}

export async function startSalesforce(opts: SalesforceOptions = {}): Promise<SalesforceEmulator> {
  const clock = opts.clock ?? systemClock;
  const versions = opts.versions ?? DEFAULT_VERSIONS;
  let store: SalesforceStore | null = null;
  const schema = buildSchema({
    customFields: customFieldsSchema.parse(mergeCustomFields(opts.customFields)),
    caseOrigins: opts.caseOrigins ?? ['Phone', 'Email', 'Web', 'Chat'],
    caseStatuses: () => store?.caseStatuses().map((s) => s.ApiName) ?? [],
  });
  store = new SalesforceStore(schema, new IdGenerator(), clock);
  const dml = new Dml(store, { caseAssignmentOwnerId: opts.caseAssignmentOwnerId ?? null });
  applySeed(store, dml, opts.seed);
  const limits = new SalesforceLimits({ dailyLimit: opts.dailyApiLimit ?? 100_000, burstPerMinute: opts.burstPerMinute ?? null, burstStatus: opts.burstStatus ?? 403 }, clock);
  const faults = new FaultInjector({ seed: opts.faultSeed ?? 1 });
  const log = new RequestLog();
  const router = new Router<Principal, SfMeta>();
  let baseUrl = '';
  const s = store;
  const deps: Deps = { store: s, dml, limits, versions, queryBatchSize: opts.queryBatchSize ?? 2000, cursors: new Map(), baseUrl: () => baseUrl, sessionTtlMs: opts.sessionTtlMs === undefined ? 2 * 3600_000 : opts.sessionTtlMs };
  registerMisc(router, deps);
  registerSObjects(router, deps);
  registerQuery(router, deps);
  registerComposite(router, deps);

  const isVersioned = (ctx: SfCtx) => /^\/services\/data\/v[^/]+(\/|$)/.test(ctx.path);
  const http = await startHttpEmulator<Principal, SfMeta>({
    host: opts.host,
    port: opts.port,
    router,
    bodyLimitBytes: opts.bodyLimitBytes ?? 50 * 1024 * 1024,
    faults,
    log,
    errorReply: (status, detail, ctx) => {
      if (status === 404) return errorReply(404, NOT_FOUND_MESSAGE);
      if (status === 405) return errorReply(405, `HTTP Method '${ctx.method}' not allowed`);
      if (status === 415) return errorReply(415, `Content type '${String(ctx.headers['content-type'] ?? '')}' not supported`);
      return errorReply(status, detail);
    },
    before(ctx: SfCtx): Reply | null {
      const m = /^\/services\/data\/(v\d+\.\d)(\/|$)/.exec(ctx.path);
      if (ctx.path.startsWith('/services/data/') && (!m || !versions.includes(m[1] as string))) return errorReply(404, NOT_FOUND_MESSAGE);
      const header = String(ctx.headers.authorization ?? '');
      const token = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header)?.[1] ?? '';
      const t = s.tokens.get(token);
      if (!t || t.revoked || (t.expiresAt !== null && clock.now() >= t.expiresAt)) {
        return { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], headers: { 'www-authenticate': 'Token' } };
      }
      ctx.principal = { userId: t.userId, token };
      try {
        limits.take();
      } catch (e) {
        if (e instanceof SfError) return e.reply();
        throw e;
      }
      return null;
    },
    decorate(ctx: SfCtx, reply: Reply) {
      if (!isVersioned(ctx) || reply.status === 401) return;
      reply.headers = { ...limits.header(), ...(reply.headers ?? {}) };
    },
    onHandlerError(err: unknown) {
      if (err instanceof SfError) return err.reply();
      console.error('[salesforce emulator] handler failed:', err);
      return errorReply(500, err instanceof Error ? err.message : String(err));
    },
    state: () => s.snapshot(),
  });
  baseUrl = http.url;

  return {
    ...emulatorHandle(http),
    store: s,
    limits,
    accessToken: opts.seed?.accessTokens?.[0] ?? DEFAULT_ACCESS_TOKEN,
    expireToken: (token) => {
      const t = s.tokens.get(token);
      if (t) t.expiresAt = clock.now();
    },
  };
}
