// The Freshdesk CRM adapter (CrmPort over Freshdesk API v2). Customers are contacts
// (contacts.ts), records are tickets (source Phone or Chat, tags by name, responder_id = the
// answering agent, custom_fields = the admin's cf_ mapping plus AgentDesk's session-key,
// leaf-queue and channel stamps), notes are private notes, files go as a multipart note. No
// retry loop of its own (the outbox owns retries) except what idempotency needs (REL-1):
// Freshdesk has no external ids on tickets or notes, so with ctx.retry it looks before it writes
// (lookups.ts: the requester's tickets for the session-key stamp, the ticket's conversations for
// the note's reference line; contacts by identity), and a 409 on create is resolved the same
// way. Otherwise it makes no lookups.
import { CrmError, type CallContext, type CrmCustomer, type CrmPort, type CrmRecordSummary, type CustomerQuery, type FieldMap, type NewAttachment, type NewCustomer, type NewNote, type NewRecord, type RecordPatch } from '../../../engine/crm-port.js';
import { FreshdeskClient, helpdeskRoot, numericId, type Body } from './client.js';
import { ContactDirectory } from './contacts.js';
import { toCustomFields } from './fields.js';
import { findOwnTicket, noteExists, requesterTickets } from './lookups.js';
import { contactIdentity, descriptionHtml, noteHtml, OPEN, SOURCE, SUBJECT_MAX, toSummary, withTags } from './mapping.js';
import { freshdeskAdapterSettingsSchema, type FreshdeskAdapterDeps, type FreshdeskAdapterSettings, type FreshdeskConfig } from './options.js';
import type { RateLimitInfo } from './rate-limit.js';
import { conversationReply, searchReply, ticketFieldReply, ticketReply, type TicketReply } from './replies.js';

const enc = encodeURIComponent;
const PAGE_MAX = 100;
const DAY_MS = 86_400_000;

export class FreshdeskAdapter implements CrmPort {
  readonly kind = 'freshdesk' as const;
  private readonly cfg: FreshdeskConfig;
  private readonly client: FreshdeskClient;
  private readonly contacts: ContactDirectory;

  constructor(
    settings: FreshdeskAdapterSettings,
    private readonly deps: FreshdeskAdapterDeps = {},
  ) {
    this.cfg = freshdeskAdapterSettingsSchema.parse(settings);
    this.client = new FreshdeskClient(this.cfg, deps);
    this.contacts = new ContactDirectory(this.client, () => deps.phoneFormat?.() ?? this.cfg.phoneFormat);
  }

  /** The account's rate-limit state from the latest reply (X-Ratelimit-*), or null before any. */
  lastRateLimit(): RateLimitInfo | null {
    return this.client.lastRateLimit();
  }

  recordUrl(recordId: string): string {
    const app = (this.deps.appUrl?.() || this.cfg.appUrl || helpdeskRoot(this.cfg.baseUrl)).replace(/\/+$/, '');
    return `${app}/a/tickets/${enc(recordId)}`;
  }

  findCustomer(q: CustomerQuery, ctx: CallContext): Promise<CrmCustomer | null> {
    return this.contacts.find(q, ctx);
  }

  createCustomer(c: NewCustomer, ctx: CallContext): Promise<CrmCustomer> {
    return this.contacts.create(c, ctx);
  }

  /** Freshdesk contacts have no owner: the ticket carries the assignment (KUS-7, KUS-10). */
  async assignCustomer(_customerId: string, _userId: string, _ctx: CallContext): Promise<void> {}

  /** REC-1/REC-2: the requester's newest tickets, with resolution stats while REC-2 needs them. */
  async listRecentRecords(customerId: string, limit: number, ctx: CallContext): Promise<CrmRecordSummary[]> {
    if (limit <= 0) return [];
    const window = this.deps.reopenWindowDays?.();
    const withStats = window === undefined || (window ?? 0) > 0; // stats cost 2 extra credits per call
    const updatedSince = new Date(this.client.now() - this.cfg.recordsLookbackDays * DAY_MS).toISOString();
    const tickets = await requesterTickets(this.client, customerId, { updatedSince, perPage: Math.min(limit, PAGE_MAX), maxPages: Math.ceil(limit / PAGE_MAX), withStats }, ctx);
    return tickets.slice(0, limit).map((t) => toSummary(t, this.cfg));
  }

