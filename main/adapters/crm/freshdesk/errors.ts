// Freshdesk's error replies as one line for CrmError messages, and what the adapter reads back
// from that line: which fields a 400 refused (to leave them out and send again) and which
// contact holds an identity a 409 says is taken. The line's format is fixed here:
//   Validation failed: field "cf_x": It should be one of these values: 'a,b' [invalid_value]; field "email": It should be a unique value [duplicate_value] (user_id 42)
//   invalid_credentials: You have to be logged in to perform this action.
import { errorReply } from './replies.js';

export function describeFreshdeskError(_status: number, json: unknown): string | null {
  const parsed = errorReply.safeParse(json);
  if (!parsed.success) return null;
  const e = parsed.data;
  if (e.errors && e.errors.length > 0) {
    const items = e.errors.map((x) => {
      const holder = x.additional_info?.user_id;
      return `${x.field ? `field "${x.field}": ` : ''}${x.message ?? 'invalid'}${x.code ? ` [${x.code}]` : ''}${typeof holder === 'number' ? ` (user_id ${holder})` : ''}`;
    });
    return `${e.description ?? 'Validation failed'}: ${items.join('; ')}`;
  }
  if (e.code || e.message) return `${e.code ?? 'error'}: ${e.message ?? ''}`.trim();
  return null;
}

const REFUSAL = /field "([^"]+)": [^;]*?\[(invalid_field|invalid_value|datatype_mismatch)\]/g;

/** Fields a 400 refused as unknown, of the wrong type or with a value not allowed. */
export function refusedFields(message: string): string[] {
  return [...message.matchAll(REFUSAL)].map((m) => m[1] as string);
}

/** The contact that holds a taken identity, from a 409 duplicate_value. */
export function conflictHolder(message: string): string | null {
  return /\[duplicate_value\] \(user_id (\d+)\)/.exec(message)?.[1] ?? null;
}
