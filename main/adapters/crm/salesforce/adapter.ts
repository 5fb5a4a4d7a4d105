// The Salesforce CRM adapter (CrmPort over the REST API). Customer = Contact, record = Case
// (Origin by channel; AgentDesk's session key in an External ID field; leaf queue and channel
// stamped in fields), notes = private CaseComments, files = ContentVersions on the case, calls =
// Tasks (TaskSubtype Call), assignment = OwnerId, tags = a field the admin chooses. Open/closed
// come from the org's CaseStatus rows (a case's IsClosed), "closed within N days" from ClosedDate.
// The batched fast paths (one composite request each) keep a new call's record to two sequential
// round trips. No retry loop of its own (the outbox owns retries) except what idempotency needs.
import type { CallContext, CrmCustomer, CrmPort, CrmRecordSummary, CustomerQuery, NewAttachment, NewCustomer, NewNote, NewRecord, RecordPatch } from '../../../engine/crm-port.js';
import { CrmError } from '../../../engine/crm-port.js';
import type { ApiUsage } from './rate-limit.js';
import { CaseCreator } from './case-create.js';
import { updateCase } from './case-update.js';
import { contactSoql, pickContact, type ContactLookup } from './contacts.js';
import { SalesforceCore } from './core.js';
import { contactBody, contactUpsertPath, summaryFields, toSummary } from './mapping.js';
import { addComment, attachContent } from './notes-files.js';
import type { SalesforceAdapterDeps, SalesforceAdapterSettings } from './options.js';
import { caseRecord, contactRecord, fieldsNamedIn, queryResult, saveResult, type ContactRecord } from './replies.js';
import { fieldList, queryPath, soqlString } from './soql.js';

const enc = encodeURIComponent;
const OWNER_MEMORY = 500;

export class SalesforceAdapter implements CrmPort {
  readonly kind = 'salesforce' as const;
  private readonly core: SalesforceCore;
  private readonly creator: CaseCreator;
  /** Contacts this adapter created with an owner (KUS-7), so assignCustomer need not write it again. */
  private readonly ownerSet = new Map<string, string>();

  constructor(settings: SalesforceAdapterSettings, deps: SalesforceAdapterDeps = {}) {
    this.core = new SalesforceCore(settings, deps);
    this.creator = new CaseCreator(this.core);
  }

  /** The org's API usage (Sforce-Limit-Info) from the latest reply, or null before any. */
  lastApiUsage(): ApiUsage | null {
    return this.core.api.lastApiUsage();
  }

  recordUrl(recordId: string): string {
    return `${this.core.appUrlOf()}/lightning/r/Case/${enc(recordId)}/view`;
  }

  private lookup(): ContactLookup {
    return { format: this.core.phoneFormat(), userIdField: this.core.userIdField(), keyField: this.core.s.contactKeyField };
  }

  /** Runs a contact query; a mapped user-id field the org lacks is dropped (logged) and the query sent again. */
  private async contactQuery<T>(q: CustomerQuery, run: (soql: string, l: ContactLookup) => Promise<T>): Promise<T | null> {
    for (;;) {
      const l = this.lookup();
      const soql = contactSoql(q, l);
      if (!soql) return null;
      try {
        return await run(soql, l);
      } catch (e) {
        const bad = l.userIdField;
        if (!(e instanceof CrmError) || e.kind !== 'invalid' || !bad || !fieldsNamedIn(e.message).includes(bad)) throw e;
        this.core.missingFields.add(bad.toLowerCase());
        this.core.log.warn('salesforce.field_dropped', { on: 'Contact lookup', field: bad, reason: e.message });
      }
    }
  }

  async findCustomer(q: CustomerQuery, ctx: CallContext): Promise<CrmCustomer | null> {
    const found = await this.contactQuery(q, async (soql, l) => pickContact(await this.core.api.query(soql, contactRecord, ctx.signal), q, l));
    return found ? { id: found.Id } : null;
  }

  /** Upsert on the customer-key External ID field (a retry or a colleague's create finds the same contact), else create. */
  async createCustomer(c: NewCustomer, ctx: CallContext): Promise<CrmCustomer> {
    const key = this.core.s.contactKeyField;
    const upsert = contactUpsertPath(this.core.s, c.key);
    if (!upsert && ctx.retry) {
      const existing = await this.findCustomer(c, ctx);
      if (existing) return { ...existing, created: false };
    }
    const fields = this.core.fields(c.fields, new Set(['id', 'ownerid', (key ?? '').toLowerCase()]), 'Contact');
    return this.core.withFieldFallback([fields], 'Contact', async () => {
      const json = contactBody(c, this.core.phoneFormat(), fields, null);
      const r = await this.core.api.request({ method: upsert ? 'PATCH' : 'POST', path: upsert ?? '/sobjects/Contact', json, signal: ctx.signal }, saveResult);
      return { id: r.id, created: upsert ? r.created === true : true };
    });
  }

