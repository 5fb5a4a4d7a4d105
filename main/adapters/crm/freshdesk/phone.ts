// KUS-8 and crm.phoneFormat: the number as AgentDesk writes it to a contact and looks it up.
// Freshdesk matches `GET /contacts?phone=` against the text a contact holds, without
// normalising it, so the admin chooses the format their contacts use:
//   e164        +821012345678   (default; the raw number when it is not a valid one)
//   national    010-1234-5678   (the number's own country's national format)
//   as_dialled  the number exactly as the contact center gave it
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PhoneFormat } from './options.js';

/** Text that can be a phone number: digits with the usual separators, 3 to 20 digits. */
export function isPhoneLike(s: string): boolean {
  const digits = s.replace(/\D/g, '').length;
  return /^\+?[\d\s().\-/]+$/.test(s) && digits >= 3 && digits <= 20;
}

export function phoneIn(format: PhoneFormat, q: { phoneE164: string | null; phoneRaw: string | null }): string | null {
  const raw = q.phoneRaw?.trim() ?? '';
  const rawOk = raw !== '' && isPhoneLike(raw) ? raw : null;
  switch (format) {
    case 'as_dialled':
      return rawOk ?? q.phoneE164;
    case 'national': {
      const parsed = q.phoneE164 ? parsePhoneNumberFromString(q.phoneE164) : undefined;
      return parsed ? parsed.formatNational() : rawOk;
    }
    case 'e164':
      return q.phoneE164 ?? rawOk;
  }
}
