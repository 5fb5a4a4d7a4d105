// The Zendesk Support adapter (CrmPort over Zendesk's ticketing API). Customer = end user,
// record = ticket, note = private comment, attachment = upload token + private comment,
// assignment = assignee_id. No retry loop of its own (the outbox owns retries) except what
// idempotency needs (REL-1): every ticket create carries an Idempotency-Key derived from the
// session key, so a retry after a commit-then-drop replays instead of duplicating (and, past
// Zendesk's 2 hours, ctx.retry looks the ticket up by external_id first); end users are made
// with create_or_update, which matches by external_id or e-mail; a comment carries its key in
// the audit metadata and ctx.retry looks for it before writing. Closed tickets cannot be
// updated: REC-2 makes a follow-up ticket (via_followup_source_id), and a late write to a closed
// ticket goes to its follow-up, as Zendesk itself does with a reply to a closed ticket.
import { CrmError, type CallContext, type CrmCustomer, type CrmPort, type CrmRecordSummary, type CustomerQuery, type FieldMap, type NewAttachment, type NewCustomer, type NewNote, type NewRecord, type RecordPatch } from '../../../engine/crm-port.js';
import { silentLog, type Log } from '../../../engine/ports.js';
import { HttpClient } from '../http-client.js';
import { commentBody, endUserBody, hasFields, newTicketBody, updateBody } from './bodies.js';
import { FieldCatalog, type ResolvedFields } from './fields.js';
import { describeZendeskError, idempotencyKey, isIdempotencyMismatch, metricMap, toSummary, zendeskId } from './mapping.js';
import { zendeskAdapterSettingsSchema, type PhoneFormat, type ZendeskAdapterConfig, type ZendeskAdapterDeps, type ZendeskAdapterSettings } from './options.js';
import { phoneSearchTerm, pickCaller } from './phone.js';
import { readRateLimit, retryAfterFromHeaders, TicketUpdateGuard, type RateLimitInfo } from './rate-limit.js';
import { searchReply, ticketList, ticketReply, uploadReply, userList, userReply, type Ticket, type User } from './replies.js';
import { TicketWrites } from './ticket-writes.js';

const enc = encodeURIComponent;
const PAGE_MAX = 100;

export class ZendeskAdapter implements CrmPort {
  readonly kind = 'zendesk' as const;
  private readonly http: HttpClient;
  private readonly cfg: ZendeskAdapterConfig;
  private readonly fields: FieldCatalog;
  private readonly log: Log;
  private readonly appUrl: () => string;
  private readonly phoneFormat: () => PhoneFormat;
  private readonly writes: TicketWrites;
  private rate: RateLimitInfo | null = null;

  constructor(settings: ZendeskAdapterSettings, deps: ZendeskAdapterDeps = {}) {
    const s = zendeskAdapterSettingsSchema.parse(settings);
    this.cfg = s;
    const now = deps.now ?? Date.now;
    this.log = deps.log ?? silentLog;
    this.appUrl = () => (deps.appUrl?.() || s.appUrl || s.baseUrl).replace(/\/+$/, '');
    this.phoneFormat = () => deps.phoneFormat?.() ?? s.phoneFormat;
    const authorization = 'oauthToken' in s.auth ? `Bearer ${s.auth.oauthToken}` : `Basic ${Buffer.from(`${s.auth.email}/token:${s.auth.apiToken}`).toString('base64')}`;
    this.http = new HttpClient({
      vendor: 'Zendesk',
      baseUrl: s.baseUrl,
      timeoutMs: s.timeoutMs,
      fetch: deps.fetch,
      headers: () => ({ authorization }),
      describeError: describeZendeskError,
      retryAfterFromHeaders,
      onReply: (h) => {
        this.rate = readRateLimit(h, Date.now()) ?? this.rate;
      },
    });
    this.fields = new FieldCatalog(this.http, s.fieldCacheTtlMs, now);
    this.writes = new TicketWrites(this.http, new TicketUpdateGuard(s.ticketUpdateLimit.max, s.ticketUpdateLimit.windowMs, now), s.stamps, this.log);
  }

  /** The account-wide rate-limit state from the latest reply, or null before any. */
  lastRateLimit(): RateLimitInfo | null {
    return this.rate ? { ...this.rate } : null;
  }

  recordUrl(recordId: string): string {
    return `${this.appUrl()}/agent/tickets/${enc(recordId)}`;
  }

