// The status-sync engine (SYNC-1..SYNC-7): pure decisions, the I/O shell, audit and preconditions.
// Rules are documented in docs/status-sync.md.
export * from './types.js';
export { decide, sourceOf } from './decide.js';
export { initialState, DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_ECHO_TTL_MS, RECENT_WRITES, WRITES_PER_CHANGE } from './state.js';
export type { DecideContext, DecideResult, Intent, PendingWrite, SyncState } from './state.js';
export { mapToCc, pickCrmStatus } from './mapping.js';
export type { ReversePick, ReverseRule } from './mapping.js';
export { AuditRing, DEFAULT_AUDIT_CAPACITY, explain } from './audit.js';
export { RULE_TEXTS } from './rule-texts.js';
export { NOTICE_TEMPLATES, notice } from './messages.js';
export type { NoticeKey } from './messages.js';
export { checkPreconditions, UNDETECTABLE_PRECONDITIONS } from './preconditions.js';
export type { Finding, FindingId, PreconditionInput } from './preconditions.js';
export { crmStatusReportSchema, crmStatusInput, ccStatusInput, loginInput, settingsInput, isoToMillis } from './inputs.js';
export type { CrmStatusReport } from './inputs.js';
export { StatusSyncService } from './service.js';
export type { ChangeListener, Clock, CrmApplyResult, Log, StatusSyncOptions, StatusSyncPorts, SyncChange } from './service.js';
