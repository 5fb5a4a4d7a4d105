// Pure mappings between the CRM port and Salesforce records: Contact, Case and call Task bodies,
// case summaries for REC-1/REC-2, tags in a field (REC-8/REC-9), and the admin's field names.
import type { Channel } from '../../../../common/protocol/index.js';
import type { CrmRecordSummary, FieldMap, FieldValue, NewCustomer, NewRecord } from '../../../engine/crm-port.js';
import type { ResolvedSettings } from './options.js';
import { storedPhone, type PhoneFormat } from './phone.js';
import type { CaseRecord } from './replies.js';

export const SUBJECT_MAX = 255;
export const TAGS_MAX = 255;
const CHANNELS: readonly Channel[] = ['voice', 'chat'];
const isEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
/** A custom field API name: Field__c, or ns__Field__c from a managed package. */
const CUSTOM_FIELD = /^(?:[A-Za-z][A-Za-z0-9]*__)?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__c$/;
/** Standard fields an admin may map AgentDesk's data to (others are AgentDesk's own, or not writable). */
export const STANDARD_FIELDS: Record<'Case' | 'Contact', ReadonlySet<string>> = {
  Case: new Set(['Description', 'Priority', 'Type', 'Reason', 'SuppliedName', 'SuppliedEmail', 'SuppliedPhone', 'SuppliedCompany', 'Comments', 'IsEscalated', 'AccountId', 'AssetId', 'ProductId', 'EntitlementId', 'Language'].map((f) => f.toLowerCase())),
  Contact: new Set(['Title', 'Department', 'Description', 'LeadSource', 'Salutation', 'Birthdate', 'HomePhone', 'OtherPhone', 'MobilePhone', 'Fax', 'AssistantName', 'AssistantPhone', 'AccountId', 'MailingStreet', 'MailingCity', 'MailingState', 'MailingPostalCode', 'MailingCountry'].map((f) => f.toLowerCase())),
};

export type CaseDraft = Omit<NewRecord, 'customerId'> & { customerId?: string };

/** A name an admin can map data to on `object`: a custom field, or one of STANDARD_FIELDS. */
export function isMappableField(name: string, object: 'Case' | 'Contact'): boolean {
  return CUSTOM_FIELD.test(name) || STANDARD_FIELDS[object].has(name.toLowerCase());
}

/** A syntactically valid User id (key prefix 005, 15 or 18 characters). */
export function isUserId(id: string): boolean {
  return /^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(id);
}

/**
 * The admin's fields (KUS-2/KUS-4) for a Salesforce object: custom fields (`__c`) and the standard
 * fields that can hold such data. Any other name (a Kustomer-style `queueNameStr`, a typo, a field
 * AgentDesk owns) is left out and reported, so one bad mapping neither loses the record nor costs
 * a refused request.
 */
export function toSalesforceFields(fields: FieldMap, owned: ReadonlySet<string>, object: 'Case' | 'Contact'): { fields: Record<string, FieldValue>; dropped: string[] } {
  const out: Record<string, FieldValue> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const lower = name.toLowerCase();
    if (owned.has(lower)) dropped.push(`${name}: written by AgentDesk itself`);
    else if (isMappableField(name, object)) out[name] = value;
    else dropped.push(`${name}: not a custom field (Name__c) nor a writable standard ${object} field`);
  }
  return { fields: out, dropped };
}

/** Case fields AgentDesk sets itself, which a field mapping must not overwrite. */
export function ownedCaseFields(s: ResolvedSettings, tagField: string | null): Set<string> {
  return new Set(['id', 'contactid', 'ownerid', 'parentid', 'subject', 'origin', 'status', 'isclosed', 'closeddate', 'casenumber', s.caseExternalIdField, s.leafQueueField, s.channelField ?? '', tagField ?? ''].map((f) => f.toLowerCase()));
}

export function splitName(name: string | null): { FirstName?: string; LastName: string } | null {
  const n = name?.trim().replace(/\s+/g, ' ');
  if (!n) return null;
  const at = n.lastIndexOf(' ');
  if (at <= 0) return { LastName: n.slice(0, 80) };
  return { FirstName: n.slice(0, at).slice(0, 40), LastName: n.slice(at + 1).slice(0, 80) };
}

/**
 * The upsert path of a new contact on AgentDesk's customer-key External ID field, or null (no such
 * field, or a key with '/', which an External ID in a URL cannot carry): then a plain create.
 */
export function contactUpsertPath(s: ResolvedSettings, key: string): string | null {
  return s.contactKeyField && !key.includes('/') ? `/sobjects/Contact/${s.contactKeyField}/${encodeURIComponent(key.slice(0, 255))}` : null;
}

