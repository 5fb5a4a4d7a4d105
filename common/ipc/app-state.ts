// The renderer's view of the app: one state object the main-process core owns and pushes to the
// renderer whenever it changes (channel `state`). The renderer never derives business state on
// its own; it renders this and sends commands (contract.ts).
import { z } from 'zod';
import { agentSchema, agentStatusDefSchema, chatMessageSchema, statusSourceSchema, supervisorAgentSchema } from '../protocol/server-events.js';
import { queueSchema, sessionSchema } from '../protocol/session.js';
import { settingsSchema, crmKindSchema } from '../protocol/settings.js';
import { prefsSchema } from './prefs.js';

export const localizedTextSchema = z.object({ en: z.string(), ko: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  /** i18n key, e.g. `statusSync.unmapped`, `record.failed`. */
  key: z.string(),
  text: localizedTextSchema,
  at: z.string(),
});
export type AppNotice = z.infer<typeof noticeSchema>;

/** POP-1: the record card of a live session, with its write state. */
export const recordCardSchema = z.object({
  sessionId: z.string(),
  crm: crmKindSchema,
  recordId: z.string().nullable(),
  url: z.string().nullable(),
  subject: z.string(),
  /** open/closed as far as AgentDesk knows (it reopened or created it: open). */
  status: z.enum(['open', 'closed', 'unknown']),
  writeState: z.enum(['pending', 'written', 'retrying', 'failed']),
  attempts: z.number().int().nonnegative(),
  error: z.string().nullable(),
  /** Outbox entry id of a failed write, for "try again". */
  failedEntryId: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type RecordCard = z.infer<typeof recordCardSchema>;

export const liveSessionSchema = z.object({
  session: sessionSchema,
  phase: z.enum(['ringing', 'connected', 'ended', 'abandoned', 'transferred']),
  assignedAt: z.string(),
  connectedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Chat messages (CHAT-1), oldest first. */
  messages: z.array(chatMessageSchema.extend({ at: z.string() })),
  /** The consumer is typing (CHAT-1). */
  consumerTyping: z.boolean(),
  record: recordCardSchema.nullable(),
});
export type LiveSession = z.infer<typeof liveSessionSchema>;

export const callHistoryEntrySchema = z.object({
  sessionId: z.string(),
  direction: z.enum(['in', 'out']),
  number: z.string().nullable(),
  name: z.string().nullable(),
  at: z.string(),
  durationSec: z.number().nonnegative().nullable(),
  outcome: z.enum(['answered', 'missed', 'rejected', 'abandoned', 'transferred']),
});

/** One status decision, for "why did my status change" (SYNC audit) and the supervisor view. */
export const statusAuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  before: z.object({ cc: z.string().nullable(), crm: z.string().nullable() }),
  after: z.object({ cc: z.string().nullable(), crm: z.string().nullable() }),
  source: statusSourceSchema,
  rule: z.string(),
  explanation: localizedTextSchema,
});
export type StatusAuditEntry = z.infer<typeof statusAuditEntrySchema>;

export const preconditionFindingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  text: localizedTextSchema,
});

/**
 * Addition: who is signed in. The desktop starts signed out when no sign-in token is stored or
 * configured, and connects to nothing until the agent signs in (`auth:signIn`).
 */
export const authStateSchema = z.object({
  /** `failed`: signed out because the last sign-in (or the stored one) was refused or failed; see `error`. */
  state: z.enum(['signed-out', 'signing-in', 'signed-in', 'failed']),
  /** The identity signed in or signing in: the token's e-mail, then the agent's from `hello`. */
  email: z.string().nullable(),
  /** Why the last sign-in failed, in both languages (`code`: auth_refused, unreachable, timeout, in_use, ...). */
  error: z.object({ code: z.string(), text: localizedTextSchema }).nullable(),
  /** The contact center this computer is set up for (managed configuration or environment). */
  contactCenterUrl: z.string(),
  /** Where the signed-in token came from: stored encrypted by the OS, this run only, or the configuration. */
  source: z.enum(['stored', 'session', 'config']).nullable(),
  /** A SIP server is configured on this computer: the sign-in screen offers the SIP password field. */
  sipServer: z.boolean(),
});
export type AuthState = z.infer<typeof authStateSchema>;

export const appStateSchema = z.object({
  /** Increases with every push; the renderer drops older ones. */
  version: z.number().int().nonnegative(),
  connection: z.object({
    contactCenter: z.enum(['connecting', 'connected', 'disconnected']),
    detail: z.string().nullable(),
    /** A second AgentDesk for the same agent (SYNC-5): this instance is the extra one. */
    duplicateInstance: z.boolean(),
  }),
  agent: agentSchema.nullable(),
  statuses: z.array(agentStatusDefSchema),
  queues: z.array(queueSchema),
  settings: settingsSchema,
  /** Setting paths IT locked in the managed configuration (e.g. "recordCreation.abandonedCalls"). */
  lockedSettings: z.array(z.string()),
  status: z.object({
    statusId: z.string().nullable(),
    source: statusSourceSchema.nullable(),
    since: z.string().nullable(),
    /** The Kustomer user status shown in the page, when known. */
    crmStatus: z.string().nullable(),
  }),
  sessions: z.array(liveSessionSchema),
  callHistory: z.array(callHistoryEntrySchema),
  /** Records of sessions that are over but whose writes are not finished or failed. */
  pendingWrites: z.number().int().nonnegative(),
  failedWrites: z.number().int().nonnegative(),
  audit: z.array(statusAuditEntrySchema),
  preconditions: z.array(preconditionFindingSchema),
  notices: z.array(noticeSchema),
  supervisor: z.array(supervisorAgentSchema).nullable(),
  kustomer: z.object({
    /** The Kustomer app origin the webview may show. */
    appUrl: z.string().nullable(),
    /** Where the webview should be now (a popped record), bumped by `nonce` to navigate again. */
    navigate: z.object({ url: z.string(), nonce: z.number().int() }).nullable(),
    userEmail: z.string().nullable(),
    pageInstances: z.number().int().nonnegative(),
  }),
  softphone: z.object({
    /** SIP over WebSocket (SOFT-1); null when no SIP server is configured (answer by protocol only). */
    sip: z
      .object({ wsUrl: z.string(), uri: z.string(), authorizationUsername: z.string(), displayName: z.string(), hasPassword: z.boolean() })
      .nullable(),
    /** A number to put in the dial pad (KUS-1 click-to-call, OS tel: links), bumped by nonce. */
    dialRequest: z.object({ number: z.string(), nonce: z.number().int() }).nullable(),
    /**
     * Addition: a global shortcut asked to answer the ringing session or hang up the current one;
     * the renderer does what its own button does (SIP and `session:*`), once per nonce.
     */
    action: z.object({ kind: z.enum(['answer', 'hangUp']), sessionId: z.string(), nonce: z.number().int() }).nullable().optional(),
  }),
  locale: z.enum(['en', 'ko']),
  /** Addition: the user's local preferences (audio devices, ringtone, shortcuts); see `prefs:set`. */
  prefs: prefsSchema.optional(),
  /** Addition: sign-in state (absent from older cores: signed in). */
  auth: authStateSchema.optional(),
});
export type AppState = z.infer<typeof appStateSchema>;
