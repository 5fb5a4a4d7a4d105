// Inputs of the control API (programmatic, HTTP /control/*, CLI and scenario steps), one zod
// schema each, so every entry point rejects the same mistakes with the same message.
import { z } from 'zod';
import { callbackSchema, customDataSchema, statusSourceSchema } from '../../common/protocol/index.js';
import { fail } from './sim-error.js';

export const INBOUND_TYPES = [
  'voice_inbound_ivr',
  'voice_inbound_app',
  'voice_inbound_web',
  'voice_scheduled_app',
  'voice_scheduled_web',
  'chat_inbound_app',
  'chat_inbound_web',
] as const;

const id = z.string().min(1);
const optText = z.string().min(1).nullable().optional();

export const inboundInput = z.strictObject({
  type: z.enum(INBOUND_TYPES),
  queueId: id,
  phone: optText,
  identifier: optText,
  email: optText,
  name: optText,
  language: optText,
  dialedNumber: optText,
  customData: customDataSchema.optional(),
  recordingEnabled: z.boolean().optional(),
  callback: callbackSchema.nullable().optional(),
  inWebEmail: optText,
  /** Chats only: what the consumer (or a bot) wrote before an agent was assigned. */
  initialMessages: z
    .array(z.union([z.string().min(1), z.strictObject({ from: z.enum(['consumer', 'bot']), text: z.string().min(1) })]))
    .optional(),
});

export const sessionRefInput = z.strictObject({ sessionId: id });
export const messageInput = z.strictObject({
  sessionId: id,
  text: z.string().min(1).max(10_000),
  from: z.enum(['consumer', 'bot']).default('consumer'),
});
export const holdInput = z.strictObject({ sessionId: id, on: z.boolean() });
export const csatInput = z.strictObject({
  sessionId: id,
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable().default(null),
});
export const smartActionInput = z.strictObject({
  sessionId: id,
  type: id,
  status: z.enum(['completed', 'failed']),
  error: z.string().nullable().optional(),
  result: z.record(z.string(), z.unknown()).nullable().optional(),
  /** Files the action produced; the simulator serves them under /media/files/. */
  files: z
    .array(z.strictObject({ name: z.string().regex(/^[\w.-]+$/), mimeType: id.default('text/plain'), content: z.string().optional() }))
    .default([]),
});
export const voicemailInput = z.strictObject({
  phone: optText,
  identifier: optText,
  email: optText,
  name: optText,
  queueId: id.nullable().optional(),
  language: optText,
  dialedNumber: optText,
  durationSec: z.number().nonnegative().default(12),
});
export const voicemailUpdateInput = z.strictObject({
  voicemailId: id,
  action: z.enum(['read', 'closed', 'called_back']),
  byEmail: id,
});
export const settingsPatchInput = z.record(z.string(), z.unknown());
export const agentStatusInput = z.strictObject({
  email: id,
  statusId: id,
  source: statusSourceSchema.default('supervisor'),
});
export const transferInput = z.union([
  z.strictObject({ sessionId: id, toAgentId: id }),
  z.strictObject({ sessionId: id, toAgentEmail: id }),
  z.strictObject({ sessionId: id, toQueueId: id }),
]);
export const dialInput = z.strictObject({ email: id, number: z.string().min(1).max(40), queueId: id.optional() });
export const recordingInput = z.strictObject({ sessionId: id, durationSec: z.number().nonnegative().optional() });

export type InboundInput = z.input<typeof inboundInput>;
export type SmartActionInput = z.input<typeof smartActionInput>;
export type VoicemailInput = z.input<typeof voicemailInput>;
export type TransferInput = z.input<typeof transferInput>;

/** Parse or throw a `bad_request` SimError naming the input. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) fail('bad_request', `${what}: ${z.prettifyError(r.error).replace(/\n/g, '; ')}`);
  return r.data;
}
