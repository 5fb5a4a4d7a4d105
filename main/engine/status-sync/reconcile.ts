// Brings each side towards what the current intent (the winning real change) says it should
// show. A write is issued only when the side's expected value differs from the desired one, the
// side can be written (logged in / page loaded, not in a system status), the value did not just
// fail, and the intent still has write budget. Echoes never change the intent, so no ping-pong.
import { addWrite, expectedValue } from './echo-guard.js';
import { mapToCc, pickCrmStatus } from './mapping.js';
import type { ReverseRule } from './mapping.js';
import { isCcSystem, isCrmBusy } from './state.js';
import type { DecideContext, SyncState } from './state.js';
import type { Side, WriteAction } from './types.js';

export type SideOutcome =
  | { kind: 'none' }
  | { kind: 'unmapped'; name: string }
  | { kind: 'no-reverse'; statusId: string }
  | {
      kind: 'in-sync' | 'written' | 'blocked-system' | 'unreachable' | 'failed-before' | 'limit';
      target: string;
      pick?: ReverseRule;
    };

export interface ReconcileResult {
  state: SyncState;
  actions: WriteAction[];
  cc: SideOutcome;
  crm: SideOutcome;
}

type Desired = { kind: 'target'; target: string; pick?: ReverseRule } | Exclude<SideOutcome, { target: string }>;

function desiredCc(state: SyncState): Desired {
  const intent = state.intent;
  if (intent === null) return { kind: 'none' };
  if (intent.side === 'cc') return { kind: 'target', target: intent.statusId };
  const target = mapToCc(state.settings, intent.name);
  return target === undefined ? { kind: 'unmapped', name: intent.name } : { kind: 'target', target };
}

function desiredCrm(state: SyncState): Desired {
  const intent = state.intent;
  if (intent === null || state.settings.direction !== 'two-way') return { kind: 'none' };
  if (intent.side === 'crm') return { kind: 'target', target: intent.name };
  const pick = pickCrmStatus(state.settings, intent.statusId, expectedValue(state, 'crm'));
  return pick.name === null ? { kind: 'no-reverse', statusId: intent.statusId } : { kind: 'target', target: pick.name, pick: pick.rule };
}

function writable(state: SyncState, side: Side): 'ok' | 'unreachable' | 'blocked-system' {
  if (side === 'cc') {
    if (!state.loggedIn) return 'unreachable';
    return isCcSystem(state, state.cc.statusId) ? 'blocked-system' : 'ok';
  }
  if (!state.crmLoaded) return 'unreachable';
  return isCrmBusy(state) ? 'blocked-system' : 'ok';
}

function reconcileSide(
  state: SyncState,
  side: Side,
  ctx: DecideContext,
): { state: SyncState; action: WriteAction | null; outcome: SideOutcome } {
  const want = side === 'cc' ? desiredCc(state) : desiredCrm(state);
  if (want.kind !== 'target') return { state, action: null, outcome: want };
  const base = { target: want.target, ...(want.pick ? { pick: want.pick } : {}) };
  const out = (kind: 'in-sync' | 'blocked-system' | 'unreachable' | 'failed-before' | 'limit') => ({
    state,
    action: null,
    outcome: { kind, ...base },
  });
  if (expectedValue(state, side) === want.target) return out('in-sync');
  const w = writable(state, side);
  if (w !== 'ok') return out(w);
  if (state.failed[side] === want.target) return out('failed-before');
  if (state.budget[side] <= 0) return out('limit');
  const written = addWrite(state, side, want.target, ctx);
  return { state: written.state, action: written.action, outcome: { kind: 'written', ...base } };
}

export function reconcile(state: SyncState, ctx: DecideContext): ReconcileResult {
  const cc = reconcileSide(state, 'cc', ctx);
  const crm = reconcileSide(cc.state, 'crm', ctx);
  const actions = [cc.action, crm.action].filter((a): a is WriteAction => a !== null);
  return { state: crm.state, actions, cc: cc.outcome, crm: crm.outcome };
}
