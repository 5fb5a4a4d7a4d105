// Request bodies of the conversation endpoints (OpenAPI: CreateConversation,
// CreateConversationForCustomer, UpdateConversation / UpdateConversationAttributes).
import { z } from 'zod';
import { custom, dateTime, objectId, objectIds10, queueRef, sentiment, tagName, tags, uniqueArray } from './common.js';

const createFields = {
  id: objectId.optional(),
  externalId: z.string().max(256).optional(),
  name: z.string().max(256).optional(),
  status: z.enum(['open', 'done']).optional(),
  priority: z.number().int().min(1).max(5).optional(),
  createdAt: dateTime.optional(),
  importedAt: dateTime.optional(),
  direction: z.enum(['in', 'out']).optional(),
  replyChannel: z.string().max(256).nullable().optional(),
  tags: tags.optional(),
  assignedUsers: objectIds10.optional(),
  assignedTeams: objectIds10.optional(),
  custom: custom.optional(),
  defaultLang: z.string().max(100).nullable().optional(),
  queue: queueRef.optional(),
};

/** POST /v1/conversations */
export const conversationCreateBody = z.strictObject({ ...createFields, customer: objectId });
/** POST /v1/customers/{id}/conversations */
export const customerConversationCreateBody = z.strictObject({ ...createFields, campaign: objectId.optional() });
export type ConversationCreateBody = z.infer<typeof customerConversationCreateBody> & { customer?: string };

const satisfactionLevel = z.strictObject({
  form: objectId.optional(),
  formResponse: objectId.optional(),
  createdAt: dateTime,
  updatedAt: dateTime.optional(),
  status: z.enum(['scheduled', 'offered', 'rated', 'commented', 'canceled', 'unresponded']),
  scheduledFor: dateTime.optional(),
  firstAnswer: z.string().max(1024).optional(),
  sentAt: dateTime.optional(),
  score: z.union([z.literal(0), z.literal(1)]).optional(),
  rating: z.number().int().min(0).max(10).optional(),
  channel: z.enum(['email', 'sms', 'chat', 'facebook', 'twitter-dm', 'twitter-tweet', 'voice', 'instagram', 'instagram-comment', 'whatsapp', 'form']).optional(),
  sentBy: objectId.optional(),
  sentByTeams: z.array(objectId).optional(),
});

/** PUT/PATCH /v1/conversations/{id}: first branch of the spec's oneOf. */
export const conversationUpdateBody = z.strictObject({
  externalId: z.string().max(256).nullable().optional(),
  name: z.string().max(256).nullable().optional(),
  direction: z.enum(['in', 'out']).optional(),
  priority: z.number().int().min(1).max(5).optional(),
  satisfaction: z.number().min(-1).max(1).nullable().optional(),
  satisfactionLevel: satisfactionLevel.optional(),
  suggestedShortcuts: z.array(z.object({ shortcutId: z.string(), confidence: z.number().min(-1).max(1) })).optional(),
  status: z.enum(['open', 'snoozed', 'done']).optional(),
  replyChannel: z.string().max(256).nullable().optional(),
  subStatus: objectId.optional(),
  snooze: z.strictObject({ time: dateTime.optional(), status: z.enum(['scheduled', 'canceled', 'elapsed']) }).optional(),
  tags: tags.optional(),
  suggestedTags: uniqueArray(z.object({ tag: tagName, confidence: z.number() }), 20).optional(),
  sentiment: sentiment.optional(),
  assignedUsers: objectIds10.optional(),
  assignedTeams: objectIds10.optional(),
  custom: custom.optional(),
  deleted: z.boolean().nullable().optional(),
  ended: z.boolean().optional(),
  endedAt: dateTime.optional(),
  endedReason: z.string().max(128).optional(),
  endedBy: objectId.optional(),
  endedByType: z.enum(['user', 'customer']).optional(),
  locked: z.boolean().optional(),
  rev: z.number().optional(),
  defaultLang: z.string().max(100).nullable().optional(),
  queue: queueRef.optional(),
});
export type ConversationUpdateBody = z.infer<typeof conversationUpdateBody>;

/** Second branch of the oneOf: move the conversation to another customer. */
export const conversationMoveBody = z.strictObject({ customer: objectId.optional() });

/** POST/DELETE /v1/conversations/{id}/tags: an array of tag names. */
export const tagNamesBody = tags;
