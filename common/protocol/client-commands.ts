// Client -> server commands with acknowledgements (PROTOCOL.md).
import { z } from 'zod';
import { crmKindSchema, settingsSchema } from './settings.js';

export const commandSchemas = {
  'agent.setStatus': z.object({ statusId: z.string().min(1), source: z.enum(['agent', 'crm']) }),
  'session.accept': z.object({ sessionId: z.string().min(1) }),
  'session.reject': z.object({ sessionId: z.string().min(1) }),
  'session.sendMessage': z.object({ sessionId: z.string().min(1), text: z.string().min(1).max(10_000) }),
  'session.end': z.object({ sessionId: z.string().min(1) }),
  'session.transfer': z.union([
    z.object({ sessionId: z.string().min(1), toAgentId: z.string().min(1) }),
    z.object({ sessionId: z.string().min(1), toQueueId: z.string().min(1) }),
  ]),
  'call.dial': z.object({ number: z.string().min(1).max(40), queueId: z.string().min(1).optional() }),
  'record.linked': z.object({
    sessionId: z.string().min(1),
    crm: crmKindSchema,
    recordId: z.string().min(1),
    customerId: z.string().nullable(),
    url: z.string(),
  }),
  /** Extension: the chat consumer is typing / the agent is typing (CHAT-1). */
  'session.typing': z.object({ sessionId: z.string().min(1), typing: z.boolean() }),
  /**
   * Extension: an admin saves the whole settings object from the desktop (ADMIN-1). Accepted from
   * identities holding the `admin` or `supervisor` role; the server then pushes `settings` to
   * every identity, the sender included.
   */
  'settings.update': z.object({ settings: settingsSchema }),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<N extends CommandName> = z.infer<(typeof commandSchemas)[N]>;

export const ackErrorSchema = z.object({ code: z.string(), message: z.string() });
export const ackSchema = z.union([
  z.object({ ok: z.literal(true) }).loose(),
  z.object({ ok: z.literal(false), error: ackErrorSchema }),
]);
export type Ack = { ok: true; [k: string]: unknown } | { ok: false; error: { code: string; message: string } };

export const ACK_ERROR_CODES = ['bad_request', 'not_found', 'forbidden', 'conflict', 'unavailable'] as const;