  /** Lookup order: SDK identifier (external_id, KUS-7) -> phone (Zendesk's caller search, KUS-8) -> e-mail. */
  /**
   * By the session's primary identity (KUS-7): an SDK identifier is the customer (a new app user
   * gets a new end user, as the original product does), else the phone, else the e-mail; one
   * round trip. On a retry every identity is tried.
   */
  async findCustomer(q: CustomerQuery, ctx: CallContext): Promise<CrmCustomer | null> {
    if (q.identifier) {
      const r = await this.http.request({ method: 'GET', path: '/api/v2/users/search', query: { external_id: q.identifier }, signal: ctx.signal }, userList);
      const u = r.data.users[0];
      if (u) return { id: String(u.id) };
      if (!ctx.retry) return null;
    }
    const phone = phoneSearchTerm(q);
    if (phone) {
      const u = pickCaller(await this.searchUsers(`role:end-user ${phone}`, ctx), q);
      if (u) return { id: String(u.id) };
      if (!ctx.retry) return null;
    }
    if (q.email) {
      const u = (await this.searchUsers(`email:${q.email}`, ctx))[0];
      if (u) return { id: String(u.id) };
    }
    return null;
  }

  /**
   * create_or_update: 201 = made now, 200 = the user already existed (a retry, another agent's
   * call before search indexed it, or a known e-mail that now gets the SDK identifier).
   */
  async createCustomer(c: NewCustomer, ctx: CallContext): Promise<CrmCustomer> {
    const r = await this.http.request({ method: 'POST', path: '/api/v2/users/create_or_update', json: endUserBody(c, this.phoneFormat()), signal: ctx.signal }, userReply);
    return { id: String(r.data.user.id), created: r.status === 201 };
  }

  /** Zendesk end users have no owner: the ticket carries the assignment (KUS-7, KUS-10). */
  async assignCustomer(_customerId: string, _userId: string, _ctx: CallContext): Promise<void> {}

