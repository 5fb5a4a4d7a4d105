// Personal data and secrets never reach a log line in clear (SEC-1): phone numbers keep their last
// two digits, e-mails their first letter and domain; tokens, keys, passwords and cookies are
// dropped, by field name and inside text (Bearer/Basic credentials, dev: tokens, JWTs, key=value
// pairs, JSON fragments). Values under id fields (recordId, sessionId...) keep their digits: a
// numeric record id is not a phone number; ISO dates and IP addresses are left alone.
// Every pattern is bounded (no quadratic backtracking on huge input) and any value is safe to
// stringify afterwards: cycles, depth, binary data, errors, dates and bigints are handled.

/** Field names whose values are secrets (compared on the whole name: apiKey, x-api-key, crm.apiKey, sipPassword...). */
const SECRET_KEY = /pass(?:word|wd|phrase)|secret|token|api[-_.]?key|(?:private|access|signing|client|session)[-_.]?key|authori[sz]ation|cookie|credential/i;
/** Field names whose values are phone numbers: every digit run is masked, whatever its length or type. */
const PHONE_KEY = /phone|msisdn|caller|callee|dialed|^(?:number|ani|dnis|tel)$/i;
/** Field names whose values are ids: no phone masking (e-mails and tokens are still redacted). */
const ID_KEY = /^(?:id|ids|seq)$|[a-z0-9](?:Id|Ids)$|_ids?$/;

const MAX_DEPTH = 8;
const MAX_STRING = 8_192;
const MAX_ARRAY = 200;

const AUTH_BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{4,4096}/gi;
const AUTH_BASIC = /\b(Basic)\s+([A-Za-z0-9+/]{4,4096}={0,2})/gi;
const DEV_TOKEN = /\bdev:[^\s"'&]{1,4096}/g;
const JWT = /\beyJ[A-Za-z0-9_-]{4,4096}\.[A-Za-z0-9_-]{4,4096}\.[A-Za-z0-9_-]{0,4096}/g;
const QUERY_SECRET = /\b((?:access_|refresh_|id_)?token|api[-_]?key|apikey|pass(?:word|wd)?|secret|client_secret|auth|sig(?:nature)?)=([^&\s"'#]{1,4096})/gi;
const HEADER_SECRET = /\b(authorization|proxy-authorization|x-api-key|api-key|cookie|set-cookie)\s*:\s*[^\r\n]{1,4096}/gi;
const JSON_PAIR = /"([^"\\]{1,64})"(\s*:\s*)"((?:[^"\\]|\\.){0,4096})"/g;
const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}_+-])[\p{L}\p{N}._%+-]{0,63}(?:@|%40)([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,63})(?![A-Za-z0-9-])/giu;
const PHONE = /(?<![\w.-])(?:\+|%2[Bb])?\d[\d ().-]{5,24}\d(?![\w/])/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function maskDigits(m: string, min: number): string {
  const prefix = m.startsWith('+') ? '+' : /^%2b/i.test(m) ? m.slice(0, 3) : '';
  const digits = m.slice(prefix.length).replace(/\D/g, '');
  if (digits.length < min) return m;
  return `${prefix}${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

function maskPhone(m: string, offset: number, whole: string): string {
  if (ISO_DATE.test(m) || IPV4.test(m)) return m;
  // In a path or a query value a bare run of digits is an id (/tickets/12345678, ?id=123456789);
  // a phone there starts with +, %2B or 0 (E.164, national format) or carries separators.
  const before = whole[offset - 1];
  if ((before === '/' || before === '=') && /^[1-9]\d*$/.test(m)) return m;
  return maskDigits(m, 7);
}

function basicCredential(whole: string, scheme: string, b64: string): string {
  let decoded = '';
  try {
    decoded = Buffer.from(b64, 'base64').toString('utf8');
  } catch {
    // not base64: not a credential
  }
  // user:password, or the capitalised header scheme: a credential; an English "basic word" is not.
  return decoded.includes(':') || scheme === 'Basic' ? `${scheme} [redacted]` : whole;
}

/** Secrets and e-mails in free text (no phone masking). */
function redactSecrets(s: string): string {
  return s
    .replace(JWT, '[redacted-jwt]')
    .replace(AUTH_BEARER, '$1 [redacted]')
    .replace(AUTH_BASIC, basicCredential)
    .replace(HEADER_SECRET, (_m, name: string) => `${name}: [redacted]`)
    .replace(DEV_TOKEN, 'dev:[redacted]')
    .replace(QUERY_SECRET, '$1=[redacted]')
    .replace(JSON_PAIR, (m, key: string, sep: string) => (SECRET_KEY.test(key) ? `"${key}"${sep}"[redacted]"` : m))
    .replace(EMAIL, '$1***@$2');
}

function clip(s: string): string {
  return s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…[${s.length - MAX_STRING} more chars]` : s;
}

export function redactText(s: string): string {
  return redactSecrets(clip(s)).replace(PHONE, maskPhone);
}

function redactString(s: string, key: string): string {
  if (PHONE_KEY.test(key)) return redactSecrets(clip(s)).replace(/\+?\d[\d ().-]{0,24}\d/g, (m) => maskDigits(m, 3));
  if (ID_KEY.test(key)) return redactSecrets(clip(s));
  return redactText(s);
}

/** A copy of `value` that is safe to log: secrets and personal data out, always JSON-serialisable. */
export function redact(value: unknown, key = '', depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (SECRET_KEY.test(key) && value !== null && value !== undefined && typeof value !== 'boolean') return '[redacted]';
  if (typeof value === 'string') return redactString(value, key);
  if (typeof value === 'number') return PHONE_KEY.test(key) && Number.isFinite(value) ? maskDigits(String(value), 3) : value;
  if (typeof value === 'bigint') return redactString(value.toString(), key);
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[truncated]';
  seen.add(value);
  try {
    if (value instanceof Error) {
      return { name: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
    }
    if (Array.isArray(value) || value instanceof Set) {
      const items = [...value];
      const out = items.slice(0, MAX_ARRAY).map((v) => redact(v, key, depth + 1, seen));
      return items.length > MAX_ARRAY ? [...out, `[${items.length - MAX_ARRAY} more]`] : out;
    }
    const entries = value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) Object.defineProperty(out, redactText(k), { value: redact(v, k, depth + 1, seen), enumerable: true, writable: true, configurable: true });
    return out;
  } finally {
    seen.delete(value);
  }
}
