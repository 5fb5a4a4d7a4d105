// zod schemas of the request bodies the emulator accepts, after Zendesk's ticketing OpenAPI
// description (TicketCreateInput / TicketUpdateInput, UserCreateInput, TicketFieldInput) and the
// Tickets reference. Strict: a property Zendesk does not document is a 400 (see README).
import { z } from 'zod';
import { FIELD_TYPES } from './records.js';

const id = z.number().int().positive();
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
const customFields = z.array(z.strictObject({ id, value: fieldValue }));

export const commentSchema = z.strictObject({
  body: z.string().optional(),
  html_body: z.string().optional(),
  public: z.boolean().optional(),
  author_id: id.optional(),
  uploads: z.array(z.string().min(1)).optional(),
  created_at: z.string().optional(),
});

const common = {
  subject: z.string().max(150_000).optional(),
  raw_subject: z.string().optional(),
  comment: commentSchema.optional(),
  assignee_id: id.nullable().optional(),
  assignee_email: z.string().optional(),
  group_id: id.nullable().optional(),
  organization_id: id.nullable().optional(),
  collaborator_ids: z.array(id).optional(),
  email_cc_ids: z.array(id).optional(),
  follower_ids: z.array(id).optional(),
  requester_id: id.optional(),
  status: z.string().optional(),
  custom_status_id: id.optional(),
  priority: z.enum(['urgent', 'high', 'normal', 'low']).nullable().optional(),
  type: z.enum(['problem', 'incident', 'question', 'task']).nullable().optional(),
  tags: z.array(z.string()).optional(),
  custom_fields: customFields.optional(),
  fields: customFields.optional(),
  external_id: z.string().max(255).nullable().optional(),
  due_at: z.string().nullable().optional(),
  problem_id: id.nullable().optional(),
  brand_id: id.optional(),
  ticket_form_id: id.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
};

export const ticketCreateSchema = z.strictObject({
  ...common,
  requester: z.strictObject({ name: z.string().optional(), email: z.string().optional(), locale_id: z.number().int().optional() }).optional(),
  submitter_id: id.optional(),
  recipient: z.string().optional(),
  macro_ids: z.array(id).optional(),
  via_followup_source_id: id.optional(),
});
export type TicketCreateBody = z.infer<typeof ticketCreateSchema>;

export const ticketUpdateSchema = z.strictObject({
  ...common,
  additional_tags: z.array(z.string()).optional(),
  remove_tags: z.array(z.string()).optional(),
  safe_update: z.union([z.boolean(), z.literal('true'), z.literal('false')]).optional(),
  updated_stamp: z.string().optional(),
});
export type TicketUpdateBody = z.infer<typeof ticketUpdateSchema>;

export const userSchema = z.strictObject({
  name: z.string().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  external_id: z.string().max(255).nullable().optional(),
  role: z.enum(['end-user', 'agent', 'admin']).optional(),
  verified: z.boolean().optional(),
  skip_verify_email: z.boolean().optional(),
  details: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  locale: z.string().optional(),
  locale_id: z.number().int().optional(),
  time_zone: z.string().optional(),
  tags: z.array(z.string()).optional(),
  organization_id: id.nullable().optional(),
  user_fields: z.record(z.string(), z.unknown()).optional(),
  identities: z.array(z.strictObject({ type: z.string(), value: z.string() })).optional(),
});
export type UserBody = z.infer<typeof userSchema>;

export const ticketFieldSchema = z.strictObject({
  type: z.enum(FIELD_TYPES),
  title: z.string().min(1),
  description: z.string().optional(),
  active: z.boolean().optional(),
  required: z.boolean().optional(),
  position: z.number().int().optional(),
  regexp_for_validation: z.string().nullable().optional(),
  tag: z.string().nullable().optional(),
  custom_field_options: z.array(z.strictObject({ name: z.string().min(1), value: z.string().min(1), default: z.boolean().optional() })).optional(),
  visible_in_portal: z.boolean().optional(),
  editable_in_portal: z.boolean().optional(),
  title_in_portal: z.string().optional(),
  agent_description: z.string().optional(),
});
export type TicketFieldBody = z.infer<typeof ticketFieldSchema>;
