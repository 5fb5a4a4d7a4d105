// Field values on the way in: each JSON value checked and converted for its field's type, with
// the error Salesforce gives when it does not fit. Date-times are stored the way the REST API
// writes them ("2025-03-01T10:00:00.000+0000"), dates as "2025-03-01".
import type { SfErrorItem } from '../errors.js';
import { canonicalId } from '../ids.js';
import type { FieldDef } from './types.js';

export type Coerced = { ok: true; value: unknown } | { ok: false; error: SfErrorItem };
export type RefCheck = (id: string, referenceTo: string[]) => 'ok' | 'wrong_type' | 'missing';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}$/;

export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Epoch ms of an ISO-8601 date-time (Z, +hh:mm or +hhmm offsets), or null. */
export function parseDateTime(s: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) return null;
  const t = Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? null : t;
}

export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const fail = (errorCode: string, message: string, f: FieldDef): Coerced => ({ ok: false, error: { errorCode, message, fields: [f.name] } });
const parserError = (type: string, v: unknown, f: FieldDef): Coerced =>
  fail('JSON_PARSER_ERROR', `Cannot deserialize instance of ${type} from ${JSON.stringify(v)} for field ${f.name}`, f);

function text(f: FieldDef, v: unknown): Coerced {
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return parserError('string', v, f);
  const s = String(v);
  if (s.length > f.length) return fail('STRING_TOO_LONG', `${f.label}: data value too large: ${s.slice(0, 40)}${s.length > 40 ? '...' : ''} (max length=${f.length})`, f);
  if (f.type === 'email' && s !== '' && !EMAIL.test(s)) return fail('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${s}`, f);
  if ((f.type === 'picklist' || f.type === 'multipicklist') && f.restricted && s !== '') {
    const allowed = f.values?.() ?? [];
    const parts = f.type === 'multipicklist' ? s.split(';') : [s];
    const bad = parts.find((p) => !allowed.includes(p));
    if (bad !== undefined) return fail('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${f.label}: bad value for restricted picklist field: ${bad}`, f);
  }
  return { ok: true, value: s === '' ? null : s };
}

/** The stored value for `raw` written to `f`, or the error Salesforce answers. */
export function coerceWrite(f: FieldDef, raw: unknown, refs: RefCheck): Coerced {
  if (raw === null) return { ok: true, value: null };
  switch (f.type) {
    case 'string':
    case 'textarea':
    case 'phone':
    case 'email':
    case 'url':
    case 'picklist':
    case 'multipicklist':
      return text(f, raw);
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
      return parserError('boolean', raw, f);
    case 'int':
    case 'double': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n) || (f.type === 'int' && !Number.isInteger(n))) return parserError(f.type === 'int' ? 'int' : 'double', raw, f);
      return { ok: true, value: n };
    }
    case 'date':
      if (typeof raw === 'string' && isValidDate(raw)) return { ok: true, value: raw };
      return parserError('date', raw, f);
    case 'datetime': {
      const t = typeof raw === 'string' ? parseDateTime(raw) : null;
      return t === null ? parserError('datetime', raw, f) : { ok: true, value: formatDateTime(t) };
    }
    case 'id':
    case 'reference': {
      const id = typeof raw === 'string' ? canonicalId(raw) : null;
      if (!id) return fail('MALFORMED_ID', `${f.label}: id value of incorrect type: ${String(raw)}`, f);
      const found = refs(id, f.referenceTo);
      if (found === 'wrong_type') return fail('MALFORMED_ID', `${f.label}: id value of incorrect type: ${id}`, f);
      if (found === 'missing') return fail('INVALID_CROSS_REFERENCE_KEY', `${f.label}: invalid cross reference id`, f);
      return { ok: true, value: id };
    }
    case 'base64': {
      if (typeof raw !== 'string' || !BASE64.test(raw) || raw.replace(/[\r\n]/g, '').length % 4 !== 0) return parserError('base64Binary', typeof raw === 'string' ? `${raw.slice(0, 20)}...` : raw, f);
      return { ok: true, value: new Uint8Array(Buffer.from(raw, 'base64')) };
    }
  }
}
