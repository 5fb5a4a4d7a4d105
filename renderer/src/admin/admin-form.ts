// ADMIN-1: the admin's draft of the settings (sections 2-4 of SPEC.md). Numbers are kept as the
// text typed, so a bad entry can be shown with its error instead of being lost; toSettings turns
// a valid draft back into the settings object the core saves.
import {
  STANDARD_CUSTOMER_FIELDS,
  STANDARD_RECORD_FIELDS,
  type CrmKind,
  type Settings,
  type StandardCustomerField,
  type StandardRecordField,
} from '../../../common/protocol/settings.js';

export type AbandonedChats = Settings['recordCreation']['abandonedChats'];
export type PhoneFormat = Settings['crm']['phoneFormat'];

export interface MappingRow {
  /** Kustomer status name (SYNC-1). */
  name: string;
  /** Contact-center status id; '' = not mapped. */
  ccId: string;
}

export interface CustomDataRow {
  /** Stable row id for React keys; not saved. */
  rowId: string;
  key: string;
  field: string;
}

export interface AdminForm {
  rc: {
    appendSameLeaf: boolean;
    reopenOn: boolean;
    reopenDays: string;
    callOnConnect: boolean;
    chatDelayOn: boolean;
    chatMinMessages: string;
    abandonedCalls: boolean;
    abandonedChats: AbandonedChats;
    abandonedChatsMin: string;
    subjectTemplate: string;
    sessionTypeTag: boolean;
    platformTagOn: boolean;
    platformTag: string;
  };
  crm: { kind: CrmKind; baseUrl: string; appUrl: string; phoneFormat: PhoneFormat; tagField: string };
  customFields: { customer: Record<StandardCustomerField, string>; record: Record<StandardRecordField, string> };
  customData: CustomDataRow[];
  sync: {
    enabled: boolean;
    direction: Settings['statusSync']['direction'];
    priority: Settings['statusSync']['priority'];
    applyAtLogin: boolean;
    /** In the settings' key order, which SYNC-3 "first mapped" depends on. */
    mapping: MappingRow[];
    /** Contact-center status id -> Kustomer status name ('' = automatic). */
    reverse: Record<string, string>;
  };
}

/** The settings path each control edits; also the key of its errors and of IT locks. */
export const PATHS = {
  appendSameLeaf: 'recordCreation.appendToOpenRecordSameLeafQueue',
  reopen: 'recordCreation.appendToClosedWithinDays',
  callOnConnect: 'recordCreation.createCallRecordOnConnect',
  chatDelay: 'recordCreation.chatMinConsumerMessages',
  abandonedCalls: 'recordCreation.abandonedCalls',
  abandonedChats: 'recordCreation.abandonedChats',
  abandonedChatsMin: 'recordCreation.abandonedChatsMinMessages',
  subjectTemplate: 'recordCreation.subjectTemplate',
  sessionTypeTag: 'recordCreation.sessionTypeTag',
  platformTag: 'recordCreation.platformTag',
  crmKind: 'crm.kind',
  crmBaseUrl: 'crm.baseUrl',
  crmAppUrl: 'crm.appUrl',
  crmPhoneFormat: 'crm.phoneFormat',
  crmTagField: 'crm.tagField',
  customFields: 'customFields',
  customData: 'customDataMapping',
  syncEnabled: 'statusSync.enabled',
  syncDirection: 'statusSync.direction',
  syncPriority: 'statusSync.priority',
  syncApplyAtLogin: 'statusSync.applyAtLogin',
  syncMapping: 'statusSync.mapping',
  syncReverse: 'statusSync.reverse',
} as const;

export const customFieldPath = (where: 'customer' | 'record', field: string) => `customFields.${where}.${field}`;
export const customDataPath = (rowId: string) => `customDataMapping.${rowId}`;
export const mappingPath = (name: string) => `statusSync.mapping.${name}`;
export const reversePath = (ccId: string) => `statusSync.reverse.${ccId}`;

