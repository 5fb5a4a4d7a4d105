// What the adapter's parts share: the HTTP client for /api/v2 (Basic auth with the API key,
// Freshdesk's error text, rate-limit headers tracked from every reply), the account's custom
// field definitions (cached), and the write that leaves out fields Freshdesk refuses.
import { CrmError, type CallContext, type FieldMap } from '../../../engine/crm-port.js';
import { silentLog, type Log } from '../../../engine/ports.js';
import { HttpClient } from '../http-client.js';
import { describeFreshdeskError, refusedFields } from './errors.js';
import { FieldDefsCache, fieldDefsFrom, toCustomFields, type FieldDef } from './fields.js';
import type { FreshdeskAdapterDeps, FreshdeskConfig } from './options.js';
import { readRateLimit, type RateLimitInfo } from './rate-limit.js';
import { ticketFieldList } from './replies.js';

export type Body = Record<string, unknown>;
/** Fields Freshdesk may refuse that a ticket can do without (besides custom fields). */
const DROPPABLE = ['responder_id', 'group_id'];

export class FreshdeskClient {
  readonly http: HttpClient;
  readonly log: Log;
  readonly now: () => number;
  private readonly fieldDefs: FieldDefsCache;
  private rate: RateLimitInfo | null = null;

  constructor(
    readonly cfg: FreshdeskConfig,
    deps: FreshdeskAdapterDeps,
  ) {
    this.log = deps.log ?? silentLog;
    this.now = deps.now ?? Date.now;
    this.fieldDefs = new FieldDefsCache(cfg.fieldCacheTtlMs, this.now);
    const auth = `Basic ${Buffer.from(`${cfg.apiKey}:X`).toString('base64')}`;
    this.http = new HttpClient({
      vendor: 'Freshdesk',
      baseUrl: `${helpdeskRoot(cfg.baseUrl)}/api/v2`,
      timeoutMs: cfg.timeoutMs,
      fetch: deps.fetch,
      headers: () => ({ authorization: auth }),
      describeError: describeFreshdeskError,
      onReply: (h) => {
        this.rate = readRateLimit(h, this.now()) ?? this.rate;
      },
    });
  }

  lastRateLimit(): RateLimitInfo | null {
    return this.rate ? { ...this.rate } : null;
  }

  /**
   * Sends a write; when Freshdesk refuses custom fields (deleted, retyped since the definitions
   * were read) or an unknown responder/group, leaves those out, says so in the log, and sends
   * once more: a request that got a 400 committed nothing, so the resend cannot duplicate.
   */
  async sendLeavingOut<T>(body: Body, what: string, send: (b: Body) => Promise<T>): Promise<T> {
    try {
      return await send(body);
    } catch (e) {
      if (!(e instanceof CrmError && e.kind === 'invalid')) throw e;
      const custom = (body.custom_fields ?? {}) as Body;
      const refused = refusedFields(e.message).filter((f) => f in custom || (DROPPABLE.includes(f) && f in body));
      if (!refused.length) throw e;
      this.fieldDefs.invalidate();
      const next: Body = { ...body, custom_fields: { ...custom } };
      for (const f of refused) {
        this.log.warn('freshdesk.field_dropped', { on: what, field: f, reason: e.message });
        if (f in custom) delete (next.custom_fields as Body)[f];
        else delete next[f];
      }
      if (!Object.keys(next.custom_fields as Body).length) delete next.custom_fields;
      return send(next);
    }
  }

  /** The engine's fields as Freshdesk custom_fields (KUS-2, KUS-4); what cannot be written is logged. */
  async customFields(fields: FieldMap, what: string, ctx: CallContext): Promise<FieldMap> {
    if (!Object.keys(fields).length) return {};
    let defs: ReadonlyMap<string, FieldDef> | null = null;
    try {
      defs = await this.fieldDefinitions(ctx);
    } catch (e) {
      if (!(e instanceof CrmError && (e.kind === 'auth' || e.kind === 'not_found' || e.kind === 'invalid'))) throw e;
      this.log.warn('freshdesk.field_defs_unavailable', { error: e.message }); // send as is; refusals are left out
    }
    const { custom, dropped } = toCustomFields(fields, defs);
    const stamps = Object.values(this.cfg.stampFields).filter((n): n is string => !!n);
    for (const reason of dropped) {
      // Without its stamps a ticket cannot be found again on a retry (REL-1) or matched by leaf queue (REC-1).
      if (stamps.some((s) => reason.startsWith(`${s}:`)))
        this.log.error('freshdesk.stamp_field_missing', { on: what, reason, fix: 'create the field in Freshdesk (ensureStampFields) or name an existing one in the adapter settings' });
      else this.log.warn('freshdesk.field_dropped', { on: what, reason });
    }
    return custom;
  }

  async fieldDefinitions(ctx: CallContext): Promise<Map<string, FieldDef>> {
    const cached = this.fieldDefs.fresh();
    if (cached) return cached;
    const r = await this.http.request({ method: 'GET', path: '/ticket_fields', signal: ctx.signal }, ticketFieldList);
    const defs = fieldDefsFrom(r.data);
    this.fieldDefs.set(defs);
    return defs;
  }

  forgetFieldDefinitions(): void {
    this.fieldDefs.invalidate();
  }

  /** Freshdesk agent ids are numbers; a crmUserId that is not one cannot be assigned (logged, the ticket is still written). */
  agentId(userId: string): number | null {
    if (/^\d+$/.test(userId)) return Number(userId);
    this.log.warn('freshdesk.assignee_dropped', { userId, reason: 'not a Freshdesk agent id (a number)' });
    return null;
  }
}

/** https://<domain>.freshdesk.com, whether or not the configured URL ends in /api/v2. */
export const helpdeskRoot = (baseUrl: string) => baseUrl.replace(/\/+$/, '').replace(/\/api\/v2$/, '');

export function numericId(id: string, what: string): number {
  if (!/^\d+$/.test(id)) throw new CrmError('invalid', `Freshdesk ${what} ids are numbers, got "${id}"`);
  return Number(id);
}

/** Whether a list reply has a next page (Link: <...>; rel="next"). */
export const hasNextPage = (headers: Headers) => /rel="?next"?/.test(headers.get('link') ?? '');
