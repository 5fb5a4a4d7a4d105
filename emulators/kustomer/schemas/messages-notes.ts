// Request bodies of messages (CreateMessage, CreateMessageFromConversation) and notes
// (CreateNoteWithinConversation).
import { z } from 'zod';
import { attachmentRef, CHANNELS, custom, dateTime, objectId, queueRef, sentiment, uniqueArray } from './common.js';

const messageFields = {
  id: objectId.optional(),
  externalId: z.string().max(256).optional(),
  customer: objectId.optional(),
  conversation: objectId.optional(),
  reference: z.strictObject({ message: objectId, type: z.enum(['reply', 'replyAll', 'forward']) }).optional(),
  channel: z.enum(CHANNELS),
  preview: z.string().max(10240).optional(),
  subject: z.string().max(256).optional(),
  direction: z.enum(['in', 'out']).optional(),
  app: z.string(),
  size: z.number().optional(),
  related: z.string().optional(),
  status: z.enum(['sent', 'received', 'error']).optional(),
  error: z
    .strictObject({
      status: z.number().optional(),
      code: z.string().optional(),
      title: z.string().optional(),
      detail: z.string().optional(),
      source: z.record(z.string(), z.unknown()).optional(),
      meta: z.record(z.string(), z.unknown()).optional(),
      links: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  errorAt: dateTime.optional(),
  auto: z.boolean().optional(),
  sentAt: dateTime.optional(),
  source: z.enum(['bulk', 'satisfaction']).optional(),
  shortcuts: z.array(objectId).optional(),
  kbArticles: z.array(objectId).optional(),
  attachments: z.union([uniqueArray(attachmentRef, 1000), uniqueArray(objectId, 1000)]).optional(),
  location: z
    .object({
      name: z.string().optional(),
      address: z.string().max(256).optional(),
      address2: z.string().max(256).optional(),
      address3: z.string().max(256).optional(),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
      countryCode: z.string().min(2).max(2).optional(),
      countryName: z.string().max(64).optional(),
      regionCode: z.string().max(2).optional(),
      regionName: z.string().max(128).optional(),
      cityName: z.string().max(128).optional(),
      zipCode: z.string().max(30).optional(),
      areaCode: z.string().max(30).optional(),
    })
    .optional(),
  meta: z
    .record(z.string(), z.unknown())
    .refine((m) => Object.keys(m).length <= 100, 'meta has more than 100 properties')
    .optional(),
  custom: custom.optional(),
  sentiment: sentiment.optional(),
  createdAt: dateTime.optional(),
  modifiedAt: dateTime.optional(),
  createdBy: objectId.optional(),
  modifiedBy: objectId.optional(),
  importedAt: dateTime.optional(),
  lang: z.string().max(100).nullable().optional(),
  queue: queueRef.optional(),
};

/** POST /v1/conversations/{id}/messages */
export const conversationMessageBody = z.strictObject(messageFields);
/** POST /v1/messages (direction is required there) */
export const messageBody = z.strictObject({ ...messageFields, direction: z.enum(['in', 'out']) });
export type MessageBody = z.infer<typeof conversationMessageBody>;

/** POST /v1/conversations/{id}/notes */
export const noteBody = z.strictObject({
  id: z.string().optional(),
  conversation: z.string().optional(),
  externalId: z.string().max(256).optional(),
  body: z.string().min(1).max(10240),
  userMentions: z.array(z.object({ user: z.string().optional(), team: z.string().optional() })).max(20).optional(),
  attachments: uniqueArray(attachmentRef, 1000).optional(),
  createdAt: dateTime.optional(),
  modifiedAt: dateTime.optional(),
  createdBy: objectId.optional(),
  modifiedBy: objectId.optional(),
  importedAt: dateTime.optional(),
  lang: z.string().max(100).nullable().optional(),
});
export type NoteBody = z.infer<typeof noteBody>;
