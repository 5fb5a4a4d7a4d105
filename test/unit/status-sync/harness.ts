// Test driver for the pure status-sync core: an injected clock, one decide() per input, and
// shorthands for the inputs of each side. No timers: time only moves when a test says so.
import { statusSyncSchema } from '../../../common/protocol/index.js';
import type { StatusSyncSettings } from '../../../common/protocol/index.js';
import { decide, initialState } from '../../../main/engine/status-sync/index.js';
import { DEFAULT_STATUSES } from '../../../emulators/contact-center/default-data.js';
import type {
  AgentStatusDef,
  AuditEntry,
  CrmStatusType,
  DecideContext,
  DecideResult,
  StatusSource,
  SyncAction,
  SyncInput,
  SyncState,
  WriteAction,
} from '../../../main/engine/status-sync/index.js';

/** The contact center's statuses: the simulator's defaults (available, three away kinds, offline, two system). */
export const STATUSES: AgentStatusDef[] = DEFAULT_STATUSES;

/**
 * Kustomer -> contact center, many-to-one: Email and Coffee both map to away. `reverse` covers
 * available and lunch only, so away needs the first-mapped rule and meeting has no Kustomer status.
 */
export const MAPPING = { Available: 'available', Email: 'away', Coffee: 'away', Lunch: 'lunch', Offline: 'offline' };
export const REVERSE = { available: 'Available', lunch: 'Lunch', offline: 'Offline' };

export function settings(over: Partial<StatusSyncSettings> = {}): StatusSyncSettings {
  return statusSyncSchema.parse({ enabled: true, mapping: MAPPING, reverse: REVERSE, ...over });
}

export const T0 = 1_700_000_000_000;

export class Harness {
  state: SyncState;
  now = T0;
  readonly results: DecideResult[] = [];

  constructor(
    s: StatusSyncSettings = settings(),
    readonly options: Omit<DecideContext, 'now'> = {},
  ) {
    this.state = initialState(s);
  }

  /** Moves the clock; inputs without an explicit `at` are stamped with the clock. */
  tick(ms = 1): number {
    this.now += ms;
    return this.now;
  }

  feed(input: SyncInput): DecideResult {
    const r = decide(this.state, input, { ...this.options, now: this.now });
    this.state = r.state;
    this.results.push(r);
    return r;
  }

  login(statusId: string | null = 'available', at = this.tick()): DecideResult {
    return this.feed({ type: 'login', statusId, statuses: STATUSES, at });
  }
  pageLoad(name: string, statusType?: CrmStatusType, at = this.tick()): DecideResult {
    return this.feed({ type: 'crm.status', name, statusType, origin: 'page-load', at });
  }
  crm(name: string, o: { statusType?: CrmStatusType; at?: number; commandId?: string } = {}): DecideResult {
    return this.feed({ type: 'crm.status', name, statusType: o.statusType, origin: 'change', commandId: o.commandId, at: o.at ?? this.tick() });
  }
  cc(statusId: string, source: StatusSource, at = this.tick()): DecideResult {
    return this.feed({ type: 'cc.status', statusId, source, at });
  }
  ack(commandId: string, statusId?: string): DecideResult {
    return this.feed({ type: 'cc.ack', commandId, statusId, at: this.tick() });
  }
  nack(commandId: string, message = 'rejected'): DecideResult {
    return this.feed({ type: 'cc.nack', commandId, error: { code: 'conflict', message }, at: this.tick() });
  }
  applied(commandId: string): DecideResult {
    return this.feed({ type: 'crm.applied', commandId, at: this.tick() });
  }
  failed(commandId: string, message = 'page error'): DecideResult {
    return this.feed({ type: 'crm.failed', commandId, error: { code: 'failed', message }, at: this.tick() });
  }

  /** Logged in with cc `ccStatus`, Kustomer page loaded showing `crmName`, nothing written. */
  static ready(
    s: StatusSyncSettings = settings(),
    crmName = 'Available',
    ccStatus = 'available',
    options: Omit<DecideContext, 'now'> = {},
  ): Harness {
    const h = new Harness({ ...s, applyAtLogin: false }, options);
    h.login(ccStatus);
    h.pageLoad(crmName);
    h.feed({ type: 'settings', settings: s, at: h.tick() });
    return h;
  }

  get audit(): AuditEntry[] {
    return this.results.map((r) => r.audit);
  }
}

export function writes(actions: SyncAction[]): WriteAction[] {
  return actions.filter((a): a is WriteAction => a.type !== 'notice');
}

/** Compact form of the writes for table assertions: `cc:away`, `crm:Lunch`. */
export function summary(r: DecideResult): string[] {
  return writes(r.actions).map((a) => (a.type === 'cc.setStatus' ? `cc:${a.statusId}` : `crm:${a.name}`));
}

export function notices(r: DecideResult): string[] {
  return r.actions.flatMap((a) => (a.type === 'notice' ? [a.notice.key] : []));
}

export function commandOf(r: DecideResult, side: 'cc' | 'crm'): string {
  const w = writes(r.actions).find((a) => (side === 'cc' ? a.type === 'cc.setStatus' : a.type === 'crm.setStatus'));
  if (w === undefined) throw new Error(`no ${side} write in ${JSON.stringify(r.actions)}`);
  return w.commandId;
}
