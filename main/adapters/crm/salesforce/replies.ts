// zod schemas of the Salesforce replies the adapter reads. Only what it uses is required; the
// rest passes through (loose objects), so an org's extra fields break nothing, while a reply
// without what we need is a clear error rather than a wrong record.
import { z } from 'zod';

export const saveResult = z.object({ id: z.string().min(15), success: z.boolean(), created: z.boolean().optional() }).loose();

export const queryResult = <R extends z.ZodType>(record: R) =>
  z.object({ totalSize: z.number().int(), done: z.boolean(), nextRecordsUrl: z.string().optional(), records: z.array(record) }).loose();

const dateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date-time');

export const caseRecord = z
  .object({
    Id: z.string().min(15),
    Status: z.string().nullable().optional(),
    IsClosed: z.boolean(),
    CreatedDate: dateTime,
    ClosedDate: dateTime.nullable().optional(),
    ContactId: z.string().nullable().optional(),
    Origin: z.string().nullable().optional(),
  })
  .loose();
export type CaseRecord = z.infer<typeof caseRecord>;

export const contactRecord = z
  .object({ Id: z.string().min(15), Phone: z.string().nullable().optional(), MobilePhone: z.string().nullable().optional(), Email: z.string().nullable().optional(), CreatedDate: dateTime.optional() })
  .loose();
export type ContactRecord = z.infer<typeof contactRecord>;

export const caseStatusRecord = z.object({ ApiName: z.string().min(1), IsClosed: z.boolean(), IsDefault: z.boolean(), SortOrder: z.number().nullable().optional() }).loose();
export type CaseStatusRecord = z.infer<typeof caseStatusRecord>;

export const idRecord = z.object({ Id: z.string().min(15) }).loose();
export const markedRecord = (textField: string) => z.object({ Id: z.string().min(15), [textField]: z.string().nullable().optional() }).loose();

export const subResponse = z.object({ body: z.unknown(), httpHeaders: z.record(z.string(), z.string()).optional(), httpStatusCode: z.number().int(), referenceId: z.string() }).loose();
export type SubResponse = z.infer<typeof subResponse>;
export const compositeReply = z.object({ compositeResponse: z.array(subResponse) }).loose();

export const apiErrors = z.array(z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }).loose());
export const oauthError = z.object({ error: z.string(), error_description: z.string().optional() }).loose();
export const tokenReply = z.object({ access_token: z.string().min(1), instance_url: z.string().optional(), token_type: z.string().optional() }).loose();

/** Salesforce's error text: "CODE: message [fields: A, B]" for each error (OAuth errors too). */
export function describeSalesforceError(_status: number, json: unknown): string | null {
  const list = apiErrors.safeParse(json);
  if (list.success && list.data.length > 0) {
    return list.data.map((e) => `${e.errorCode}: ${e.message.trim()}${e.fields && e.fields.length ? ` [fields: ${e.fields.join(', ')}]` : ''}`).join('; ');
  }
  const o = oauthError.safeParse(json);
  return o.success ? `${o.data.error}${o.data.error_description ? `: ${o.data.error_description}` : ''}` : null;
}

/** Field names a write error points at ("No such column 'X'" or "[fields: X, Y]"). */
export function fieldsNamedIn(message: string): string[] {
  const out = new Set<string>();
  for (const m of message.matchAll(/No such column '([A-Za-z0-9_]+)'/g)) out.add(m[1] as string);
  for (const m of message.matchAll(/\[fields: ([^\]]+)\]/g)) for (const f of (m[1] as string).split(',')) out.add(f.trim());
  for (const m of message.matchAll(/for field ([A-Za-z0-9_]+)/g)) out.add(m[1] as string);
  return [...out];
}