  /** The customer's requested tickets, newest first, with their solve times (metric_sets) in the same call. */
  async listRecentRecords(customerId: string, limit: number, ctx: CallContext): Promise<CrmRecordSummary[]> {
    const out: CrmRecordSummary[] = [];
    const perPage = Math.min(Math.max(limit, 1), PAGE_MAX);
    let path: string | null = `/api/v2/users/${zendeskId('user', customerId)}/tickets/requested`;
    let query: Record<string, string | number> | undefined = { sort_by: 'created_at', sort_order: 'desc', per_page: perPage, include: 'metric_sets' };
    while (path && out.length < limit) {
      const r: { data: { tickets: Ticket[]; metric_sets?: Array<{ ticket_id: number; solved_at?: string | null }>; next_page?: string | null } } = await this.http.request({ method: 'GET', path, query, signal: ctx.signal }, ticketList);
      const metrics = metricMap(r.data.metric_sets);
      out.push(...r.data.tickets.map((t) => toSummary(t, metrics, this.cfg.stamps)));
      path = r.data.tickets.length ? (r.data.next_page ?? null) : null;
      query = undefined; // next_page carries the query
    }
    return out.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, limit);
  }

  /** external_id is not unique in Zendesk: the newest ticket with it (a follow-up AgentDesk made carries it too). */
  async findRecordByExternalId(externalId: string, ctx: CallContext): Promise<CrmRecordSummary | null> {
    const r = await this.http.request({ method: 'GET', path: '/api/v2/tickets', query: { external_id: externalId, include: 'metric_sets' }, signal: ctx.signal }, ticketList);
    const newest = [...r.data.tickets].sort((a, b) => b.id - a.id)[0];
    return newest ? toSummary(newest, metricMap(r.data.metric_sets), this.cfg.stamps) : null;
  }

  async createRecord(rec: NewRecord, ctx: CallContext): Promise<CrmRecordSummary> {
    if (ctx.retry) {
      const existing = await this.findRecordByExternalId(rec.externalId, ctx);
      if (existing) return { ...existing, existed: true };
    }
    const requester = zendeskId('user', rec.customerId);
    const assignee = this.assigneeId(rec.assigneeUserId);
    const fields = await this.resolveFields(rec.fields, ctx);
    const post = (r: NewRecord, a: number | null, keySuffix: string) =>
      this.postTicket(newTicketBody(r, requester, a, fields.fields, this.cfg.stamps), idempotencyKey('ticket', rec.externalId + keySuffix), ctx);
    try {
      return await post(rec, assignee, '');
    } catch (e) {
      if (!(e instanceof CrmError)) throw e;
      if (isIdempotencyMismatch(e)) {
        const existing = await this.findRecordByExternalId(rec.externalId, ctx); // made by an earlier attempt with other content
        if (existing) return { ...existing, existed: true };
      }
      if (e.status === 422 && rec.followUpOf && /via_followup_source/i.test(e.message)) {
        this.log.warn('zendesk.follow_up_refused', { ticket: rec.followUpOf, error: e.message });
        return post({ ...rec, followUpOf: null }, assignee, ':plain'); // a ticket without the link rather than none
      }
      if (e.status === 422 && assignee !== null && /assignee/i.test(e.message)) {
        this.log.warn('zendesk.assignee_refused', { assignee, error: e.message });
        return post(rec, null, ':unassigned'); // the record matters more than its assignment
      }
      throw e;
    }
  }

  /** One PUT: status, custom fields, additional_tags and assignee_id together (the outbox folds consecutive updates before this). */
  async updateRecord(recordId: string, patch: RecordPatch, ctx: CallContext): Promise<void> {
    const ticketId = zendeskId('ticket', recordId);
    const fields = await this.resolveFields(patch.fields, ctx);
    const body = updateBody(patch, fields.fields, this.assigneeId(patch.assigneeUserId ?? null));
    if (!Object.keys(body).length) return;
    const onlyClosing = Object.keys(body).length === 1 && patch.status === 'closed';
    await this.writes.update(ticketId, body, ctx, { skipIfClosed: onlyClosing });
  }

  async addNote(recordId: string, note: NewNote, ctx: CallContext): Promise<void> {
    const ticketId = zendeskId('ticket', recordId);
    if (ctx.retry && (await this.writes.noteExists(ticketId, note.key, ctx))) return;
    await this.writes.update(ticketId, commentBody(note.key, note.body), ctx, { noteKey: note.key });
  }

  /** KUS-9: POST /api/v2/uploads (raw bytes) -> token, then a private comment with `uploads: [token]`. */
  async attachFile(recordId: string, file: NewAttachment, ctx: CallContext): Promise<void> {
    const ticketId = zendeskId('ticket', recordId);
    if (ctx.retry && (await this.writes.noteExists(ticketId, file.key, ctx))) return;
    const up = await this.http.request(
      { method: 'POST', path: '/api/v2/uploads', query: { filename: file.name }, body: new Uint8Array(file.bytes), headers: { 'content-type': file.contentType }, signal: ctx.signal, timeoutMs: this.cfg.uploadTimeoutMs },
      uploadReply,
    );
    await this.writes.update(ticketId, commentBody(file.key, file.caption || file.name, [up.data.upload.token]), ctx, { noteKey: file.key });
  }

  // --- internals -------------------------------------------------------------------------

  private async searchUsers(query: string, ctx: CallContext): Promise<User[]> {
    const r = await this.http.request({ method: 'GET', path: '/api/v2/search.json', query: { query: `type:user ${query}` }, signal: ctx.signal }, searchReply);
    return r.data.results.filter((x) => x.result_type === 'user') as User[];
  }

  private async postTicket(body: { ticket: Record<string, unknown> }, key: string, ctx: CallContext): Promise<CrmRecordSummary> {
    const r = await this.http.request({ method: 'POST', path: '/api/v2/tickets', json: body, headers: { 'idempotency-key': key }, signal: ctx.signal }, ticketReply);
    const summary = toSummary(r.data.ticket, new Map(), this.cfg.stamps);
    return r.headers.get('x-idempotency-lookup') === 'hit' ? { ...summary, existed: true } : summary;
  }

  private assigneeId(userId: string | null): number | null {
    if (!userId) return null;
    if (/^\d{1,16}$/.test(userId)) return Number(userId);
    this.log.warn('zendesk.assignee_skipped', { assignee: userId, reason: 'not a Zendesk user id (an integer): check the agent\'s crmUserId' });
    return null;
  }

  private async resolveFields(map: FieldMap | undefined, ctx: CallContext): Promise<ResolvedFields> {
    if (!hasFields(map)) return { fields: [], dropped: [] };
    const r = await this.fields.resolve(map, ctx.signal);
    for (const reason of r.dropped) this.log.warn('zendesk.field_dropped', { reason });
    return r;
  }
}
