// Salesforce's REST error shape: a JSON array of {message, errorCode, fields?}. Handlers throw
// SfError; the emulator (and the composite runner) turn it into that reply.
import type { Reply } from '../http-kit/index.js';

export interface SfErrorItem {
  message: string;
  errorCode: string;
  fields?: string[];
}

export class SfError extends Error {
  constructor(
    readonly status: number,
    readonly errors: SfErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => `${e.errorCode}: ${e.message}`).join('; '));
    this.name = 'SfError';
  }

  static of(status: number, errorCode: string, message: string, fields?: string[]): SfError {
    return new SfError(status, [{ message, errorCode, ...(fields ? { fields } : {}) }]);
  }

  reply(): Reply {
    return { status: this.status, body: this.errors, headers: this.headers };
  }
}

export const NOT_FOUND_MESSAGE = 'The requested resource does not exist';

export const notFound = (message = NOT_FOUND_MESSAGE) => SfError.of(404, 'NOT_FOUND', message);
export const malformedQuery = (message: string) => SfError.of(400, 'MALFORMED_QUERY', message);
export const invalidField = (message: string, fields: string[] = []) => SfError.of(400, 'INVALID_FIELD', message, fields);

/** The error code Salesforce uses for a status when the emulator has nothing more specific. */
export function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'JSON_PARSER_ERROR';
    case 401:
      return 'INVALID_SESSION_ID';
    case 403:
      return 'REQUEST_LIMIT_EXCEEDED';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'REQUEST_ENTITY_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'REQUEST_LIMIT_EXCEEDED';
    case 503:
      return 'SERVER_UNAVAILABLE';
    default:
      return status >= 500 ? 'UNKNOWN_EXCEPTION' : 'INVALID_INPUT';
  }
}

export function errorReply(status: number, message: string): Reply {
  return { status, body: [{ message, errorCode: codeForStatus(status) }] };
}
