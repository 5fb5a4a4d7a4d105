// zod schemas of the Kustomer replies the adapter reads. Only the fields it uses are required;
// the rest passes through (loose objects), so Kustomer adding attributes breaks nothing, while a
// reply without what we need is a clear error rather than a wrong record.
import { z } from 'zod';

const resource = <A extends z.ZodType>(attributes: A) => z.object({ id: z.string().min(1), type: z.string().optional(), attributes }).loose();
const listLinks = z.object({ next: z.string().nullable().optional() }).loose().optional();

export const customerReply = z.object({ data: resource(z.object({}).loose()) }).loose();

export const conversationAttributes = z
  .object({
    status: z.enum(['open', 'snoozed', 'done']),
    createdAt: z.iso.datetime({ offset: true }),
    externalId: z.string().nullable().optional(),
    custom: z.record(z.string(), z.unknown()).nullable().optional(),
    lastDone: z.object({ createdAt: z.iso.datetime({ offset: true }).optional() }).loose().nullable().optional(),
    tags: z.array(z.unknown()).nullable().optional(),
  })
  .loose();
export const conversationResource = resource(conversationAttributes);
export type ConversationResource = z.infer<typeof conversationResource>;
export const conversationReply = z.object({ data: conversationResource }).loose();
export const conversationList = z.object({ data: z.array(conversationResource), links: listLinks }).loose();

export const noteList = z
  .object({ data: z.array(resource(z.object({ externalId: z.string().nullable().optional() }).loose())), links: listLinks })
  .loose();
export const noteReply = z.object({ data: resource(z.object({}).loose()) }).loose();

export const attachmentReply = z
  .object({
    data: z.object({ id: z.string().min(1) }).loose(),
    meta: z.object({ upload: z.object({ url: z.url(), fields: z.record(z.string(), z.string()) }).loose() }).loose(),
  })
  .loose();

/** Both error shapes Kustomer documents: {errors:[{code, message}]} and JSON:API error objects. */
export const errorReply = z
  .object({
    errors: z.array(
      z
        .object({
          status: z.union([z.string(), z.number()]).optional(),
          code: z.string().optional(),
          title: z.string().optional(),
          detail: z.string().optional(),
          message: z.string().optional(),
          source: z.object({ pointer: z.string().optional(), parameter: z.string().optional() }).loose().optional(),
        })
        .loose(),
    ),
  })
  .loose();
