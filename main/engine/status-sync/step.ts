// The result of one rule handler, before decide() turns it into an audit entry, and the shared
// reconcile for inputs that are not a new real change (echo, late report).
import { notice } from './messages.js';
import type { NoticeKey } from './messages.js';
import { reconcile } from './reconcile.js';
import type { ReconcileResult, SideOutcome } from './reconcile.js';
import type { DecideContext, SyncState } from './state.js';
import type { AuditRule, SyncAction } from './types.js';

export interface Step {
  state: SyncState;
  rule: AuditRule;
  actions: SyncAction[];
  note?: string;
}

export function step(state: SyncState, rule: AuditRule, actions: SyncAction[] = [], note?: string): Step {
  return note === undefined ? { state, rule, actions } : { state, rule, actions, note };
}

export function noticeAction(key: NoticeKey, params: Record<string, string>): SyncAction {
  return { type: 'notice', notice: notice(key, params) };
}

export function describe(r: ReconcileResult): string {
  const one = (o: SideOutcome): string => {
    if (o.kind === 'unmapped') return `unmapped ${o.name}`;
    if (o.kind === 'no-reverse') return `no Kustomer status for ${o.statusId}`;
    if (o.kind === 'none') return 'nothing to do';
    return `${o.kind} ${o.target}`;
  };
  return `cc: ${one(r.cc)}; crm: ${one(r.crm)}`;
}

/**
 * A reconcile that is not driven by a new real change (an echo, a late or older report). When a
 * side still differs but the change already used its write, the entry says so (SYNC-7).
 */
export function settle(state: SyncState, ctx: DecideContext, rule: Step['rule'], note: string): Step {
  const r = reconcile(state, ctx);
  const limited = r.cc.kind === 'limit' || r.crm.kind === 'limit';
  return step(r.state, limited ? 'SYNC-7 write-limit' : rule, r.actions, `${note}; ${describe(r)}`);
}
