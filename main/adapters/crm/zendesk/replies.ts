// zod schemas of the Zendesk replies the adapter reads. Only what it uses is required; the rest
// passes through (loose objects), so Zendesk adding properties breaks nothing, while a reply
// without what we need is a clear error rather than a wrong record.
import { z } from 'zod';

const id = z.number().int();
const time = z.iso.datetime({ offset: true });

export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;

export const ticket = z
  .object({
    id,
    status: z.enum(TICKET_STATUSES),
    created_at: time,
    updated_at: time,
    external_id: z.string().nullable().optional(),
    subject: z.string().nullable().optional(),
    requester_id: id.nullable().optional(),
    assignee_id: id.nullable().optional(),
    tags: z.array(z.string()).default([]),
    custom_fields: z.array(z.object({ id, value: z.unknown() }).loose()).default([]),
    followup_ids: z.array(id).default([]),
  })
  .loose();
export type Ticket = z.infer<typeof ticket>;

const metricSet = z.object({ ticket_id: id, solved_at: time.nullable().optional() }).loose();
export type MetricSet = z.infer<typeof metricSet>;

export const ticketReply = z.object({ ticket }).loose();
export const ticketList = z
  .object({ tickets: z.array(ticket), metric_sets: z.array(metricSet).optional(), next_page: z.string().nullable().optional() })
  .loose();

export const user = z.object({ id, phone: z.string().nullable().optional(), role: z.string().optional() }).loose();
export type User = z.infer<typeof user>;
export const userReply = z.object({ user }).loose();
export const userList = z.object({ users: z.array(user), next_page: z.string().nullable().optional() }).loose();
export const searchReply = z
  .object({ results: z.array(z.object({ id, result_type: z.string() }).loose()), next_page: z.string().nullable().optional() })
  .loose();

export const uploadReply = z.object({ upload: z.object({ token: z.string().min(1) }).loose() }).loose();

export const auditList = z
  .object({
    audits: z.array(z.object({ id, metadata: z.object({ custom: z.record(z.string(), z.unknown()).nullable().optional() }).loose().nullable().optional() }).loose()),
    meta: z.object({ has_more: z.boolean().optional() }).loose().optional(),
    links: z.object({ next: z.string().nullable().optional() }).loose().optional(),
  })
  .loose();

export const ticketField = z
  .object({
    id,
    type: z.string(),
    title: z.string(),
    active: z.boolean().default(true),
    removable: z.boolean().default(true),
    regexp_for_validation: z.string().nullable().optional(),
    custom_field_options: z.array(z.object({ name: z.string(), value: z.string() }).loose()).nullable().optional(),
  })
  .loose();
export type TicketField = z.infer<typeof ticketField>;
export const ticketFieldList = z.object({ ticket_fields: z.array(ticketField), next_page: z.string().nullable().optional() }).loose();

/** {"error": "...", "description": "...", "details": {"field": [{"description"}]}} */
export const errorReply = z
  .object({
    error: z.union([z.string(), z.object({ title: z.string().optional(), message: z.string().optional() }).loose()]).optional(),
    description: z.string().optional(),
    details: z.record(z.string(), z.array(z.object({ description: z.string().optional(), error: z.string().optional() }).loose())).optional(),
  })
  .loose();
