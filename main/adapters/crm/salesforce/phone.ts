// Phone numbers on Contacts. Salesforce stores a Phone field as typed (the Lightning UI only
// reformats 10-digit North American numbers), and SOQL compares it as an exact, case-insensitive
// string: "+14155550100" does not match "(415) 555-0100". So AgentDesk writes numbers in the
// admin's format (settings.crm.phoneFormat: E.164, national, or as dialled) and looks them up
// on Phone and MobilePhone in that format first, plus the few other renderings people commonly
// type (E.164, international with spaces, national with and without punctuation). A number
// typed any other way ("415.555.0100", with an extension) is not found by SOQL; SOSL's phone
// search would find it but is eventually consistent (a contact created a second ago may be
// missing), which would make duplicates, so it is not used.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PHONE_FORMATS } from '../../../../common/protocol/index.js';

export type PhoneFormat = (typeof PHONE_FORMATS)[number];
export interface PhoneQuery {
  phoneE164: string | null;
  phoneRaw: string | null;
}

const MAX_VARIANTS = 8;
const isPhoneLike = (s: string) => /^\+?[\d\s().\-/]+$/.test(s) && s.replace(/\D/g, '').length >= 3 && s.replace(/\D/g, '').length <= 20;
const FIELD_MAX = 40;

/** The number as AgentDesk writes it on a new Contact, in the admin's format; null when there is none. */
export function storedPhone(q: PhoneQuery, format: PhoneFormat): string | null {
  const raw = q.phoneRaw?.trim() || null;
  const parsed = q.phoneE164 ? parsePhoneNumberFromString(q.phoneE164) : undefined;
  let out: string | null;
  if (format === 'as_dialled' && raw && isPhoneLike(raw)) out = raw;
  else if (parsed) out = format === 'national' ? parsed.formatNational() : parsed.number;
  else out = raw && isPhoneLike(raw) ? raw : null;
  return out ? out.slice(0, FIELD_MAX) : null;
}

/** The strings a SOQL lookup compares Phone/MobilePhone with: the admin's format first. */
export function lookupVariants(q: PhoneQuery, format: PhoneFormat): string[] {
  const out: string[] = [];
  const add = (v: string | null | undefined) => {
    const s = v?.trim();
    if (s && s.length <= FIELD_MAX && !out.includes(s)) out.push(s);
  };
  add(storedPhone(q, format));
  const parsed = q.phoneE164 ? parsePhoneNumberFromString(q.phoneE164) : undefined;
  if (parsed) {
    add(parsed.number);
    add(parsed.formatInternational());
    add(parsed.formatNational());
    add(parsed.formatNational().replace(/\D/g, ''));
    add(parsed.nationalNumber);
    add(parsed.number.slice(1));
  }
  const raw = q.phoneRaw?.trim();
  if (raw && isPhoneLike(raw)) {
    add(raw);
    add(raw.replace(/[^\d+]/g, ''));
  }
  return out.slice(0, MAX_VARIANTS);
}
