// Server -> client events (PROTOCOL.md). Each carries `seq` and `at`; the client parses every
// payload with these schemas and rejects anything else with a clear error.
import { z } from 'zod';
import { queueSchema, sessionSchema, customerSchema } from './session.js';
import { settingsSchema, crmKindSchema } from './settings.js';

/** `admin` is an extension: may change the settings (`settings.update`). */
export const ROLES = ['agent', 'supervisor', 'orchestrator', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const STATUS_SOURCES = ['agent', 'crm', 'system', 'supervisor'] as const;
export const statusSourceSchema = z.enum(STATUS_SOURCES);
export type StatusSource = z.infer<typeof statusSourceSchema>;

export const agentStatusDefSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['available', 'unavailable', 'system']),
});
export type AgentStatusDef = z.infer<typeof agentStatusDefSchema>;

export const agentRefSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  crmUserId: z.string().nullable().default(null),
});
export type AgentRef = z.infer<typeof agentRefSchema>;

export const agentSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  crmUserId: z.string().nullable().default(null),
});
export type Agent = z.infer<typeof agentSchema>;

/** Extension: `hello.sip`, the agent's SIP address of record and authorization user. */
export const agentSipSchema = z.object({
  uri: z.string().regex(/^sips?:[^@\s]+@[^\s]+$/, 'a SIP URI such as sip:ag-1001@agentdesk.test'),
  user: z.string().min(1),
});
export type AgentSip = z.infer<typeof agentSipSchema>;

const envelope = { seq: z.number().int().nonnegative(), at: z.iso.datetime({ offset: true }) };

export const chatMessageSchema = z.object({
  id: z.string().min(1),
  from: z.enum(['consumer', 'agent', 'bot']),
  text: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.string(), mimeType: z.string() })).default([]),
  /** Extension: when the message was sent (defaults to the event's `at`). */
  sentAt: z.iso.datetime({ offset: true }).optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const fileRefSchema = z.object({ name: z.string().min(1), url: z.string().min(1), mimeType: z.string().min(1) });
export type FileRef = z.infer<typeof fileRefSchema>;

export const voicemailSchema = z.object({
  id: z.string().min(1),
  customer: customerSchema,
  queue: queueSchema.nullable(),
  menuPath: z.string().nullable().default(null),
  language: z.string().nullable().default(null),
  dialedNumber: z.string().nullable().default(null),
  recordingUrl: z.string().min(1),
  durationSec: z.number().nonnegative(),
  /** Extension: when the voicemail was left (defaults to the event's `at`). */
  createdAt: z.iso.datetime({ offset: true }).optional(),
});
export type Voicemail = z.infer<typeof voicemailSchema>;

export const supervisorAgentSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string(),
  statusId: z.string(),
  source: statusSourceSchema,
  since: z.iso.datetime({ offset: true }),
  sessionId: z.string().nullable().optional(),
  /** Extension: whether the agent is connected right now, and how many connections it has (SYNC-5). */
  online: z.boolean().optional(),
  connections: z.number().int().nonnegative().optional(),
});
export type SupervisorAgent = z.infer<typeof supervisorAgentSchema>;

