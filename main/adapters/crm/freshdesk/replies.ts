// zod schemas of the Freshdesk replies the adapter reads. Only what it uses is required; the
// rest passes through (loose objects), so Freshdesk adding attributes breaks nothing, while a
// reply without what the adapter needs is a clear error rather than a wrong record.
import { z } from 'zod';

const time = z.iso.datetime({ offset: true });
const nullableTime = time.nullable().optional();

export const statsReply = z
  .object({ resolved_at: nullableTime, closed_at: nullableTime, reopened_at: nullableTime, status_updated_at: nullableTime })
  .loose();
export type TicketStats = z.infer<typeof statsReply>;

export const ticketReply = z
  .object({
    id: z.number().int().positive(),
    status: z.number().int(),
    source: z.number().int().optional(),
    requester_id: z.number().int().optional(),
    created_at: time,
    updated_at: time.optional(),
    tags: z.array(z.string()).optional(),
    custom_fields: z.record(z.string(), z.unknown()).nullable().optional(),
    stats: statsReply.nullable().optional(),
  })
  .loose();
export type TicketReply = z.infer<typeof ticketReply>;
export const ticketList = z.array(ticketReply);
export const searchReply = z.object({ total: z.number().int(), results: z.array(ticketReply) }).loose();

const maybeText = z.string().nullable().optional();
export const contactReply = z
  .object({ id: z.number().int().positive(), email: maybeText, phone: maybeText, mobile: maybeText, unique_external_id: maybeText, other_emails: z.array(z.string()).nullable().optional() })
  .loose();
export type ContactReply = z.infer<typeof contactReply>;
export const contactList = z.array(contactReply);

export const conversationReply = z
  .object({ id: z.number().int(), body: z.string().nullable().optional(), body_text: z.string().nullable().optional(), private: z.boolean().optional() })
  .loose();
export const conversationList = z.array(conversationReply);

export const ticketFieldReply = z
  .object({ id: z.number().int(), name: z.string(), type: z.string(), default: z.boolean().optional(), label: z.string().optional(), choices: z.unknown().optional() })
  .loose();
export const ticketFieldList = z.array(ticketFieldReply);

/** Both error shapes: {description, errors:[{field, message, code, additional_info}]} and {code, message}. */
export const errorReply = z
  .object({
    description: z.string().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string().optional(), message: z.string().optional(), code: z.string().optional(), additional_info: z.record(z.string(), z.unknown()).optional() }).loose())
      .optional(),
  })
  .loose();
