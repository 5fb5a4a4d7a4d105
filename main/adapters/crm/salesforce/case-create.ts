// Creating a case (and, for a new caller, the contact with it) without duplicates (REL-1) and in
// one round trip: a composite request (allOrNone) that upserts the Case on its External ID field
// (the session key), so sending it again after a lost reply updates the same case instead of
// making a second; logs the call as a Task (voice); and reads the case back for its summary.
// A retry (ctx.retry) looks first: the case by External ID and its call Task by CallObject.
// The admin's fields, the tags and the owner are "droppable": if the org refuses one (no such
// field, an inactive user), it is left out (logged) and the request sent again.
import type { CallContext, CrmCustomer, CrmRecordSummary, FieldValue, NewCustomer } from '../../../engine/crm-port.js';
import type { Subrequest } from './api.js';
import type { SalesforceCore } from './core.js';
import { callTaskBody, caseBody, contactBody, contactUpsertPath, mergeTags, ownedCaseFields, summaryFields, toSummary, wantsCallTask, type CaseDraft } from './mapping.js';
import { caseRecord, idRecord, queryResult, saveResult, type SubResponse } from './replies.js';
import { fieldList, queryPath, soqlString } from './soql.js';

const enc = encodeURIComponent;
type Droppable = Record<string, FieldValue>;

export class CaseCreator {
  constructor(private readonly core: SalesforceCore) {}

  private get s() {
    return this.core.s;
  }

  /** The Case subrequests: upsert, call Task, read-back. `contactRef` is an id or an @{...} reference. */
  private caseSubs(r: CaseDraft, contactRef: string, extra: Droppable, owner: Droppable): Subrequest[] {
    const body = caseBody({ ...r, customerId: contactRef }, this.s, { ...extra, ...owner });
    const subs: Subrequest[] = [{ method: 'PATCH', path: `/sobjects/Case/${this.s.caseExternalIdField}/${enc(r.externalId)}`, referenceId: 'newCase', body }];
    if (wantsCallTask(r, this.s)) subs.push({ method: 'POST', path: '/sobjects/Task', referenceId: 'callLog', body: callTaskBody(r, this.s, { whoId: contactRef, whatId: '@{newCase.id}', ownerId: owner.OwnerId }) });
    subs.push({ method: 'GET', path: `/sobjects/Case/@{newCase.id}?fields=${fieldList(summaryFields(this.s, this.core.tagField()))}`, referenceId: 'caseRead' });
    return subs;
  }

  /** The admin's fields plus the tags. */
  private extras(r: CaseDraft): Droppable {
    const tagField = this.core.tagField();
    const fields = this.core.fields(r.fields, ownedCaseFields(this.s, tagField), 'Case');
    if (tagField && r.tags.length) fields[tagField] = mergeTags(null, r.tags);
    return fields;
  }

  async createRecord(r: CaseDraft & { customerId: string }, ctx: CallContext): Promise<CrmRecordSummary> {
    if (ctx.retry) {
      const existing = await this.lookBeforeCreate(r, ctx);
      if (existing) return existing;
    }
    const extra = this.extras(r);
    const owner = this.core.owner(r.assigneeUserId, 'Case');
    const results = await this.core.withFieldFallback([extra, owner], 'Case', () => this.send(this.caseSubs(r, r.customerId, extra, owner), owner, ctx));
    return this.finish(r, results, ctx);
  }

  async createCustomerAndRecord(c: NewCustomer, r: CaseDraft, ctx: CallContext): Promise<{ customer: CrmCustomer; record: CrmRecordSummary; ownerId: string | null }> {
    if (ctx.retry) {
      const existing = await this.lookBeforeCreate(r, ctx);
      if (existing?.contactId) return { customer: { id: existing.contactId, created: false }, record: existing, ownerId: null };
    }
    const contactFields = this.core.fields(c.fields, new Set(['id', 'ownerid', (this.s.contactKeyField ?? '').toLowerCase()]), 'Contact');
    const extra = this.extras(r);
    const owner = this.core.owner(r.assigneeUserId, 'Contact and Case');
    const contactSub = (): Subrequest => {
      // KUS-7: a customer made for a call is owned by the agent it is assigned to.
      const body = contactBody(c, this.core.phoneFormat(), contactFields, typeof owner.OwnerId === 'string' ? owner.OwnerId : null);
      const upsert = contactUpsertPath(this.s, c.key);
      return upsert ? { method: 'PATCH', path: upsert, referenceId: 'contact', body } : { method: 'POST', path: '/sobjects/Contact', referenceId: 'contact', body };
    };
    const results = await this.core.withFieldFallback(
      [contactFields, extra, owner],
      'Contact and Case',
      () => this.send([contactSub(), ...this.caseSubs(r, '@{contact.id}', extra, owner)], owner, ctx),
      [contactFields, extra],
    );
    const contact = this.core.api.expect(results, 'contact', saveResult);
    const record = await this.finish(r, results, ctx);
    const ownerId = typeof owner.OwnerId === 'string' ? owner.OwnerId : null;
    return { customer: { id: contact.id, created: results.get('contact')?.httpStatusCode === 201 }, record, ownerId };
  }

