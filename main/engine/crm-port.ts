// The CRM port: what the orchestration engine needs from any CRM (Kustomer, Zendesk, Freshdesk,
// Salesforce). Adapters in main/adapters/crm/* implement it over the vendor's REST API.
// Every method is safe to call again after a failure: `ctx.retry` tells the adapter that an
// earlier attempt of the same step may have reached the CRM, so it looks before it writes.
import type { Channel, CrmKind, SessionType } from '../../common/protocol/index.js';

export type FieldValue = string | number | boolean | null;
export type FieldMap = Record<string, FieldValue>;

export interface CustomerQuery {
  /** E.164 when the number could be parsed (KUS-8), else null. */
  phoneE164: string | null;
  /** The number as the contact center gave it. */
  phoneRaw: string | null;
  /** Mobile/web SDK identifier (KUS-7). */
  identifier: string | null;
  email: string | null;
  name: string | null;
}

export interface NewCustomer extends CustomerQuery {
  /** Stable key for idempotent creation (derived from the identity used). */
  key: string;
  /** CRM customer field name -> value (KUS-2 customUserId). */
  fields: FieldMap;
}

export interface CrmCustomer {
  id: string;
  /** True when this call created the customer (so it has no records yet and may be assigned, KUS-7). */
  created?: boolean;
}

/** What the engine needs to know of a record to apply REC-1/REC-2. */
export interface CrmRecordSummary {
  id: string;
  status: 'open' | 'closed';
  createdAt: string;
  /** When it was last closed (Kustomer lastDone.createdAt, Zendesk solved_at...). */
  closedAt: string | null;
  /** The leaf queue and channel the record came in from, as AgentDesk stamped them. */
  leafQueueId: string | null;
  channel: Channel | null;
  externalId: string | null;
  /** Tags already on the record, when the CRM says (so appending does not re-send them). */
  tags?: string[];
  /** Set by createRecord when the record already existed (a retry or another agent made it). */
  existed?: boolean;
  /**
   * False when a closed record can no longer be reopened (Zendesk "closed", as opposed to
   * "solved"): REC-2 then makes a follow-up record instead. Default true.
   */
  reopenable?: boolean;
}

export interface NewRecord {
  /** Session key (session id, or vm:<voicemail id>): the CRM-side idempotency key. */
  externalId: string;
  customerId: string;
  subject: string;
  channel: Channel;
  sessionType: SessionType;
  direction: 'in' | 'out';
  /** Already in the CRM's tag format (REC-8, REC-9). */
  tags: string[];
  /** CRM field name -> value (KUS-2, KUS-3, KUS-4). */
  fields: FieldMap;
  leafQueueId: string | null;
  /** CRM user id of the agent to assign (KUS-10), or null. */
  assigneeUserId: string | null;
  /** ISO time the session started. */
  startedAt: string;
  /** REC-2 on a record that cannot be reopened: the new record follows up this one. */
  followUpOf?: string | null;
}

export interface RecordPatch {
  status?: 'open' | 'closed';
  fields?: FieldMap;
  addTags?: string[];
  assigneeUserId?: string;
}

export interface NewNote {
  /** Idempotency key of this note (stable across retries). */
  key: string;
  body: string;
}

export interface NewAttachment {
  key: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
  /** Text of the note the file is attached to. */
  caption: string;
}

export interface CallContext {
  /** An earlier attempt of this very step may have reached the CRM. */
  retry: boolean;
  signal?: AbortSignal;
}

export interface CrmPort {
  readonly kind: CrmKind;
  findCustomer(q: CustomerQuery, ctx: CallContext): Promise<CrmCustomer | null>;
  /** Creates, or returns the existing customer if the CRM says the identity is taken. */
  createCustomer(c: NewCustomer, ctx: CallContext): Promise<CrmCustomer>;
  /** KUS-7: a customer we created is assigned when the call is assigned (no-op where the CRM has no owner). */
  assignCustomer(customerId: string, userId: string, ctx: CallContext): Promise<void>;
  /** The customer's records, newest first (at most `limit`). */
  listRecentRecords(customerId: string, limit: number, ctx: CallContext): Promise<CrmRecordSummary[]>;
  findRecordByExternalId(externalId: string, ctx: CallContext): Promise<CrmRecordSummary | null>;
  createRecord(r: NewRecord, ctx: CallContext): Promise<CrmRecordSummary>;
  updateRecord(recordId: string, patch: RecordPatch, ctx: CallContext): Promise<void>;
  addNote(recordId: string, note: NewNote, ctx: CallContext): Promise<void>;
  attachFile(recordId: string, file: NewAttachment, ctx: CallContext): Promise<void>;
  /** Where an agent opens the record (pop, KUS-10). */
  recordUrl(recordId: string): string;

  /**
   * Optional fast paths for CRMs that can batch requests (Salesforce composite): the engine uses
   * them when present, to keep sequential round trips before a record exists to a minimum.
   */
  findCustomerWithRecords?(q: CustomerQuery, limit: number, ctx: CallContext): Promise<{ customer: CrmCustomer | null; records: CrmRecordSummary[] }>;
  createCustomerAndRecord?(c: NewCustomer, r: Omit<NewRecord, 'customerId'>, ctx: CallContext): Promise<{ customer: CrmCustomer; record: CrmRecordSummary }>;
}

/** Failures a CRM adapter reports; the outbox decides from `kind` whether and when to retry. */
export type CrmErrorKind =
  | 'rate_limited' // 429 / REQUEST_LIMIT_EXCEEDED: retry after retryAfterMs
  | 'transient' // 5xx, timeout, dropped connection: retry with backoff
  | 'conflict' // 409: look, then retry
  | 'not_found'
  | 'auth' // 401/403: retry slowly, tell the admin
  | 'invalid'; // 4xx the CRM will never accept: dead-letter with the CRM's message

export class CrmError extends Error {
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
    /** `record`: only this record is limited (Zendesk's per-ticket update limit); `account`: every write waits. */
    readonly scope: 'account' | 'record' = 'account',
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

export function isRetryable(e: unknown): boolean {
  if (!(e instanceof CrmError)) return true; // unknown failures (network) are retried
  return e.kind !== 'invalid' && e.kind !== 'not_found';
}
