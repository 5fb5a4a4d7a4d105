// The engine's state: its shape, construction, and the small helpers every rule module shares.
import type {
  AgentStatusDef,
  AuditEntry,
  CcStatusInput,
  CrmStatusInput,
  CrmStatusType,
  Millis,
  Side,
  StatusPair,
  StatusSource,
  StatusSyncSettings,
  SyncAction,
} from './types.js';

export interface DecideResult {
  state: SyncState;
  actions: SyncAction[];
  audit: AuditEntry;
}
export interface DecideContext {
  now: Millis;
  /** How long the echo of an acknowledged write of ours is awaited (SYNC-7). */
  echoTtlMs?: number;
  /** How long a write without acknowledgement is considered in flight. */
  commandTimeoutMs?: number;
  /**
   * The Kustomer preload tags every change it applies for us with our command id, so an untagged
   * Kustomer change is always the agent's: value matching is then not used on that side (SYNC-7).
   */
  crmEchoTags?: boolean;
}

/** A write of ours whose echo is still expected (SYNC-7 echo guard token). */
export interface PendingWrite {
  commandId: string;
  side: Side;
  value: string;
  /** Until the ack: sent + command timeout; after it: ack + echo TTL. */
  expiresAt: Millis;
  acked: boolean;
  /** The side's event counter when sent: an ack only updates the known status if nothing newer came. */
  eventsAtSend: number;
}
/** The real change that currently decides what both sides should show. */
export type Intent = { side: 'crm'; name: string; at: Millis } | { side: 'cc'; statusId: string; at: Millis };

export interface SyncState {
  settings: StatusSyncSettings;
  statuses: AgentStatusDef[];
  loggedIn: boolean;
  crmLoaded: boolean;
  /** SYNC-6 latch: the login step ran for the current Kustomer page load. */
  loginApplied: boolean;
  cc: { statusId: string | null; source: StatusSource | null; at: Millis | null };
  crm: { name: string | null; statusType: CrmStatusType | null; at: Millis | null };
  intent: Intent | null;
  /** A real change could not be written because that side was in a system status (SYNC-4). */
  deferred: Record<Side, boolean>;
  /** Writes left per side for the current intent (SYNC-7: at most one per side per real change). */
  budget: Record<Side, number>;
  /** A value whose write failed: not retried until the next real change. */
  failed: Record<Side, string | null>;
  /** crm-overrides may re-apply the Kustomer status once per system episode (loop guard). */
  overrideArmed: boolean;
  pending: PendingWrite[];
  /** Values we wrote lately, newest last: a late echo of one of them is ours, not another CRM session's. */
  recentWrites: Record<Side, string[]>;
  eventCount: Record<Side, number>;
  nextCommand: number;
  decisions: number;
}

/** After a write is acknowledged, its echo is awaited this long; later arrivals are judged on their own. */
export const DEFAULT_ECHO_TTL_MS = 30_000;
/** An unacknowledged write counts as in flight this long (ports normally settle much sooner). */
export const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;
/** How many recent writes per side are remembered to recognise late echoes. */
export const RECENT_WRITES = 8;
/** SYNC-7: writes allowed per side for one real change. */
export const WRITES_PER_CHANGE = 1;

const none = <T>(v: T): Record<Side, T> => ({ cc: v, crm: v });

export function initialState(settings: StatusSyncSettings, statuses: AgentStatusDef[] = []): SyncState {
  return {
    settings,
    statuses,
    loggedIn: false,
    crmLoaded: false,
    loginApplied: false,
    cc: { statusId: null, source: null, at: null },
    crm: { name: null, statusType: null, at: null },
    intent: null,
    deferred: none(false),
    budget: none(WRITES_PER_CHANGE),
    failed: none(null),
    overrideArmed: true,
    pending: [],
    recentWrites: { cc: [], crm: [] },
    eventCount: none(0),
    nextCommand: 1,
    decisions: 0,
  };
}

/** Forget the current intent and everything derived from it (no retroactive writes). */
export function clearIntent(state: SyncState): SyncState {
  return { ...state, intent: null, deferred: none(false), budget: none(WRITES_PER_CHANGE), failed: none(null) };
}

/** A new real change becomes the intent, with a fresh write budget. */
export function adopt(state: SyncState, intent: Intent): SyncState {
  return { ...clearIntent(state), intent };
}

export function setDeferred(state: SyncState, side: Side, value: boolean): SyncState {
  return { ...state, deferred: { ...state.deferred, [side]: value } };
}

/** SYNC-4: the system status ended; the remembered change gets its one write now (even if an earlier attempt was refused). */
export function releaseDeferred(state: SyncState, side: Side): SyncState {
  return { ...setDeferred(state, side, false), budget: { ...state.budget, [side]: WRITES_PER_CHANGE } };
}

/** Contact-center statuses of kind `system` (in_call, wrap_up...) are never overridden (SYNC-4). */
export function isCcSystem(state: SyncState, statusId: string | null): boolean {
  if (statusId === null) return false;
  return state.statuses.some((s) => s.id === statusId && s.kind === 'system');
}

/** Kustomer's `busy` is Kustomer's own system status (SYNC-4). */
export function isCrmBusy(state: SyncState): boolean {
  return state.crm.statusType === 'busy';
}

export function ccDisplayName(state: SyncState, statusId: string): string {
  return state.statuses.find((s) => s.id === statusId)?.name ?? statusId;
}

export function pair(state: SyncState): StatusPair {
  return { cc: state.cc.statusId, crm: state.crm.name };
}

export function withCcKnown(state: SyncState, input: CcStatusInput): SyncState {
  return {
    ...state,
    cc: { statusId: input.statusId, source: input.source, at: input.at },
    eventCount: { ...state.eventCount, cc: state.eventCount.cc + 1 },
  };
}

export function withCrmKnown(state: SyncState, input: CrmStatusInput): SyncState {
  return {
    ...state,
    crmLoaded: true,
    crm: { name: input.name, statusType: input.statusType ?? null, at: input.at },
    eventCount: { ...state.eventCount, crm: state.eventCount.crm + 1 },
  };
}

/** SYNC-7: a report older than what that side already told us is out of order. */
export function isStale(state: SyncState, side: Side, at: number): boolean {
  const last = side === 'cc' ? state.cc.at : state.crm.at;
  return last !== null && at < last;
}
