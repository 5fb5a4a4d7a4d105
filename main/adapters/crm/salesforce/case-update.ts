// Updating a case: status (REC-2 reopen to the org's default open status; close to a closed one),
// the admin's fields, owner (KUS-10, transfers) and tags merged into the tag field (REC-8/REC-9).
// Status and tags need the case's current values (only a closed case is reopened; tags are
// appended), so those updates read first: two round trips; the rest is one PATCH. Every update
// sends Sforce-Auto-Assign: FALSE, or the org's assignment rules could take the case from the agent.
// At call end, the mapped call duration also lands on the call Task (CallDurationInSeconds), in the
// same composite request.
import { CrmError, type CallContext, type FieldValue, type RecordPatch } from '../../../engine/crm-port.js';
import type { Subrequest } from './api.js';
import type { SalesforceCore } from './core.js';
import { mergeTags, ownedCaseFields } from './mapping.js';
import { caseRecord, fieldsNamedIn, type CaseRecord } from './replies.js';
import { fieldList, queryPath, soqlString } from './soql.js';

const NO_AUTO_ASSIGN = { 'sforce-auto-assign': 'FALSE' };
const enc = encodeURIComponent;

/** The case's status and tags, read before a status or tag change; a tag field the org lacks is dropped (logged) and the read sent again. */
async function readCurrent(core: SalesforceCore, recordId: string, ctx: CallContext): Promise<{ current: CaseRecord; tagField: string | null }> {
  for (;;) {
    const tagField = core.tagField();
    try {
      const [current] = await core.api.query(`SELECT ${fieldList(['Id', 'Status', 'IsClosed', 'CreatedDate', tagField])} FROM Case WHERE Id = ${soqlString(recordId)}`, caseRecord, ctx.signal);
      if (!current) throw new CrmError('not_found', `Salesforce: case ${recordId} does not exist`, 404);
      return { current, tagField };
    } catch (e) {
      if (!(e instanceof CrmError) || e.kind !== 'invalid' || !tagField || !fieldsNamedIn(e.message).includes(tagField)) throw e;
      core.missingFields.add(tagField.toLowerCase());
      core.log.warn('salesforce.field_dropped', { on: 'Case', field: tagField, reason: e.message });
    }
  }
}

export async function updateCase(core: SalesforceCore, recordId: string, patch: RecordPatch, ctx: CallContext): Promise<void> {
  const fields = core.fields(patch.fields ?? {}, ownedCaseFields(core.s, core.tagField()), 'Case');
  const body: Record<string, FieldValue> = {};
  if (patch.status !== undefined || (core.tagField() && patch.addTags?.length)) {
    const { current, tagField } = await readCurrent(core, recordId, ctx);
    core.statuses.observe(current.Status);
    if (patch.status === 'open' && current.IsClosed) body.Status = await core.statuses.reopenStatus(ctx.signal);
    if (patch.status === 'closed' && !current.IsClosed) body.Status = await core.statuses.closeStatus(ctx.signal);
    if (tagField && patch.addTags?.length) {
      const have = typeof current[tagField] === 'string' ? (current[tagField] as string) : null;
      const merged = mergeTags(have, patch.addTags);
      if (merged !== (have ?? '')) fields[tagField] = merged;
    }
  }
  const owner = core.owner(patch.assigneeUserId, 'Case');
  const duration = callDuration(core, patch);
  const send = async () => {
    const caseBody = { ...fields, ...owner, ...body };
    const hasCase = Object.keys(caseBody).length > 0;
    if (!hasCase && duration === null) return;
    if (duration === null) {
      await core.api.request({ method: 'PATCH', path: `/sobjects/Case/${enc(recordId)}`, json: caseBody, headers: NO_AUTO_ASSIGN, signal: ctx.signal }, null);
      return;
    }
    const taskSoql = `SELECT Id FROM Task WHERE WhatId = ${soqlString(recordId)} AND TaskSubtype = 'Call' AND CallDurationInSeconds = null ORDER BY CreatedDate DESC LIMIT 1`;
    const subs: Subrequest[] = [
      ...(hasCase ? [{ method: 'PATCH' as const, path: `/sobjects/Case/${enc(recordId)}`, referenceId: 'caseUpdate', body: caseBody }] : []),
      { method: 'GET', path: queryPath(taskSoql), referenceId: 'openCall' },
      { method: 'PATCH', path: '/sobjects/Task/@{openCall.records[0].Id}', referenceId: 'callEnd', body: { CallDurationInSeconds: duration } },
    ];
    const results = await core.api.composite(subs, false, ctx.signal, NO_AUTO_ASSIGN);
    const caseResult = results.get('caseUpdate');
    if (caseResult && caseResult.httpStatusCode >= 300) throw core.api.subError(new Map([['caseUpdate', caseResult]]), caseResult);
    // No call Task without a duration (a chat, logging off, or a retry after it was written): nothing to do.
    const end = results.get('callEnd');
    if (end && end.httpStatusCode >= 300 && results.get('openCall')?.httpStatusCode === 200 && !JSON.stringify(end.body).includes('PROCESSING_HALTED')) {
      core.log.warn('salesforce.call_task_not_updated', { recordId, status: end.httpStatusCode, body: end.body });
    }
  };
  await core.withFieldFallback([fields, owner], 'Case', send);
}

/** Whole seconds of the call, when the patch carries the field the admin maps call duration to. */
function callDuration(core: SalesforceCore, patch: RecordPatch): number | null {
  const field = core.callDurationField();
  if (!core.s.logCallsAsTasks || !field) return null;
  const v = patch.fields?.[field];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}
