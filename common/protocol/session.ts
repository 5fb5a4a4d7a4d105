// The contact center's session shape (PROTOCOL.md "session"). Every inbound copy is parsed here.
import { z } from 'zod';

export const CHANNELS = ['voice', 'chat'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const SESSION_TYPES = [
  'voice_inbound_ivr',
  'voice_inbound_app',
  'voice_inbound_web',
  'voice_scheduled_app',
  'voice_scheduled_web',
  'voice_outbound',
  'chat_inbound_app',
  'chat_inbound_web',
  'voicemail',
] as const;
export const sessionTypeSchema = z.enum(SESSION_TYPES);
export type SessionType = z.infer<typeof sessionTypeSchema>;

export const queueSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  path: z.array(z.string()),
  leaf: z.boolean(),
});
export type Queue = z.infer<typeof queueSchema>;

export const customerSchema = z.object({
  phone: z.string().min(1).nullable().default(null),
  identifier: z.string().min(1).nullable().default(null),
  email: z.string().min(1).nullable().default(null),
  name: z.string().min(1).nullable().default(null),
});
export type SessionCustomer = z.infer<typeof customerSchema>;

export const callbackSchema = z.object({
  kind: z.enum(['after_call', 'short_call_button']),
  ofSessionId: z.string().min(1),
});
export type Callback = z.infer<typeof callbackSchema>;

/** Custom data from the mobile/web SDK: flat scalar values (KUS-4). */
export const customDataSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const sessionSchema = z.object({
  id: z.string().min(1),
  channel: channelSchema,
  type: sessionTypeSchema,
  queue: queueSchema.nullable(),
  menuPath: z.string().nullable().default(null),
  language: z.string().nullable().default(null),
  dialedNumber: z.string().nullable().default(null),
  customer: customerSchema,
  customData: customDataSchema.default({}),
  startedAt: z.iso.datetime({ offset: true }),
  recordingEnabled: z.boolean().default(false),
  callback: callbackSchema.nullable().default(null),
  sipCallHeader: z.string().default('X-Session-Id'),
  /** Extension (optional): the e-mail the consumer typed in the web widget (KUS-2 inWebEmail). */
  inWebEmail: z.string().nullable().optional(),
});
export type Session = z.infer<typeof sessionSchema>;
export type SessionInput = z.input<typeof sessionSchema>;

export function isVoice(s: Pick<Session, 'channel'>): boolean {
  return s.channel === 'voice';
}