export const serverEventSchemas = {
  hello: z.object({
    ...envelope,
    agent: agentSchema,
    statuses: z.array(agentStatusDefSchema),
    settings: settingsSchema,
    queues: z.array(queueSchema),
    /** Extension: the agent's current status, and how many connections share this identity (SYNC-5). */
    statusId: z.string().optional(),
    connections: z.number().int().positive().optional(),
    /**
     * Extension (SOFT-1): the signed-in agent's own SIP account, so the softphone registers as this
     * agent; the SIP server (wsUrl) and the password stay local. Absent: the local configuration's.
     */
    sip: agentSipSchema.optional(),
  }),
  settings: z.object({ ...envelope, settings: settingsSchema }),
  'agent.status': z.object({ ...envelope, statusId: z.string().min(1), source: statusSourceSchema }),
  'session.assigned': z.object({ ...envelope, session: sessionSchema }),
  'session.connected': z.object({ ...envelope, sessionId: z.string().min(1) }),
  'session.message': z.object({ ...envelope, sessionId: z.string().min(1), message: chatMessageSchema }),
  'session.transferred': z.object({
    ...envelope,
    sessionId: z.string().min(1),
    toAgent: agentRefSchema,
    fromAgent: agentRefSchema,
    /** Extension: the full session, so the receiving agent can act on it. */
    session: sessionSchema.optional(),
  }),
  'session.abandoned': z.object({
    ...envelope,
    sessionId: z.string().min(1),
    session: sessionSchema.optional(),
    short: z.boolean(),
    stage: z.enum(['queued', 'assigned']),
    consumerMessages: z.number().int().nonnegative().default(0),
  }),
  'session.ended': z.object({
    ...envelope,
    sessionId: z.string().min(1),
    durationSec: z.number().nonnegative(),
    waitSec: z.number().nonnegative(),
    holdSec: z.number().nonnegative(),
  }),
  'session.recording': z.object({
    ...envelope,
    sessionId: z.string().min(1),
    url: z.string().min(1),
    mimeType: z.string().min(1),
    durationSec: z.number().nonnegative(),
  }),
  'session.csat': z.object({
    ...envelope,
    sessionId: z.string().min(1),
    rating: z.number().int().min(1).max(5),
    comment: z.string().nullable().default(null),
  }),
  'session.smartAction': z.object({
    ...envelope,
    sessionId: z.string().min(1),
    action: z.object({
      id: z.string().min(1),
      type: z.string().min(1),
      status: z.enum(['completed', 'failed']),
      error: z.string().nullable().optional(),
      result: z.record(z.string(), z.unknown()).nullable().optional(),
      files: z.array(fileRefSchema).default([]),
    }),
  }),
  'session.record': z.object({
    ...envelope,
    sessionId: z.string().min(1),
    crm: crmKindSchema,
    recordId: z.string().min(1),
    customerId: z.string().nullable(),
    url: z.string(),
  }),
  /**
   * Extension: an offer was withdrawn from this agent before it connected (it let the session
   * ring out, or rejected it), so every instance of the desktop stops ringing.
   */
  'session.revoked': z.object({
    ...envelope,
    sessionId: z.string().min(1),
    reason: z.enum(['ring_timeout', 'rejected']),
  }),
  'voicemail.created': z.object({ ...envelope, voicemail: voicemailSchema }),
  'voicemail.updated': z.object({
    ...envelope,
    voicemailId: z.string().min(1),
    action: z.enum(['read', 'closed', 'called_back']),
    by: z.object({ id: z.string().min(1), email: z.string() }),
  }),
  'supervisor.agents': z.object({ ...envelope, agents: z.array(supervisorAgentSchema) }),
} as const;

export type ServerEventName = keyof typeof serverEventSchemas;
export type ServerEvent<N extends ServerEventName = ServerEventName> = {
  [K in N]: { name: K; payload: z.infer<(typeof serverEventSchemas)[K]> };
}[N];
export type ServerPayload<N extends ServerEventName> = z.infer<(typeof serverEventSchemas)[N]>;
export const SERVER_EVENT_NAMES = Object.keys(serverEventSchemas) as ServerEventName[];

export function isServerEventName(name: string): name is ServerEventName {
  return Object.hasOwn(serverEventSchemas, name);
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parse one inbound event; a bad payload yields a readable error, never a throw. */
export function parseServerEvent(name: string, payload: unknown): ParseResult<ServerEvent> {
  if (!isServerEventName(name)) return { ok: false, error: `unknown event "${name}"` };
  const r = serverEventSchemas[name].safeParse(payload);
  if (!r.success) return { ok: false, error: `malformed "${name}": ${z.prettifyError(r.error).replace(/\n/g, '; ')}` };
  return { ok: true, value: { name, payload: r.data } as ServerEvent };
}
