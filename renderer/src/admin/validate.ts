// ADMIN-1 validation: errors block saving, warnings explain consequences. Each issue names the
// settings path of its control and a message key with parameters, so both languages say it.
import type { AgentStatusDef } from '../../../common/protocol/server-events.js';
import { platformTag, templateProblems } from '../../../common/record-rules/index.js';
import type { MessageKey } from '../i18n/translate.js';
import { PATHS, customDataPath, customFieldPath, mappingPath, parseWhole, reversePath, type AdminForm } from './admin-form.js';

export interface Issue {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type Issues = Record<string, Issue[]>;

export interface Validation {
  errors: Issues;
  warnings: Issues;
}

export const MAX = {
  days: 365,
  messages: 100,
  template: 1000,
  platformTag: 64,
  fieldName: 128,
  statusName: 200,
} as const;

function add(into: Issues, path: string, issue: Issue): void {
  (into[path] ??= []).push(issue);
}

function wholeInRange(text: string, min: number, max: number): boolean {
  const n = parseWhole(text);
  return !Number.isNaN(n) && n >= min && n <= max;
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function checkFieldName(into: Issues, path: string, value: string): void {
  const v = value.trim();
  if (v.length > MAX.fieldName) add(into, path, { key: 'admin.error.fieldTooLong', params: { max: MAX.fieldName } });
  else if (/\s/.test(v)) add(into, path, { key: 'admin.error.fieldSpaces' });
}

export function validate(form: AdminForm, ctx: { statuses: readonly AgentStatusDef[] }): Validation {
  const errors: Issues = {};
  const warnings: Issues = {};
  const rc = form.rc;

  // REC-2: N days, when on.
  if (rc.reopenOn && !wholeInRange(rc.reopenDays, 1, MAX.days)) add(errors, PATHS.reopen, { key: 'admin.error.days', params: { min: 1, max: MAX.days } });
  if (rc.reopenOn && !rc.appendSameLeaf) add(warnings, PATHS.reopen, { key: 'admin.warn.reopenNeedsAppend' });
  // REC-4: N consumer messages, when on.
  if (rc.chatDelayOn && !wholeInRange(rc.chatMinMessages, 1, MAX.messages)) add(errors, PATHS.chatDelay, { key: 'admin.error.minMessages', params: { min: 1, max: MAX.messages } });
  // REC-6 (b): N messages.
  if (rc.abandonedChats === 'minMessages' && !wholeInRange(rc.abandonedChatsMin, 1, MAX.messages)) {
    add(errors, PATHS.abandonedChatsMin, { key: 'admin.error.minMessages', params: { min: 1, max: MAX.messages } });
  }
  // REC-7: length blocks; unknown variables and stray braces are warnings (documented behaviour).
  if (rc.subjectTemplate.length > MAX.template) add(errors, PATHS.subjectTemplate, { key: 'admin.error.templateTooLong', params: { max: MAX.template } });
  for (const p of templateProblems(rc.subjectTemplate)) {
    if (p.code === 'unknown_variable') add(warnings, PATHS.subjectTemplate, { key: 'admin.warn.unknownVariable', params: { name: p.variable ?? '?' } });
    else if (p.code === 'unbalanced_brace') add(warnings, PATHS.subjectTemplate, { key: 'admin.warn.unbalancedBrace' });
    else add(warnings, PATHS.subjectTemplate, { key: 'admin.warn.emptyTemplate' });
  }
  // REC-9
  if (rc.platformTagOn) {
    const tag = rc.platformTag.trim();
    if (!tag) add(errors, PATHS.platformTag, { key: 'admin.error.platformTagEmpty' });
    else if (tag.length > MAX.platformTag) add(errors, PATHS.platformTag, { key: 'admin.error.platformTagLong', params: { max: MAX.platformTag } });
    else if (platformTag(tag, form.crm.kind) === null) add(errors, PATHS.platformTag, { key: 'admin.error.platformTagInvalid' });
  }

  // CRM
  if (!isHttpUrl(form.crm.baseUrl.trim())) add(errors, PATHS.crmBaseUrl, { key: 'admin.error.url' });
  if (form.crm.appUrl.trim() && !isHttpUrl(form.crm.appUrl.trim())) add(errors, PATHS.crmAppUrl, { key: 'admin.error.url' });
  checkFieldName(errors, PATHS.crmTagField, form.crm.tagField);
  if (form.crm.kind === 'salesforce' && (rc.sessionTypeTag || rc.platformTagOn) && !form.crm.tagField.trim()) {
    add(warnings, PATHS.crmTagField, { key: 'admin.warn.salesforceTagField' });
  }

  // KUS-2
  for (const [where, fields] of [['customer', form.customFields.customer], ['record', form.customFields.record]] as const) {
    for (const [field, value] of Object.entries(fields)) checkFieldName(errors, customFieldPath(where, field), value);
  }

  // KUS-4
  const seen = new Map<string, number>();
  for (const row of form.customData) {
    const key = row.key.trim();
    const field = row.field.trim();
    if (!key && !field) continue;
    const path = customDataPath(row.rowId);
    if (!key) add(errors, path, { key: 'admin.error.keyRequired' });
    else if (key.length > MAX.fieldName) add(errors, path, { key: 'admin.error.fieldTooLong', params: { max: MAX.fieldName } });
    if (!field) add(errors, path, { key: 'admin.error.fieldRequired' });
    else checkFieldName(errors, path, field);
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const row of form.customData) {
    const key = row.key.trim();
    if (key && (seen.get(key) ?? 0) > 1) add(errors, customDataPath(row.rowId), { key: 'admin.error.keyDuplicate', params: { key } });
  }

  // SYNC-1, SYNC-3
  const ids = new Set(ctx.statuses.map((s) => s.id));
  const mapped = form.sync.mapping.filter((r) => r.ccId !== '');
  for (const r of mapped) {
    if (!ids.has(r.ccId)) add(errors, mappingPath(r.name), { key: 'admin.error.unknownStatus', params: { id: r.ccId } });
    if (!r.name.trim() || r.name.length > MAX.statusName) add(errors, mappingPath(r.name), { key: 'admin.error.statusName', params: { max: MAX.statusName } });
  }
  if (form.sync.enabled && mapped.length === 0) add(warnings, PATHS.syncMapping, { key: 'admin.warn.noMapping' });
  if (form.sync.direction === 'two-way') {
    for (const [ccId, name] of Object.entries(form.sync.reverse)) {
      if (name.length > MAX.statusName) add(errors, reversePath(ccId), { key: 'admin.error.statusName', params: { max: MAX.statusName } });
    }
  }
  return { errors, warnings };
}

export function issueCount(issues: Issues): number {
  return Object.values(issues).reduce((n, list) => n + list.length, 0);
}
