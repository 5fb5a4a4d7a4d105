// The custom string formats of Kustomer's OpenAPI description, as predicates. The emulator's zod
// schemas and the tests' ajv validator both use these, so they agree on what is valid.
import { OBJECT_ID } from './ids.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isObjectId = (s: string) => OBJECT_ID.test(s);
/** Relaxed e-mail: something@something, no spaces (no TLD required). */
export const isEmailRelaxed = (s: string) => /^[^\s@]+@[^\s@]+$/.test(s);
/** A phone number as people write it: digits with + ( ) . - / and spaces, 3 to 20 digits, optional extension. */
export function isPhoneNumber(s: string): boolean {
  const main = s.replace(/\s*(?:x|ext\.?)\s*\d{1,8}$/i, '');
  if (!/^\+?[\d\s().\-/]+$/.test(main)) return false;
  const digits = main.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 20;
}
export const isWhatsappNumber = (s: string) => /^(whatsapp:)?\+?[1-9]\d{6,14}$/.test(s);
export const isDateTime = (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s));
/** A date-time, a date, or Elasticsearch-style date math (now-1d/d). */
export const isDateTimeMath = (s: string) => isDateTime(s) || DATE.test(s) || /^now([+-]\d+[yMwdhHms])*(\/[yMwdhHms])?$/.test(s);
export const isUrl = (s: string) => URL.canParse(s);
export const isDomainName = (s: string) => /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(s);

export const KUSTOMER_FORMATS: Record<string, (s: string) => boolean> = {
  'object-id': isObjectId,
  'email-relaxed': isEmailRelaxed,
  'phone-number': isPhoneNumber,
  'whatsapp-number': isWhatsappNumber,
  'date-time-math': isDateTimeMath,
  'send-at': (s) => isDateTime(s) || s === 'now',
  'domain-name': isDomainName,
  url: isUrl,
};
