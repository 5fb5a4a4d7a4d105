// Freshdesk's two error shapes:
//   validation (400, and 409 for duplicates):
//     { "description": "Validation failed", "errors": [ { "field", "message", "code" } ] }
//   everything else (401, 403, 404, 405, 406, 413, 415, 429, 5xx):
//     { "code": "invalid_credentials", "message": "..." }
// Codes are Freshdesk's (missing_field, invalid_value, duplicate_value, datatype_mismatch,
// invalid_field, invalid_json, invalid_credentials, access_denied, readonly_field, ...).
import type { Reply } from '../http-kit/index.js';

export interface FdFieldError {
  field?: string;
  message: string;
  code: string;
  additional_info?: Record<string, unknown>;
}

/** Thrown inside handlers; the emulator turns it into the reply. */
export class FdError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(JSON.stringify(body));
  }
}

export function validation(errors: FdFieldError[], status = 400): FdError {
  return new FdError(status, { description: 'Validation failed', errors });
}

/** One validation error. */
export const invalid = (field: string, message: string, code = 'invalid_value', status = 400) => validation([{ field, message, code }], status);
export const missing = (field: string, message = 'Mandatory attribute missing') => invalid(field, message, 'missing_field');
export const unexpectedField = (field: string) => invalid(field, 'Unexpected/invalid field in request', 'invalid_field');
export const mismatch = (field: string, got: unknown, want: string) => invalid(field, `Value set is of type ${typeName(got)}.It should be a/an ${want}`, 'datatype_mismatch');

export function typeName(v: unknown): string {
  if (v === null) return 'Null';
  if (Array.isArray(v)) return 'Array';
  const t = typeof v;
  if (t === 'number') return Number.isInteger(v) ? 'Integer' : 'Float';
  if (t === 'boolean') return 'Boolean';
  if (t === 'object') return 'key/value pair';
  return 'String';
}

const CODES: Record<number, string> = {
  401: 'invalid_credentials',
  403: 'access_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'request_entity_too_large',
  415: 'invalid_content_type',
  429: 'too_many_requests',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export function simple(status: number, message: string, code = CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_value')): FdError {
  return new FdError(status, { code, message });
}

export const notFound = (what: string) => simple(404, `${what} does not exist`);

/** The reply for a status the kit decides (404/405/413/415, bad JSON, injected faults). */
export function errorReply(status: number, detail: string): Reply {
  if (status === 400) return { status, body: { description: 'Validation failed', errors: [{ code: 'invalid_json', message: detail }] } };
  if (status === 409) return { status, body: { description: 'Validation failed', errors: [{ code: 'inconsistent_state', message: detail }] } };
  return { status, body: { code: CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_value'), message: detail } };
}

export function replyOf(e: FdError): Reply {
  return { status: e.status, body: e.body, headers: e.headers };
}
