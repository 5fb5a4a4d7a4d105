// The Kustomer CRM adapter (CrmPort over Kustomer's REST API). Records are conversations:
// name = subject, externalId = session key, tags by name, assignedUsers, custom = the engine's
// fields plus AgentDesk's leaf-queue/channel stamps. No retry loop of its own (the outbox owns
// retries) except what idempotency needs (REL-1): with ctx.retry an earlier attempt may have
// committed, so it looks before it writes (conversation by externalId, note by externalId among
// the conversation's notes, customer by identifier/phone/email), and a 409 on create is resolved
// the same way. Otherwise it makes no lookups, to keep round trips down.
import { CrmError, type CallContext, type CrmCustomer, type CrmPort, type CrmRecordSummary, type CustomerQuery, type FieldMap, type NewAttachment, type NewCustomer, type NewNote, type NewRecord, type RecordPatch } from '../../../engine/crm-port.js';
import type { z } from 'zod';
import { silentLog, type Log } from '../../../engine/ports.js';
import { HttpClient } from '../http-client.js';
import { customerPhone, describeKustomerError, kustomerTags, newConversationBody, newCustomerBody, NOTE_MAX, toCustom, toSummary } from './mapping.js';
import { kustomerAdapterSettingsSchema, type KustomerAdapterDeps, type KustomerAdapterSettings } from './options.js';
import { readRateLimit, retryAfterFromHeaders, type RateLimitInfo } from './rate-limit.js';
import { attachmentReply, conversationList, conversationReply, customerReply, noteList, noteReply } from './replies.js';

const enc = encodeURIComponent;
const PAGE_MAX = 100;

export class KustomerAdapter implements CrmPort {
  readonly kind = 'kustomer' as const;
  private readonly http: HttpClient;
  private readonly appUrl: () => string;
  private readonly uploadTimeoutMs: number;
  private readonly log: Log;
  private rate: RateLimitInfo | null = null;

  constructor(settings: KustomerAdapterSettings, deps: KustomerAdapterDeps = {}) {
    const s = kustomerAdapterSettingsSchema.parse(settings);
    this.appUrl = () => (deps.appUrl?.() || s.appUrl).replace(/\/+$/, '');
    this.uploadTimeoutMs = s.uploadTimeoutMs;
    this.log = deps.log ?? silentLog;
    this.http = new HttpClient({
      vendor: 'Kustomer',
      baseUrl: s.baseUrl,
      timeoutMs: s.timeoutMs,
      fetch: deps.fetch,
      headers: () => ({ authorization: `Bearer ${s.apiKey}` }),
      describeError: describeKustomerError,
      retryAfterFromHeaders: (h) => retryAfterFromHeaders(h),
      onReply: (h) => {
        this.rate = readRateLimit(h, Date.now()) ?? this.rate;
      },
    });
  }

  /** The org-wide rate-limit state from the latest reply (x-ratelimit-*), or null before any. */
  lastRateLimit(): RateLimitInfo | null {
    return this.rate ? { ...this.rate } : null;
  }

  recordUrl(recordId: string): string {
    return `${this.appUrl()}/app/conversations/${enc(recordId)}`;
  }

  /**
   * Lookup by the session's primary identity only: identifier (externalId, KUS-7), else phone
   * (E.164, KUS-8), else e-mail: one round trip. A customer known under another identity is
   * found when the create collides with it (409), or on a retry, where every identity is tried.
   */
  async findCustomer(q: CustomerQuery, ctx: CallContext): Promise<CrmCustomer | null> {
    const paths = this.customerLookups(q);
    for (const path of ctx.retry ? paths : paths.slice(0, 1)) {
      const found = await this.getOrNull(path, customerReply, ctx);
      if (found) return { id: found.data.id };
    }
    return null;
  }

  private customerLookups(q: CustomerQuery): string[] {
    const phone = customerPhone(q);
    return [
      q.identifier ? `/v1/customers/externalId=${enc(q.identifier)}` : null,
      phone ? `/v1/customers/phone=${enc(phone)}` : null,
      q.email ? `/v1/customers/email=${enc(q.email)}` : null,
    ].filter((p): p is string => p !== null);
  }

  async createCustomer(c: NewCustomer, ctx: CallContext): Promise<CrmCustomer> {
    if (ctx.retry) {
      const existing = await this.findCustomer(c, ctx);
      if (existing) return { ...existing, created: false };
    }
    const body = newCustomerBody(c, this.custom(c.fields, 'customer'));
    try {
      const r = await this.http.request({ method: 'POST', path: '/v1/customers', json: body, signal: ctx.signal }, customerReply);
      return { id: r.data.data.id, created: true };
    } catch (e) {
      if (!(e instanceof CrmError && e.kind === 'conflict')) throw e;
      const existing = await this.findCustomer(c, { ...ctx, retry: true }); // an identity is taken: that customer is ours
      if (existing) return { ...existing, created: false };
      throw e;
    }
  }

  /** Kustomer customers have no owner: the conversation carries the assignment (KUS-7, KUS-10). */
  async assignCustomer(_customerId: string, _userId: string, _ctx: CallContext): Promise<void> {}