  /** By the session-key stamp, through search (Freshdesk indexes changes with a delay of minutes). */
  async findRecordByExternalId(externalId: string, ctx: CallContext): Promise<CrmRecordSummary | null> {
    if (/['"\\]/.test(externalId)) {
      this.client.log.warn('freshdesk.unsearchable_key', { externalId });
      return null;
    }
    const field = this.cfg.stampFields.sessionKey;
    const r = await this.client.http.request({ method: 'GET', path: '/search/tickets', query: { query: `"${field}:'${externalId}'"` }, signal: ctx.signal }, searchReply);
    const hit = r.data.results.filter((t) => t.custom_fields?.[field] === externalId).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];
    return hit ? toSummary(hit, this.cfg) : null;
  }

  async createRecord(rec: NewRecord, ctx: CallContext): Promise<CrmRecordSummary> {
    const requester = numericId(rec.customerId, 'customer');
    if (ctx.retry) {
      const existing = await findOwnTicket(this.client, rec.customerId, rec.externalId, rec.startedAt, ctx);
      if (existing) return { ...existing, existed: true };
    }
    try {
      return toSummary(await this.postTicket({ requester_id: requester, ...(await this.ticketBody(rec, ctx)) }, ctx), this.cfg);
    } catch (e) {
      if (!(e instanceof CrmError && e.kind === 'conflict')) throw e;
      const existing = await findOwnTicket(this.client, rec.customerId, rec.externalId, rec.startedAt, ctx);
      if (existing) return { ...existing, existed: true };
      throw e;
    }
  }

  /**
   * One PUT for status, fields, assignee and tags. Freshdesk replaces a ticket's tags on update,
   * so adding tags first reads the ticket. Idempotent, so retries need no lookup.
   */
  async updateRecord(recordId: string, patch: RecordPatch, ctx: CallContext): Promise<void> {
    const id = numericId(recordId, 'record');
    const body: Body = {};
    if (patch.status) body.status = patch.status === 'closed' ? this.cfg.closeAs : OPEN; // REC-2: reopened = Open
    if (patch.fields) {
      const custom = await this.client.customFields(patch.fields, 'ticket', ctx);
      if (Object.keys(custom).length) body.custom_fields = custom;
    }
    const agent = patch.assigneeUserId ? this.client.agentId(patch.assigneeUserId) : null;
    if (agent !== null) body.responder_id = agent;
    if (patch.addTags?.length) {
      const current = await this.client.http.request({ method: 'GET', path: `/tickets/${id}`, signal: ctx.signal }, ticketReply);
      const tags = withTags(current.data.tags ?? [], patch.addTags);
      if (tags) body.tags = tags;
    }
    if (!Object.keys(body).length) return;
    await this.client.sendLeavingOut(body, 'ticket', (b) => this.client.http.request({ method: 'PUT', path: `/tickets/${id}`, json: b, signal: ctx.signal }, ticketReply));
  }

  async addNote(recordId: string, note: NewNote, ctx: CallContext): Promise<void> {
    const id = numericId(recordId, 'record');
    if (ctx.retry && (await noteExists(this.client, id, note.key, ctx))) return;
    await this.client.http.request({ method: 'POST', path: `/tickets/${id}/notes`, json: { body: noteHtml(note.body, note.key), private: true }, signal: ctx.signal }, conversationReply);
  }

  /** KUS-9: one multipart private note carrying the file (Freshdesk: at most 20 MB per request). */
  async attachFile(recordId: string, file: NewAttachment, ctx: CallContext): Promise<void> {
    const id = numericId(recordId, 'record');
    if (ctx.retry && (await noteExists(this.client, id, file.key, ctx))) return;
    const form = new FormData();
    form.append('body', noteHtml(file.caption || file.name, file.key));
    form.append('private', 'true');
    form.append('attachments[]', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.name);
    await this.client.http.request({ method: 'POST', path: `/tickets/${id}/notes`, body: form, signal: ctx.signal, timeoutMs: this.cfg.uploadTimeoutMs }, conversationReply);
  }

  // ---- fast paths: fewer sequential round trips before a record exists ------------------

  async findCustomerWithRecords(q: CustomerQuery, limit: number, ctx: CallContext): Promise<{ customer: CrmCustomer | null; records: CrmRecordSummary[] }> {
    const customer = await this.contacts.find(q, ctx);
    return { customer, records: customer ? await this.listRecentRecords(customer.id, limit, ctx) : [] };
  }

