// KUS-7 (customer lookup and creation) and KUS-8 (the E.164 phone number).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { SessionCustomer, CustomFieldsSettings } from '../../../common/protocol/index.js';
import type { CustomerQuery, NewCustomer } from '../crm-port.js';

/** E.164 for a number as the contact center gave it ("+82 10-1234-5678", "010-1234-5678"), or null. */
export function toE164(raw: string | null, defaultCountry: CountryCode): string | null {
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

export interface CustomerPlan {
  query: CustomerQuery;
  create: NewCustomer;
}

/**
 * How the CRM customer for a session is found or made. Identity order: SDK identifier (a new
 * app user is created with it, KUS-7), then phone (an IVR call from an unknown number creates
 * the customer, KUS-7), then e-mail; a session with none of them gets an anonymous customer
 * keyed by the session, so a record always has a customer.
 */
export function customerPlan(
  c: SessionCustomer,
  sessionKey: string,
  defaultCountry: CountryCode,
  customFields: CustomFieldsSettings,
): CustomerPlan {
  const phoneE164 = toE164(c.phone, defaultCountry);
  const query: CustomerQuery = {
    phoneE164,
    phoneRaw: c.phone,
    identifier: c.identifier,
    email: c.email,
    name: c.name,
  };
  const key = c.identifier
    ? `id:${c.identifier}`
    : phoneE164
      ? `phone:${phoneE164}`
      : c.email
        ? `email:${c.email.toLowerCase()}`
        : `anon:${sessionKey}`;
  const fields: NewCustomer['fields'] = {};
  const userIdField = customFields.customer.customUserId;
  if (userIdField && c.identifier) fields[userIdField] = c.identifier;
  const name = c.name ?? (key.startsWith('anon:') ? `Visitor ${sessionKey}` : null);
  return { query, create: { ...query, name, key, fields } };
}