  async listRecentRecords(customerId: string, limit: number, ctx: CallContext): Promise<CrmRecordSummary[]> {
    const out: CrmRecordSummary[] = [];
    const pageSize = Math.min(Math.max(limit, 1), PAGE_MAX);
    for (let page = 1; out.length < limit; page++) {
      const r = await this.http.request(
        { method: 'GET', path: `/v1/customers/${enc(customerId)}/conversations`, query: { page, pageSize }, signal: ctx.signal },
        conversationList,
      );
      out.push(...r.data.data.map(toSummary));
      if (!r.data.links?.next || r.data.data.length === 0) break;
    }
    // Kustomer documents no sort parameter on this list: order newest first here.
    return out.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, limit);
  }

  async findRecordByExternalId(externalId: string, ctx: CallContext): Promise<CrmRecordSummary | null> {
    const r = await this.getOrNull(`/v1/conversations/externalId=${enc(externalId)}`, conversationReply, ctx);
    return r ? toSummary(r.data) : null;
  }

  async createRecord(rec: NewRecord, ctx: CallContext): Promise<CrmRecordSummary> {
    if (ctx.retry) {
      const existing = await this.findRecordByExternalId(rec.externalId, ctx);
      if (existing) return { ...existing, existed: true };
    }
    const body = newConversationBody(rec, this.custom(rec.fields, 'conversation'));
    try {
      const r = await this.http.request({ method: 'POST', path: '/v1/conversations', json: body, signal: ctx.signal }, conversationReply);
      return toSummary(r.data.data);
    } catch (e) {
      if (!(e instanceof CrmError && e.kind === 'conflict')) throw e;
      const existing = await this.findRecordByExternalId(rec.externalId, ctx); // externalId is unique per org
      if (existing) return { ...existing, existed: true };
      throw e;
    }
  }

  /** One PUT for status/fields/assignee, one POST for tags; both idempotent, so retries need no lookup. */
  async updateRecord(recordId: string, patch: RecordPatch, ctx: CallContext): Promise<void> {
    const body: Record<string, unknown> = {};
    if (patch.status) body.status = patch.status === 'closed' ? 'done' : 'open';
    if (patch.fields) {
      const custom = this.custom(patch.fields, 'conversation');
      if (Object.keys(custom).length) body.custom = custom;
    }
    if (patch.assigneeUserId) body.assignedUsers = [patch.assigneeUserId];
    if (Object.keys(body).length) {
      await this.http.request({ method: 'PUT', path: `/v1/conversations/${enc(recordId)}`, json: body, signal: ctx.signal }, conversationReply);
    }
    const tags = kustomerTags(patch.addTags ?? []);
    if (tags.length) {
      await this.http.request({ method: 'POST', path: `/v1/conversations/${enc(recordId)}/tags`, json: tags, signal: ctx.signal }, conversationReply);
    }
  }

  async addNote(recordId: string, note: NewNote, ctx: CallContext): Promise<void> {
    await this.createNoteOnce(recordId, note.key, { body: noteBody(note.body) }, ctx);
  }

  /** KUS-9: the three-step upload (attachment document, multipart POST, note referencing it). */
  async attachFile(recordId: string, file: NewAttachment, ctx: CallContext): Promise<void> {
    if (ctx.retry && (await this.noteExists(recordId, file.key, ctx))) return;
    const contentLength = file.bytes.byteLength;
    const created = await this.http.request(
      { method: 'POST', path: '/v1/attachments', json: { name: file.name, contentType: file.contentType, contentLength }, signal: ctx.signal },
      attachmentReply,
    );
    const { url, fields } = created.data.meta.upload;
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.name); // S3 ignores fields after the file
    await this.http.request({ method: 'POST', path: url, body: form, signal: ctx.signal, timeoutMs: this.uploadTimeoutMs }, null);
    const attachment = { _id: created.data.data.id, name: file.name, contentType: file.contentType, contentLength };
    await this.createNoteOnce(recordId, file.key, { body: noteBody(file.caption || file.name), attachments: [attachment] }, { ...ctx, retry: false });
  }

  private async createNoteOnce(recordId: string, key: string, body: Record<string, unknown>, ctx: CallContext): Promise<void> {
    if (ctx.retry && (await this.noteExists(recordId, key, ctx))) return;
    try {
      await this.http.request({ method: 'POST', path: `/v1/conversations/${enc(recordId)}/notes`, json: { ...body, externalId: key }, signal: ctx.signal }, noteReply);
    } catch (e) {
      if (e instanceof CrmError && e.kind === 'conflict' && (await this.noteExists(recordId, key, ctx))) return;
      throw e;
    }
  }

  /** Whether the conversation already has a note with this externalId (all pages). */
  private async noteExists(recordId: string, key: string, ctx: CallContext): Promise<boolean> {
    for (let page = 1; ; page++) {
      const r = await this.http.request(
        { method: 'GET', path: `/v1/conversations/${enc(recordId)}/notes`, query: { page, pageSize: PAGE_MAX }, signal: ctx.signal },
        noteList,
      );
      if (r.data.data.some((n) => n.attributes.externalId === key)) return true;
      if (!r.data.links?.next || r.data.data.length === 0) return false;
    }
  }

  private async getOrNull<S extends z.ZodType>(path: string, schema: S, ctx: CallContext): Promise<z.infer<S> | null> {
    try {
      return (await this.http.request({ method: 'GET', path, signal: ctx.signal }, schema)).data;
    } catch (e) {
      if (e instanceof CrmError && e.kind === 'not_found') return null;
      throw e;
    }
  }

  private custom(fields: FieldMap, what: string) {
    const { custom, dropped } = toCustom(fields);
    for (const reason of dropped) this.log.warn('kustomer.field_dropped', { on: what, reason });
    return custom;
  }
}

function noteBody(text: string): string {
  const body = text.trim() === '' ? '(empty)' : text;
  return body.length > NOTE_MAX ? `${body.slice(0, NOTE_MAX - 20)}\n… (truncated)` : body;
}
