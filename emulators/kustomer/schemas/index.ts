// The emulator's request schemas, keyed by "METHOD /path/template" (the route patterns), so tests
// can compare them with the OpenAPI description and validate endpoints outside it.
import type { z } from 'zod';
import { customerBody } from './customers.js';
import { conversationCreateBody, conversationUpdateBody, customerConversationCreateBody, tagNamesBody } from './conversations.js';
import { conversationMessageBody, messageBody, noteBody } from './messages-notes.js';
import { attachmentCreateBody, metadataBody, routingStatusBody, searchBody, workSessionUpdateBody } from './other.js';

export { outsideSpecQueries } from './other.js';
export { customerBody, conversationCreateBody, conversationUpdateBody, customerConversationCreateBody, tagNamesBody, conversationMessageBody, messageBody, noteBody };
export { attachmentCreateBody, metadataBody, routingStatusBody, searchBody, workSessionUpdateBody };

export const requestBodySchemas: Record<string, z.ZodType> = {
  'POST /v1/customers': customerBody,
  'PUT /v1/customers/{id}': customerBody,
  'PATCH /v1/customers/{id}': customerBody,
  'POST /v1/conversations': conversationCreateBody,
  'POST /v1/customers/{id}/conversations': customerConversationCreateBody,
  'PUT /v1/conversations/{id}': conversationUpdateBody,
  'PATCH /v1/conversations/{id}': conversationUpdateBody,
  'POST /v1/conversations/{id}/tags': tagNamesBody,
  'DELETE /v1/conversations/{id}/tags': tagNamesBody,
  'POST /v1/conversations/{id}/messages': conversationMessageBody,
  'POST /v1/messages': messageBody,
  'POST /v1/conversations/{id}/notes': noteBody,
  'POST /v1/attachments': attachmentCreateBody,
  'PUT /v1/metadata/{resource}': metadataBody,
  'POST /v1/customers/search': searchBody,
  'POST /v1/routing/statuses': routingStatusBody,
  'PUT /v1/routing/work-sessions/{id}': workSessionUpdateBody,
};