  /**
   * A new caller's ticket and contact in one request: Freshdesk creates the requester of a
   * ticket from its phone/e-mail/unique_external_id. Contact custom fields (KUS-2 customUserId)
   * cannot ride along, so with those the contact is created first.
   */
  async createCustomerAndRecord(c: NewCustomer, r: Omit<NewRecord, 'customerId'>, ctx: CallContext): Promise<{ customer: CrmCustomer; record: CrmRecordSummary }> {
    if (ctx.retry) {
      const existing = await this.contacts.findCreated(c, ctx);
      if (existing) return { customer: { id: existing, created: false }, record: await this.createRecord({ ...r, customerId: existing }, ctx) };
    }
    if (Object.keys(c.fields).length) {
      const customer = await this.contacts.create(c, { ...ctx, retry: false });
      return { customer, record: await this.createRecord({ ...r, customerId: customer.id }, { ...ctx, retry: false }) };
    }
    const t = await this.postTicket({ ...contactIdentity(c, this.contacts.phoneOf(c)), ...(await this.ticketBody({ ...r, customerId: '' }, ctx)) }, ctx);
    if (t.requester_id === undefined) throw new CrmError('transient', 'Freshdesk POST /tickets: reply has no requester_id');
    return { customer: { id: String(t.requester_id), created: true }, record: toSummary(t, this.cfg) };
  }

  // ---- admin helpers (ADMIN-1; KUS-2 for Freshdesk) --------------------------------------

  /** Problems of the admin's field mapping: names that are not cf_ names or not defined in Freshdesk. */
  async checkFieldNames(names: string[], ctx: CallContext = { retry: false }): Promise<string[]> {
    const defs = await this.client.fieldDefinitions(ctx);
    return toCustomFields(Object.fromEntries(names.map((n) => [n, null])), defs).dropped;
  }

  /**
   * Creates the stamp fields AgentDesk needs (admin API key). Returns the names Freshdesk gave
   * them, which may carry an account suffix (cf_agentdesk_session_297457): save those in settings.
   */
  async ensureStampFields(ctx: CallContext = { retry: false }): Promise<{ sessionKey: string; leafQueue: string | null; channel: string | null }> {
    const defs = await this.client.fieldDefinitions(ctx);
    const { sessionKey, leafQueue, channel } = this.cfg.stampFields;
    const ensure = async (name: string | null, label: string): Promise<string | null> => {
      if (!name || defs.has(name)) return name;
      const body = { label, label_for_customers: label, type: 'custom_text', customers_can_edit: false, displayed_to_customers: false };
      return (await this.client.http.request({ method: 'POST', path: '/admin/ticket_fields', json: body, signal: ctx.signal }, ticketFieldReply)).data.name;
    };
    const names = { sessionKey: (await ensure(sessionKey, 'AgentDesk session')) as string, leafQueue: await ensure(leafQueue, 'AgentDesk leaf queue'), channel: await ensure(channel, 'AgentDesk channel') };
    this.client.forgetFieldDefinitions();
    return names;
  }

  // ---- internals -------------------------------------------------------------------------

  private async ticketBody(rec: NewRecord, ctx: CallContext): Promise<Body> {
    const { sessionKey, leafQueue, channel } = this.cfg.stampFields;
    const stamps: FieldMap = { [sessionKey]: rec.externalId };
    if (leafQueue && rec.leafQueueId) stamps[leafQueue] = rec.leafQueueId;
    if (channel) stamps[channel] = rec.channel;
    const custom = await this.client.customFields({ ...rec.fields, ...stamps }, 'ticket', ctx);
    const agent = rec.assigneeUserId ? this.client.agentId(rec.assigneeUserId) : null;
    const tags = withTags([], rec.tags) ?? [];
    return {
      subject: (rec.subject.trim() || `${rec.channel === 'voice' ? 'Call' : 'Chat'} ${rec.externalId}`).slice(0, SUBJECT_MAX),
      description: descriptionHtml(rec),
      status: OPEN,
      priority: this.cfg.priority,
      source: SOURCE[rec.channel],
      ...(tags.length ? { tags } : {}),
      ...(agent !== null ? { responder_id: agent } : {}),
      ...(this.cfg.groupId !== null ? { group_id: this.cfg.groupId } : {}),
      ...(Object.keys(custom).length ? { custom_fields: custom } : {}),
    };
  }

  private async postTicket(body: Body, ctx: CallContext): Promise<TicketReply> {
    const r = await this.client.sendLeavingOut(body, 'ticket', (b) => this.client.http.request({ method: 'POST', path: '/tickets', json: b, signal: ctx.signal }, ticketReply));
    return r.data;
  }
}
