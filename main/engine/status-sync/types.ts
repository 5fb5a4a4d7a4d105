// Types of the status-sync engine (SYNC-1..SYNC-7): what goes in, what comes out, and what the
// engine remembers between inputs. Times are epoch milliseconds; adapters convert ISO stamps.
import type { AgentStatusDef, StatusSource, StatusSyncSettings } from '../../../common/protocol/index.js';

export type { AgentStatusDef, StatusSource, StatusSyncSettings };

export const CRM_STATUS_TYPES = ['available', 'busy', 'unavailable', 'offline'] as const;
/** Kustomer routing statusType; `busy` is set by Kustomer itself during work. */
export type CrmStatusType = (typeof CRM_STATUS_TYPES)[number];
export type Side = 'cc' | 'crm';
export type Millis = number;

// ---- inputs -------------------------------------------------------------------------------

/** The Kustomer page reported its user status (webview preload -> IPC). */
export interface CrmStatusInput {
  type: 'crm.status';
  name: string;
  statusType?: CrmStatusType | undefined;
  origin: 'page-load' | 'change';
  /**
   * Set by the webview preload when this change is the result of our own apply request (the
   * `commandId` of crm.setStatus): an exact echo. Untagged changes fall back to value matching.
   */
  commandId?: string | undefined;
  at: Millis;
}
/** The contact center's `agent.status`. */
export interface CcStatusInput {
  type: 'cc.status';
  statusId: string;
  source: StatusSource;
  at: Millis;
}
export interface CcAckInput {
  type: 'cc.ack';
  commandId: string;
  /** The status the contact center reports in its ack, when it does. */
  statusId?: string | undefined;
  at: Millis;
}
export interface FailureInfo {
  code: string;
  message: string;
}
export interface CcNackInput {
  type: 'cc.nack';
  commandId: string;
  error: FailureInfo;
  at: Millis;
}
export interface CrmAppliedInput {
  type: 'crm.applied';
  commandId: string;
  at: Millis;
}
export interface CrmFailedInput {
  type: 'crm.failed';
  commandId: string;
  error: FailureInfo;
  at: Millis;
}
/** The contact center's hello: a (re)login with the current status, when the server sends it. */
export interface LoginInput {
  type: 'login';
  statusId: string | null;
  statuses: AgentStatusDef[];
  settings?: StatusSyncSettings | undefined;
  at: Millis;
}
export interface SettingsInput {
  type: 'settings';
  settings: StatusSyncSettings;
  at: Millis;
}
export type SyncInput =
  | CrmStatusInput
  | CcStatusInput
  | CcAckInput
  | CcNackInput
  | CrmAppliedInput
  | CrmFailedInput
  | LoginInput
  | SettingsInput;

// ---- outputs ------------------------------------------------------------------------------

export interface LocalizedText {
  en: string;
  ko: string;
}
export type NoticeLevel = 'info' | 'warning' | 'error';
export interface Notice {
  level: NoticeLevel;
  /** i18n key, e.g. `statusSync.unmapped`. */
  key: string;
  params: Record<string, string>;
  text: LocalizedText;
}
export interface CcSetStatusAction {
  type: 'cc.setStatus';
  commandId: string;
  statusId: string;
  source: 'crm';
}
export interface CrmSetStatusAction {
  type: 'crm.setStatus';
  commandId: string;
  name: string;
}
export interface NoticeAction {
  type: 'notice';
  notice: Notice;
}
export type WriteAction = CcSetStatusAction | CrmSetStatusAction;
export type SyncAction = WriteAction | NoticeAction;

export const AUDIT_RULES = [
  'unmapped',
  'SYNC-2 mapped',
  'SYNC-2 in-sync',
  'SYNC-2 one-way',
  'SYNC-3 reverse',
  'SYNC-3 keep-current',
  'SYNC-3 first-mapped',
  'SYNC-3 no-reverse',
  'SYNC-3 crm-not-loaded',
  'SYNC-4 crm-overrides',
  'SYNC-4 override-refused',
  'SYNC-4 system-status',
  'SYNC-4 crm-busy',
  'SYNC-4 deferred',
  'SYNC-4 pending-applied',
  'SYNC-6 waiting',
  'SYNC-6 login-apply',
  'SYNC-6 login-init',
  'SYNC-6 reconnect',
  'SYNC-7 echo-suppressed',
  'SYNC-7 out-of-order',
  'SYNC-7 older-than-other-side',
  'SYNC-7 foreign-crm-change',
  'SYNC-7 write-limit',
  'command-ack',
  'command-failed',
  'settings',
  'disabled',
] as const;
export type AuditRule = (typeof AUDIT_RULES)[number];

export interface StatusPair {
  cc: string | null;
  crm: string | null;
}
export interface AuditEntry {
  /** Decision number, increasing per engine instance. */
  seq: number;
  /** When the decision was taken (ctx.now). */
  at: Millis;
  before: StatusPair;
  after: StatusPair;
  /** Who caused the input: the CRM (Kustomer page or our own sync), the agent, a supervisor, the system. */
  source: StatusSource;
  rule: AuditRule;
  input: SyncInput;
  actions: SyncAction[];
  /** English detail for logs and support; the UI renders `rule` through rule-texts. */
  note?: string;
}
