// The IPC contract between the renderer and the main-process core: every channel with its
// request and response schema. Electron (ipcMain.handle via the typed wrapper) and the browser
// host (WebSocket) serve the same contract; both parse every request with these schemas and
// check the sender before a handler runs. Adding a channel here is the only way to add one.
import { z } from 'zod';
import { settingsSchema, crmKindSchema } from '../protocol/settings.js';
import { sessionSchema } from '../protocol/session.js';
import { appStateSchema, localizedTextSchema } from './app-state.js';
import { kustomerPageMessageSchema, type kustomerApplySchema } from './kustomer-page.js';
import { prefsPatchSchema, prefsSchema } from './prefs.js';

/** Every reply: a value, or an error the UI can show (expected failures are values). */
export const ipcErrorSchema = z.object({ code: z.string(), message: z.string(), text: localizedTextSchema.optional() });
export type IpcError = z.infer<typeof ipcErrorSchema>;
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const sessionRef = z.object({ sessionId: z.string().min(1).max(100) }).strict();
const ack = z.object({ sessionId: z.string().optional() }).loose();
const none = z.object({}).strict();

/** A sample session for the rules preview (ADMIN-1): what would happen to the CRM. */
export const rulesPreviewRequestSchema = z
  .object({
    settings: settingsSchema,
    /** The events of the sample, in order, e.g. assigned, connected, message x3, ended. */
    sample: z.object({
      session: sessionSchema,
      steps: z.array(
        z.discriminatedUnion('event', [
          z.object({ event: z.literal('assigned') }),
          z.object({ event: z.literal('connected') }),
          z.object({ event: z.literal('message'), from: z.enum(['consumer', 'agent']), text: z.string().max(2000) }),
          z.object({ event: z.literal('abandoned'), short: z.boolean(), stage: z.enum(['queued', 'assigned']) }),
          z.object({ event: z.literal('ended'), durationSec: z.number().nonnegative() }),
          z.object({ event: z.literal('recording') }),
          z.object({ event: z.literal('csat'), rating: z.number().int().min(1).max(5) }),
        ]),
      ).max(50),
    }),
  })
  .strict();

export const rulesPreviewResultSchema = z.object({
  operations: z.array(z.object({ step: z.number().int(), kind: z.string(), summary: z.string(), detail: z.record(z.string(), z.unknown()) })),
  trace: z.array(z.object({ step: z.number().int(), rule: z.string() })),
});

export const customFieldResultSchema = z.object({
  field: z.string(),
  crmName: z.string(),
  state: z.enum(['pending', 'created', 'exists', 'failed']),
  error: z.string().nullable(),
});

/**
 * Addition: sign in with the token the contact center issued to the agent (e.g. from its SSO page).
 * The core connects with it and answers once the contact center greeted the agent (`hello`) or
 * refused; only then is anything stored. `remember` (default true): keep the token, encrypted by
 * the OS (safeStorage), for the next start; false: this run only. `sipPassword`: the agent's SIP
 * password, kept the same way.
 */
export const signInRequestSchema = z
  .object({
    token: z.string().trim().min(1).max(4096),
    remember: z.boolean().optional(),
    sipPassword: z.string().min(1).max(4096).optional(),
  })
  .strict();

