// Contacts: creation rules shared by POST /contacts and the tickets that create their requester.
// Unique per account (409 duplicate_value, with the holder in additional_info.user_id): email
// (primary and other emails), twitter_id, unique_external_id. Phone and mobile are not unique in
// Freshdesk (several contacts may share a number) unless the emulator runs with uniquePhones.
import { validation, type FdFieldError } from './errors.js';
import { checkCustomValue } from './fields.js';
import { unexpectedField } from './errors.js';
import { samePhone, sameEmail, type ContactRec, type FreshdeskStore } from './store.js';

export interface ContactInput {
  name: string;
  email?: string | null | undefined;
  otherEmails?: string[] | undefined;
  phone?: string | null | undefined;
  mobile?: string | null | undefined;
  twitterId?: string | null | undefined;
  uniqueExternalId?: string | null | undefined;
  companyId?: number | null | undefined;
  description?: string | null | undefined;
  jobTitle?: string | null | undefined;
  address?: string | null | undefined;
  language?: string | undefined;
  timeZone?: string | undefined;
  tags?: string[] | undefined;
  customFields?: Record<string, unknown> | undefined;
}

/** 409 when another live contact holds one of the unique identities of `c`. */
export function assertContactUnique(store: FreshdeskStore, c: Pick<ContactRec, 'email' | 'otherEmails' | 'twitterId' | 'uniqueExternalId' | 'phone' | 'mobile'>, selfId: number | null, uniquePhones: boolean): void {
  const errors: FdFieldError[] = [];
  const dup = (field: string, holder: ContactRec) => errors.push({ field, message: 'It should be a unique value', code: 'duplicate_value', additional_info: { user_id: holder.id } });
  for (const other of store.liveContacts()) {
    if (other.id === selfId) continue;
    const emailsOfOther = [other.email, ...other.otherEmails];
    if (c.email && emailsOfOther.some((e) => sameEmail(e, c.email as string))) dup('email', other);
    if (c.otherEmails.some((o) => emailsOfOther.some((e) => sameEmail(e, o)))) dup('other_emails', other);
    if (c.twitterId && other.twitterId === c.twitterId) dup('twitter_id', other);
    if (c.uniqueExternalId && other.uniqueExternalId === c.uniqueExternalId) dup('unique_external_id', other);
    if (uniquePhones && c.phone && (samePhone(other.phone, c.phone) || samePhone(other.mobile, c.phone))) dup('phone', other);
    if (uniquePhones && c.mobile && (samePhone(other.phone, c.mobile) || samePhone(other.mobile, c.mobile))) dup('mobile', other);
    if (errors.length) break;
  }
  if (errors.length) throw validation(errors, 409);
}

/** Custom contact fields must be defined (GET /contact_fields) and of the field's type. */
export function checkContactCustomFields(store: FreshdeskStore, custom: Record<string, unknown>, fromForm = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(custom)) {
    const def = store.contactFieldByName(name);
    if (!def) throw unexpectedField(name);
    out[name] = checkCustomValue(def, value, fromForm);
  }
  return out;
}

export function newContact(store: FreshdeskStore, input: ContactInput, uniquePhones: boolean): ContactRec {
  const now = store.now();
  const c: ContactRec = {
    id: store.nextId('contact'),
    name: input.name,
    email: input.email ?? null,
    otherEmails: input.otherEmails ?? [],
    phone: input.phone ?? null,
    mobile: input.mobile ?? null,
    twitterId: input.twitterId ?? null,
    uniqueExternalId: input.uniqueExternalId ?? null,
    companyId: input.companyId ?? null,
    description: input.description ?? null,
    jobTitle: input.jobTitle ?? null,
    address: input.address ?? null,
    language: input.language ?? 'en',
    timeZone: input.timeZone ?? 'Seoul',
    tags: input.tags ?? [],
    customFields: input.customFields ?? {},
    active: false,
    deleted: false,
    createdAt: now,
    updatedAt: now,
  };
  assertContactUnique(store, c, null, uniquePhones);
  return c;
}
