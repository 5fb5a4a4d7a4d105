// Zendesk's error shapes:
//   401 {"error":"Couldn't authenticate you"}
//   404 {"error":"RecordNotFound","description":"Not found"}
//   422 {"error":"RecordInvalid","description":"Record validation errors","details":{"<field>":[{"description","error"}]}}
//   other statuses {"error":"<Name>","description":"<text>"}
import type { Reply } from '../http-kit/index.js';

export interface ZendeskErrorBody {
  error: string;
  description?: string;
  details?: Record<string, Array<{ description: string; error?: string; field_key?: number }>>;
}

const NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: "Couldn't authenticate you",
  403: 'Forbidden',
  404: 'InvalidEndpoint',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Unprocessable Entity',
  429: 'APIRateLimitExceeded',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** Thrown inside handlers; the emulator turns it into the reply. */
export class ZendeskError extends Error {
  constructor(
    readonly status: number,
    readonly body: ZendeskErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.description ?? body.error);
  }
  reply(): Reply {
    return { status: this.status, body: this.body, headers: this.headers };
  }
}

export function errorBody(status: number, description: string): ZendeskErrorBody {
  if (status === 401) return { error: "Couldn't authenticate you" };
  return { error: NAMES[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest'), description };
}

export function errorReply(status: number, description: string): Reply {
  return { status, body: errorBody(status, description) };
}

export const badRequest = (description: string) => new ZendeskError(400, { error: 'BadRequest', description });
export const notFound = () => new ZendeskError(404, { error: 'RecordNotFound', description: 'Not found' });
export const forbidden = () =>
  new ZendeskError(403, { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' });

/** 422 RecordInvalid with per-field details, Zendesk's validation error. */
export function recordInvalid(details: Record<string, Array<{ description: string; error?: string; field_key?: number }>>): ZendeskError {
  return new ZendeskError(422, { error: 'RecordInvalid', description: 'Record validation errors', details });
}
export const invalidField = (field: string, description: string, error = 'InvalidValue') => recordInvalid({ [field]: [{ description, error }] });