export const ipcContract = {
  /** The whole state, on start and whenever the renderer wants a fresh copy. */
  'app:getState': { request: none, response: appStateSchema },
  'auth:signIn': { request: signInRequestSchema, response: z.object({ email: z.string(), remembered: z.boolean() }) },
  /** Addition: disconnect, stop the engines (pending CRM writes stay journalled) and forget the stored token and SIP password. */
  'auth:signOut': { request: none, response: none },
  'app:setLocale': { request: z.object({ locale: z.enum(['en', 'ko']) }).strict(), response: none },
  'app:dismissNotice': { request: z.object({ id: z.string().min(1) }).strict(), response: none },
  /** Addition: change local preferences (audio devices, ringtone, shortcuts, locale). */
  'prefs:set': { request: prefsPatchSchema, response: prefsSchema },

  'status:set': { request: z.object({ statusId: z.string().min(1).max(100) }).strict(), response: none },

  'session:accept': { request: sessionRef, response: ack },
  'session:reject': { request: sessionRef, response: ack },
  'session:end': { request: sessionRef, response: ack },
  'session:sendMessage': { request: z.object({ sessionId: z.string().min(1), text: z.string().trim().min(1).max(10_000) }).strict(), response: z.object({ messageId: z.string() }) },
  'session:typing': { request: z.object({ sessionId: z.string().min(1), typing: z.boolean() }).strict(), response: none },
  'session:transfer': {
    request: z.union([
      z.object({ sessionId: z.string().min(1), toAgentId: z.string().min(1) }).strict(),
      z.object({ sessionId: z.string().min(1), toQueueId: z.string().min(1) }).strict(),
    ]),
    response: ack,
  },
  'call:dial': { request: z.object({ number: z.string().trim().min(1).max(40).regex(/^[+0-9*#()\-. ]+$/, 'digits, +, *, #, spaces, dashes'), queueId: z.string().optional() }).strict(), response: z.object({ sessionId: z.string() }) },
  /** Put a number into the dial pad without calling (KUS-1 click-to-call lands here first). */
  'call:prefill': { request: z.object({ number: z.string().trim().min(1).max(40) }).strict(), response: none },

  /** POP-1: show the session's record in the Kustomer view. */
  'record:open': { request: sessionRef, response: none },
  /** Try a failed CRM write again. */
  'record:retry': { request: z.object({ entryId: z.number().int().positive() }).strict(), response: none },

  'admin:saveSettings': { request: z.object({ settings: settingsSchema }).strict(), response: none },
  'admin:previewRules': { request: rulesPreviewRequestSchema, response: rulesPreviewResultSchema },
  /** KUS-2: create the standard custom fields in the CRM; progress arrives in state notices. */
  'admin:createCustomFields': { request: z.object({ fields: z.array(z.string().min(1)).min(1).max(20) }).strict(), response: z.object({ results: z.array(customFieldResultSchema) }) },
  /** SYNC-1: the user statuses defined in Kustomer, for the mapping screen. */
  'admin:listCrmStatuses': { request: none, response: z.object({ statuses: z.array(z.object({ name: z.string(), statusType: z.string() })) }) },

  /** Local secrets (CRM key, SIP password): written only through safeStorage (SEC-1). */
  'secrets:set': { request: z.object({ name: z.enum(['crm.apiKey', 'sip.password']), value: z.string().min(1).max(4096) }).strict(), response: none },
  'softphone:getPassword': { request: none, response: z.object({ password: z.string().nullable() }) },
  /** Electron: where the Kustomer view (a WebContentsView owned by main) sits in the window. */
  'kustomer:setBounds': { request: z.object({ x: z.number().int().min(0), y: z.number().int().min(0), width: z.number().int().min(0), height: z.number().int().min(0), visible: z.boolean() }).strict(), response: none },
  /**
   * Browser host only: a message from the Kustomer page (iframe), relayed by the renderer. The
   * core treats it exactly like the webview preload's IPC message (same schema, same checks).
   */
  'kustomer:pageMessage': { request: kustomerPageMessageSchema, response: none },
  /** The softphone reports SIP state for the supervisor view and logs. */
  'softphone:report': { request: z.object({ registered: z.boolean(), detail: z.string().max(500).optional() }).strict(), response: none },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['response']>;
export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

/** Main -> renderer push channel. */
export { STATE_CHANNEL } from './channel-names.js';

export function isIpcChannel(name: string): name is IpcChannel {
  return Object.hasOwn(ipcContract, name);
}

/** The API the preload (Electron) or the WebSocket bridge (browser host) gives the renderer. */
export interface AgentDeskApi {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>;
  onState(listener: (state: z.infer<typeof appStateSchema>) => void): () => void;
  /** Browser host only: apply requests for the Kustomer page, which the renderer posts to its iframe. */
  onKustomerApply(listener: (apply: z.infer<typeof kustomerApplySchema>) => void): () => void;
  /** Which host runs the app: 'electron' or 'browser'. */
  readonly host: 'electron' | 'browser';
}

export { crmKindSchema };
