// Contact lookup (KUS-7, KUS-8): one SOQL query over every identity the session has, and the
// pick among the matches in the engine's identity order: SDK identifier (the admin's custom user
// id field, or AgentDesk's customer key "id:<identifier>"), then phone (Phone or MobilePhone in
// the admin's format and its common variants, see phone.ts), then e-mail. Among equals the
// oldest contact wins, so a later duplicate never takes over a customer's history.
import type { CustomerQuery } from '../../../engine/crm-port.js';
import { lookupVariants, type PhoneFormat } from './phone.js';
import type { ContactRecord } from './replies.js';
import { fieldList, soqlList, soqlString } from './soql.js';

export const CONTACT_MATCH_LIMIT = 10;
const isEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

export interface ContactLookup {
  format: PhoneFormat;
  /** The Contact field the admin maps the SDK user id to (customFields.customer.customUserId), if any. */
  userIdField: string | null;
  /** AgentDesk's customer-key External ID field, if the org has one. */
  keyField: string | null;
}

export function contactFields(l: ContactLookup): string[] {
  return ['Id', 'Phone', 'MobilePhone', 'Email', 'CreatedDate', ...(l.userIdField ? [l.userIdField] : []), ...(l.keyField ? [l.keyField] : [])];
}

/** The WHERE clause matching any of the query's identities, or null when it has none. */
export function contactWhere(q: CustomerQuery, l: ContactLookup): string | null {
  const any: string[] = [];
  if (q.identifier) {
    if (l.userIdField) any.push(`${l.userIdField} = ${soqlString(q.identifier)}`);
    if (l.keyField) any.push(`${l.keyField} = ${soqlString(`id:${q.identifier}`)}`);
  }
  const phones = lookupVariants(q, l.format);
  if (phones.length) any.push(`Phone IN ${soqlList(phones)}`, `MobilePhone IN ${soqlList(phones)}`);
  if (q.email && isEmail(q.email)) any.push(`Email = ${soqlString(q.email)}`);
  return any.length ? any.join(' OR ') : null;
}

export function contactSoql(q: CustomerQuery, l: ContactLookup): string | null {
  const where = contactWhere(q, l);
  return where ? `SELECT ${fieldList(contactFields(l))} FROM Contact WHERE ${where} ORDER BY CreatedDate ASC, Id ASC LIMIT ${CONTACT_MATCH_LIMIT}` : null;
}

export function pickContact(rows: ContactRecord[], q: CustomerQuery, l: ContactLookup): ContactRecord | null {
  const same = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
  const phones = lookupVariants(q, l.format).map((p) => p.toLowerCase());
  const tests: Array<(r: ContactRecord) => boolean> = [
    (r) => !!q.identifier && ((!!l.userIdField && same(r[l.userIdField], q.identifier)) || (!!l.keyField && same(r[l.keyField], `id:${q.identifier}`))),
    (r) => [r.Phone, r.MobilePhone].some((p) => typeof p === 'string' && phones.includes(p.toLowerCase())),
    (r) => !!q.email && same(r.Email, q.email),
  ];
  for (const t of tests) {
    const hit = rows.find(t);
    if (hit) return hit;
  }
  return null;
}