/** A new Contact. LastName is required: the name's last word, else the phone, e-mail or identifier. */
export function contactBody(c: NewCustomer, format: PhoneFormat, fields: Record<string, FieldValue>, ownerId: string | null): Record<string, unknown> {
  const phone = storedPhone(c, format);
  const email = c.email && isEmail(c.email) ? c.email.slice(0, 80) : null;
  const name = splitName(c.name) ?? { LastName: (phone ?? email ?? c.identifier ?? 'Unknown caller').slice(0, 80) };
  return { ...fields, ...name, ...(phone ? { Phone: phone } : {}), ...(email ? { Email: email } : {}), ...(ownerId ? { OwnerId: ownerId } : {}) };
}

/** Tags in one field, ';'-separated (the multi-select picklist format), without duplicates, within 255 characters. */
export function mergeTags(current: string | null | undefined, add: string[]): string {
  const out: string[] = [];
  for (const t of [...(current ?? '').split(';'), ...add]) {
    const tag = t.replace(/;/g, ',').trim();
    if (!tag || out.some((o) => o.toLowerCase() === tag.toLowerCase())) continue;
    if ([...out, tag].join(';').length > TAGS_MAX) continue;
    out.push(tag);
  }
  return out.join(';');
}

/** A Case body; `fields` holds the admin's fields, the tags and the owner (which the caller may drop if the org refuses them). */
export function caseBody(r: CaseDraft, s: ResolvedSettings, fields: Record<string, FieldValue>): Record<string, unknown> {
  return {
    ...fields,
    Subject: r.subject.slice(0, SUBJECT_MAX),
    Origin: s.origins[r.channel],
    ...(r.customerId ? { ContactId: r.customerId } : {}),
    ...(r.followUpOf ? { ParentId: r.followUpOf } : {}),
    ...(r.leafQueueId ? { [s.leafQueueField]: r.leafQueueId.slice(0, 255) } : {}),
    ...(s.channelField ? { [s.channelField]: r.channel } : {}),
  };
}

/** The call log: a Task of subtype Call on the case (WhatId) and contact (WhoId); CallObject = session key. */
export function callTaskBody(r: CaseDraft, s: ResolvedSettings, ids: { whoId: string; whatId: string; ownerId: FieldValue | undefined }): Record<string, unknown> {
  const inbound = r.direction === 'in';
  return {
    Subject: `${inbound ? 'Inbound' : 'Outbound'} call: ${r.subject}`.slice(0, SUBJECT_MAX),
    TaskSubtype: 'Call',
    CallType: inbound ? 'Inbound' : 'Outbound',
    CallObject: r.externalId.slice(0, 255),
    Status: s.taskStatus,
    WhoId: ids.whoId,
    WhatId: ids.whatId,
    ActivityDate: r.startedAt.slice(0, 10),
    ...(typeof ids.ownerId === 'string' ? { OwnerId: ids.ownerId } : {}),
  };
}

export function wantsCallTask(r: { channel: Channel }, s: ResolvedSettings): boolean {
  return s.logCallsAsTasks && r.channel === 'voice';
}

/** The Case fields a summary needs (with the tag field, so appending does not re-send tags already there). */
export function summaryFields(s: ResolvedSettings, tagField: string | null): string[] {
  return ['Id', 'CaseNumber', 'Status', 'IsClosed', 'CreatedDate', 'ClosedDate', 'ContactId', 'Origin', s.caseExternalIdField, s.leafQueueField, ...(s.channelField ? [s.channelField] : []), ...(tagField ? [tagField] : [])];
}

const iso = (v: string | null | undefined) => (v ? new Date(Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))).toISOString() : null);

/** REC-1/REC-2: open/closed from IsClosed (the org's CaseStatus), closedAt from ClosedDate, AgentDesk's stamps. */
export function toSummary(c: CaseRecord, s: ResolvedSettings, tagField: string | null = null): CrmRecordSummary {
  const leaf = c[s.leafQueueField];
  const stamped = s.channelField ? c[s.channelField] : undefined;
  const fromOrigin = (Object.entries(s.origins) as [Channel, string][]).find(([, o]) => o === c.Origin)?.[0];
  const channel = s.channelField ? stamped : fromOrigin;
  const ext = c[s.caseExternalIdField];
  const tags = tagField && typeof c[tagField] === 'string' ? (c[tagField] as string).split(';').filter(Boolean) : null;
  return {
    id: c.Id,
    status: c.IsClosed ? 'closed' : 'open',
    createdAt: iso(c.CreatedDate) as string,
    closedAt: c.IsClosed ? iso(c.ClosedDate) : null,
    leafQueueId: typeof leaf === 'string' && leaf ? leaf : null,
    channel: CHANNELS.includes(channel as Channel) ? (channel as Channel) : null,
    externalId: typeof ext === 'string' && ext ? ext : null,
    ...(tags ? { tags } : {}),
    reopenable: true,
  };
}