  /**
   * KUS-7: the contact's OwnerId (skipped when this adapter just created it with that owner). A
   * user the org refuses (inactive, not a user) is logged, not retried: the contact keeps its owner.
   */
  async assignCustomer(customerId: string, userId: string, ctx: CallContext): Promise<void> {
    if (this.ownerSet.get(customerId) === userId) return;
    const owner = this.core.owner(userId, 'Contact');
    if (!owner.OwnerId) return;
    try {
      await this.core.api.request({ method: 'PATCH', path: `/sobjects/Contact/${enc(customerId)}`, json: owner, signal: ctx.signal }, null);
    } catch (e) {
      if (!(e instanceof CrmError && e.kind === 'invalid' && fieldsNamedIn(e.message).includes('OwnerId'))) throw e;
      this.core.log.warn('salesforce.owner_ignored', { on: 'Contact', userId, reason: e.message });
      return;
    }
    this.remember(customerId, userId);
  }

  private casesSoql(where: string, limit: number): string {
    return `SELECT ${fieldList(summaryFields(this.core.s, this.core.tagField()))} FROM Case WHERE ${where} ORDER BY CreatedDate DESC, Id DESC LIMIT ${Math.max(1, Math.min(limit, 200))}`;
  }

  private summaries(rows: Array<Parameters<typeof toSummary>[0]>): CrmRecordSummary[] {
    const tagField = this.core.tagField();
    return rows.map((r) => {
      this.core.statuses.observe(r.Status);
      return toSummary(r, this.core.s, tagField);
    });
  }

  async listRecentRecords(customerId: string, limit: number, ctx: CallContext): Promise<CrmRecordSummary[]> {
    return this.summaries(await this.core.api.query(this.casesSoql(`ContactId = ${soqlString(customerId)}`, limit), caseRecord, ctx.signal));
  }

  async findRecordByExternalId(externalId: string, ctx: CallContext): Promise<CrmRecordSummary | null> {
    const rows = await this.core.api.query(this.casesSoql(`${this.core.s.caseExternalIdField} = ${soqlString(externalId)}`, 1), caseRecord, ctx.signal);
    return this.summaries(rows)[0] ?? null;
  }

  createRecord(r: NewRecord, ctx: CallContext): Promise<CrmRecordSummary> {
    return this.creator.createRecord(r, ctx);
  }

  updateRecord(recordId: string, patch: RecordPatch, ctx: CallContext): Promise<void> {
    return updateCase(this.core, recordId, patch, ctx);
  }

  addNote(recordId: string, note: NewNote, ctx: CallContext): Promise<void> {
    return addComment(this.core, recordId, note, ctx);
  }

  attachFile(recordId: string, file: NewAttachment, ctx: CallContext): Promise<void> {
    return attachContent(this.core, recordId, file, ctx);
  }

  /**
   * ONE composite request: the matching contacts, and the recent cases of the first via a
   * reference (`limit` 0: the engine needs no cases, so one plain query).
   */
  async findCustomerWithRecords(q: CustomerQuery, limit: number, ctx: CallContext): Promise<{ customer: CrmCustomer | null; records: CrmRecordSummary[] }> {
    const none = { customer: null, records: [] };
    if (limit <= 0) {
      const customer = await this.findCustomer(q, ctx);
      return { customer, records: [] };
    }
    const out = await this.contactQuery(q, async (soql, l) => {
      const results = await this.core.api.composite(
        [
          { method: 'GET', path: queryPath(soql), referenceId: 'contacts' },
          { method: 'GET', path: queryPath(this.casesSoql(`ContactId = '@{contacts.records[0].Id}'`, limit)), referenceId: 'cases' },
        ],
        false,
        ctx.signal,
      );
      const rows: ContactRecord[] = this.core.api.expect(results, 'contacts', queryResult(contactRecord)).records;
      const pick = pickContact(rows, q, l);
      if (!pick) return none;
      // The cases query followed the oldest match; a different pick (duplicates in the org) needs its own read.
      if (pick.Id !== rows[0]?.Id) return { customer: { id: pick.Id }, records: await this.listRecentRecords(pick.Id, limit, ctx) };
      return { customer: { id: pick.Id }, records: this.summaries(this.core.api.expect(results, 'cases', queryResult(caseRecord)).records) };
    });
    return out ?? none;
  }

  /** ONE composite request (allOrNone): the contact (owned by the agent), the case with ContactId = @{contact.id}, the call Task. */
  async createCustomerAndRecord(c: NewCustomer, r: Omit<NewRecord, 'customerId'>, ctx: CallContext): Promise<{ customer: CrmCustomer; record: CrmRecordSummary }> {
    const { ownerId, ...made } = await this.creator.createCustomerAndRecord(c, r, ctx);
    if (ownerId) this.remember(made.customer.id, ownerId);
    return made;
  }

  private remember(contactId: string, userId: string): void {
    this.ownerSet.delete(contactId);
    this.ownerSet.set(contactId, userId);
    if (this.ownerSet.size > OWNER_MEMORY) this.ownerSet.delete(this.ownerSet.keys().next().value as string);
  }
}