  /**
   * One allOrNone composite request; a refusal surfaces as the CrmError of its root failure (so a
   * refused field can be dropped and the request sent again). Sforce-Auto-Assign: FALSE when
   * AgentDesk names the owner (KUS-10); without one the org's assignment rules route the case.
   */
  private async send(subs: Subrequest[], owner: Droppable, ctx: CallContext): Promise<Map<string, SubResponse>> {
    const results = await this.core.api.composite(subs, true, ctx.signal, owner.OwnerId ? { 'sforce-auto-assign': 'FALSE' } : undefined);
    const failed = [...results.values()].find((x) => x.httpStatusCode >= 300);
    if (failed) throw this.core.api.subError(results, failed);
    return results;
  }

  /** The summary of the composite's case; a case that already existed (200, not 201) is reported `existed`. */
  private async finish(r: CaseDraft, results: Map<string, SubResponse>, ctx: CallContext): Promise<CrmRecordSummary> {
    const upsert = this.core.api.expect(results, 'newCase', saveResult);
    const read = this.core.api.expect(results, 'caseRead', caseRecord);
    this.core.statuses.observe(read.Status);
    const existed = results.get('newCase')?.httpStatusCode !== 201;
    if (existed && results.has('callLog')) await this.dropDuplicateTask(r, upsert.id, this.core.api.expect(results, 'callLog', saveResult).id, ctx);
    return { ...toSummary(read, this.s, this.core.tagField()), ...(existed ? { existed: true } : {}) };
  }

  /**
   * A retry: the case by External ID and, for a call, its Task by CallObject, in one round trip.
   * A case without its Task (logging was turned on since) gets the Task now.
   */
  private async lookBeforeCreate(r: CaseDraft, ctx: CallContext): Promise<(CrmRecordSummary & { contactId: string | null }) | null> {
    const tagField = this.core.tagField();
    const caseSoql = `SELECT ${fieldList(summaryFields(this.s, tagField))} FROM Case WHERE ${this.s.caseExternalIdField} = ${soqlString(r.externalId)} ORDER BY CreatedDate ASC LIMIT 1`;
    const subs: Subrequest[] = [{ method: 'GET', path: queryPath(caseSoql), referenceId: 'caseQ' }];
    const task = wantsCallTask(r, this.s);
    if (task) subs.push({ method: 'GET', path: queryPath(`SELECT Id FROM Task WHERE CallObject = ${soqlString(r.externalId)} AND WhatId = '@{caseQ.records[0].Id}' LIMIT 1`), referenceId: 'taskQ' });
    const results = await this.core.api.composite(subs, false, ctx.signal);
    const found = this.core.api.expect(results, 'caseQ', queryResult(caseRecord)).records[0];
    if (!found) return null;
    if (task && this.core.api.expect(results, 'taskQ', queryResult(idRecord)).records.length === 0 && found.ContactId) {
      const ownerId = this.core.owner(r.assigneeUserId, 'Task').OwnerId;
      await this.core.api.request({ method: 'POST', path: '/sobjects/Task', json: callTaskBody(r, this.s, { whoId: found.ContactId, whatId: found.Id, ownerId }), signal: ctx.signal }, saveResult);
    }
    this.core.statuses.observe(found.Status);
    return { ...toSummary(found, this.s, tagField), existed: true, contactId: found.ContactId ?? null };
  }

  /** Someone else made this session's case first (it answered 200, not 201): their call Task stands, ours goes if it is a second. */
  private async dropDuplicateTask(r: CaseDraft, caseId: string, ours: string, ctx: CallContext): Promise<void> {
    const tasks = await this.core.api.query(`SELECT Id FROM Task WHERE CallObject = ${soqlString(r.externalId)} AND WhatId = ${soqlString(caseId)} ORDER BY CreatedDate ASC, Id ASC`, idRecord, ctx.signal);
    if (tasks.some((t) => t.Id !== ours)) {
      await this.core.api.request({ method: 'DELETE', path: `/sobjects/Task/${enc(ours)}`, signal: ctx.signal }, null);
      this.core.log.info('salesforce.duplicate_call_task_removed', { caseId, taskId: ours });
    }
  }
}
