// Personal data and secrets never reach a log line in clear: phone numbers keep their last two
// digits, e-mails their first letter and domain, tokens and keys are dropped.
const SECRET_KEYS = /^(authorization|token|apiKey|api_key|password|secret|accessToken|refreshToken|cookie)$/i;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const DEV_TOKEN = /\bdev:[^\s"']+/g;
const PHONE = /(?<![\w/.=-])\+?\d[\d ().-]{5,}\d(?![\w/])/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function maskPhone(m: string): string {
  const digits = m.replace(/\D/g, '');
  if (digits.length < 7 || ISO_DATE.test(m)) return m;
  return `${m.startsWith('+') ? '+' : ''}${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

export function redactText(s: string): string {
  return s
    .replace(BEARER, '$1 [redacted]')
    .replace(DEV_TOKEN, 'dev:[redacted]')
    .replace(EMAIL, '$1***@$2')
    .replace(PHONE, maskPhone);
}

export function redact(value: unknown, key = '', depth = 0): unknown {
  if (SECRET_KEYS.test(key)) return '[redacted]';
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, '', depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redact(v, k, depth + 1);
  return out;
}
