// Kustomer's error shape (JSON:API error objects):
//   { errors: [ { status, code, title, detail, source: {pointer|parameter}, meta } ] }
// `status` is a string, as JSON:API and the OpenAPI description's error schemas have it.
import type { ZodError } from 'zod';
import type { Reply } from '../http-kit/index.js';

export interface KError {
  status: string;
  code: string;
  title: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
  meta: Record<string, unknown>;
}

const TITLES: Record<number, [string, string]> = {
  400: ['bad_request', 'Bad Request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not Found'],
  405: ['method_not_allowed', 'Method Not Allowed'],
  409: ['conflict', 'Conflict'],
  413: ['payload_too_large', 'Payload Too Large'],
  415: ['unsupported_media_type', 'Unsupported Media Type'],
  429: ['too_many_requests', 'Too Many Requests'],
  500: ['internal_error', 'Internal Server Error'],
  501: ['not_implemented', 'Not Implemented'],
  502: ['bad_gateway', 'Bad Gateway'],
  503: ['service_unavailable', 'Service Unavailable'],
  504: ['gateway_timeout', 'Gateway Timeout'],
};

export function kError(status: number, detail: string, extra: Partial<Omit<KError, 'status'>> = {}): KError {
  const [code, title] = TITLES[status] ?? [status >= 500 ? 'internal_error' : 'bad_request', 'Error'];
  return { status: String(status), code, title, detail, meta: {}, ...extra };
}

export function errorReply(status: number, detail: string, extra: Partial<Omit<KError, 'status'>> = {}): Reply {
  return { status, body: { errors: [kError(status, detail, extra)] } };
}

/** Thrown inside handlers; the emulator turns it into an error reply. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: KError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => e.detail).join('; '));
  }
  static of(status: number, detail: string, extra: Partial<Omit<KError, 'status'>> = {}, headers: Record<string, string> = {}): ApiError {
    return new ApiError(status, [kError(status, detail, extra)], headers);
  }
}

export const badRequest = (detail: string, pointer?: string) => ApiError.of(400, detail, pointer === undefined ? {} : { source: { pointer } });
export const badParam = (detail: string, parameter: string) => ApiError.of(400, detail, { source: { parameter } });
export const notFound = (what: string) => ApiError.of(404, `${what} not found`);
export const conflict = (detail: string, pointer?: string, meta: Record<string, unknown> = {}) =>
  ApiError.of(409, detail, { meta, ...(pointer === undefined ? {} : { source: { pointer } }) });

export function pointerOf(path: ReadonlyArray<PropertyKey>): string {
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** One 400 error object per zod issue; unknown fields are named one by one. */
export function fromZod(err: ZodError, prefix: ReadonlyArray<PropertyKey> = []): ApiError {
  const errors: KError[] = [];
  for (const issue of err.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push(kError(400, `Unknown field "${key}"${path.length ? ` in ${pointerOf(path)}` : ''}`, { source: { pointer: pointerOf([...path, key]) } }));
    } else {
      errors.push(kError(400, `${pointerOf(path)}: ${issue.message}`, { source: { pointer: pointerOf(path) } }));
    }
  }
  return new ApiError(400, errors.length ? errors : [kError(400, 'Invalid body')]);
}
