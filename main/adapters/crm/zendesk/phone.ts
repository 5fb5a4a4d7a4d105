// Callers' numbers in Zendesk. Writing follows the admin's format (E.164, national, or as
// dialled). Lookup follows Zendesk's own rule for caller identification: digits only, and a
// leading * matches every stored format ending with them; AgentDesk searches the national
// significant number that way, so a number stored as "+82 10-1234-5678", "010-1234-5678" or
// "+821012345678" is found whatever format the admin chose, then keeps only users whose number
// is really the caller's (a suffix can also end a longer number of another country).
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import type { CustomerQuery } from '../../../engine/crm-port.js';
import type { PhoneFormat } from './options.js';

const digits = (s: string) => s.replace(/\D/g, '');
const looksLikePhone = (s: string) => /^\+?[\d\s().\-/]+$/.test(s) && digits(s).length >= 3 && digits(s).length <= 20;

function parsedE164(q: Pick<CustomerQuery, 'phoneE164'>): PhoneNumber | null {
  return q.phoneE164 ? (parsePhoneNumberFromString(q.phoneE164) ?? null) : null;
}

/** The number to store on a new end user, in the admin's format; null when there is none. */
export function phoneToWrite(q: Pick<CustomerQuery, 'phoneE164' | 'phoneRaw'>, format: PhoneFormat): string | null {
  const raw = q.phoneRaw?.trim() && looksLikePhone(q.phoneRaw.trim()) ? q.phoneRaw.trim() : null;
  const parsed = parsedE164(q);
  switch (format) {
    case 'e164':
      return parsed?.number ?? raw;
    case 'national':
      return parsed?.formatNational() ?? raw;
    case 'as_dialled':
      return raw ?? parsed?.number ?? null;
  }
}

/** The search term for a caller (`phone:*<national number>` or `phone:<digits>`), or null. */
export function phoneSearchTerm(q: Pick<CustomerQuery, 'phoneE164' | 'phoneRaw'>): string | null {
  const parsed = parsedE164(q);
  if (parsed) return `phone:*${parsed.nationalNumber}`;
  const raw = q.phoneRaw?.trim();
  return raw && looksLikePhone(raw) ? `phone:${digits(raw)}` : null;
}

/**
 * Of the users Zendesk matched, the caller: first a user whose number is exactly the caller's
 * (read in the caller's country when stored without a country code), then one whose number
 * cannot be read as another number (matched on a secondary identity, or free text); lowest id
 * first among equals, so the oldest profile wins.
 */
export function pickCaller<U extends { id: number; phone?: string | null | undefined }>(users: U[], q: Pick<CustomerQuery, 'phoneE164' | 'phoneRaw'>): U | null {
  const caller = parsedE164(q);
  const sorted = [...users].sort((a, b) => a.id - b.id);
  if (!caller) {
    const want = digits(q.phoneRaw ?? '');
    return sorted.find((u) => !u.phone || digits(u.phone) === want) ?? null;
  }
  const read = (u: U) => (u.phone ? (parsePhoneNumberFromString(u.phone, caller.country) ?? null) : null);
  const exact = sorted.find((u) => read(u)?.number === caller.number);
  if (exact) return exact;
  return sorted.find((u) => {
    const p = read(u);
    return !p || !p.isValid();
  }) ?? null;
}