let rowCounter = 0;
export function newRowId(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function fromSettings(s: Settings): AdminForm {
  const rc = s.recordCreation;
  const days = rc.appendToClosedWithinDays;
  const customer = Object.fromEntries(STANDARD_CUSTOMER_FIELDS.map((f) => [f, s.customFields.customer[f] ?? ''])) as Record<StandardCustomerField, string>;
  const record = Object.fromEntries(STANDARD_RECORD_FIELDS.map((f) => [f, s.customFields.record[f] ?? ''])) as Record<StandardRecordField, string>;
  return {
    rc: {
      appendSameLeaf: rc.appendToOpenRecordSameLeafQueue,
      reopenOn: days !== null && days > 0,
      reopenDays: days !== null && days > 0 ? String(days) : '3',
      callOnConnect: rc.createCallRecordOnConnect,
      chatDelayOn: rc.chatMinConsumerMessages > 0,
      chatMinMessages: rc.chatMinConsumerMessages > 0 ? String(rc.chatMinConsumerMessages) : '1',
      abandonedCalls: rc.abandonedCalls,
      abandonedChats: rc.abandonedChats,
      abandonedChatsMin: String(rc.abandonedChatsMinMessages),
      subjectTemplate: rc.subjectTemplate,
      sessionTypeTag: rc.sessionTypeTag,
      platformTagOn: (rc.platformTag ?? '').trim() !== '',
      platformTag: rc.platformTag ?? '',
    },
    crm: { kind: s.crm.kind, baseUrl: s.crm.baseUrl, appUrl: s.crm.appUrl, phoneFormat: s.crm.phoneFormat, tagField: s.crm.tagField ?? '' },
    customFields: { customer, record },
    customData: Object.entries(s.customDataMapping).map(([key, field]) => ({ rowId: newRowId(), key, field })),
    sync: {
      enabled: s.statusSync.enabled,
      direction: s.statusSync.direction,
      priority: s.statusSync.priority,
      applyAtLogin: s.statusSync.applyAtLogin,
      mapping: Object.entries(s.statusSync.mapping).map(([name, ccId]) => ({ name, ccId })),
      reverse: { ...s.statusSync.reverse },
    },
  };
}

/** A whole number typed as text, or NaN. */
export function parseWhole(text: string): number {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : Number.NaN;
}

const nonEmpty = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));

/** The settings for a draft (call only when validate() found no errors). Unknown parts of `base` are kept. */
export function toSettings(form: AdminForm, base: Settings): Settings {
  const rc = form.rc;
  return {
    ...base,
    recordCreation: {
      ...base.recordCreation,
      appendToOpenRecordSameLeafQueue: rc.appendSameLeaf,
      appendToClosedWithinDays: rc.reopenOn ? parseWhole(rc.reopenDays) : null,
      createCallRecordOnConnect: rc.callOnConnect,
      chatMinConsumerMessages: rc.chatDelayOn ? parseWhole(rc.chatMinMessages) : 0,
      abandonedCalls: rc.abandonedCalls,
      abandonedChats: rc.abandonedChats,
      // Kept even when REC-6 is not "minMessages", so switching back restores the admin's number.
      abandonedChatsMinMessages: Number.isNaN(parseWhole(rc.abandonedChatsMin)) ? base.recordCreation.abandonedChatsMinMessages : parseWhole(rc.abandonedChatsMin),
      subjectTemplate: rc.subjectTemplate,
      sessionTypeTag: rc.sessionTypeTag,
      platformTag: rc.platformTagOn ? rc.platformTag.trim() : null,
    },
    crm: {
      ...base.crm,
      kind: form.crm.kind,
      baseUrl: form.crm.baseUrl.trim(),
      appUrl: form.crm.appUrl.trim(),
      phoneFormat: form.crm.phoneFormat,
      tagField: form.crm.tagField.trim() || null,
    },
    customFields: {
      customer: nonEmpty(form.customFields.customer),
      record: nonEmpty(form.customFields.record),
    },
    customDataMapping: Object.fromEntries(form.customData.filter((r) => r.key.trim() !== '' || r.field.trim() !== '').map((r) => [r.key.trim(), r.field.trim()])),
    statusSync: {
      ...base.statusSync,
      enabled: form.sync.enabled,
      direction: form.sync.direction,
      priority: form.sync.priority,
      applyAtLogin: form.sync.applyAtLogin,
      mapping: Object.fromEntries(form.sync.mapping.filter((r) => r.ccId !== '').map((r) => [r.name, r.ccId])),
      reverse: nonEmpty(form.sync.reverse),
    },
  };
}

/** Mapping rows for the table: the saved mapping in order, then Kustomer statuses not mapped yet. */
export function mergeMappingRows(rows: readonly MappingRow[], crmStatuses: readonly string[]): MappingRow[] {
  const known = new Set(rows.map((r) => r.name));
  return [...rows, ...crmStatuses.filter((n) => !known.has(n)).map((name) => ({ name, ccId: '' }))];
}

/** SYNC-3 "first mapped": the Kustomer status used for a contact-center status without a reverse entry. */
export function firstMapped(rows: readonly MappingRow[], ccId: string): string | null {
  return rows.find((r) => r.ccId === ccId)?.name ?? null;
}

/** Comparable form (row ids are not content). */
export function formKey(form: AdminForm): string {
  return JSON.stringify({ ...form, customData: form.customData.map(({ key, field }) => ({ key, field })) });
}
