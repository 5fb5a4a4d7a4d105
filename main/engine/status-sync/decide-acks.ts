// Results of our own writes. An ack records the new status only if that side reported nothing
// since the write was sent (a newer report wins); the echo token stays until the echo arrives
// or expires. A failure is shown to the agent and not retried until the next real change.
import { findWrite, markAcked, removeWrite } from './echo-guard.js';
import { ccDisplayName, isCcSystem, isCrmBusy, setDeferred } from './state.js';
import { noticeAction, step } from './step.js';
import type { Step } from './step.js';
import type { DecideContext, SyncState } from './state.js';
import type { CcAckInput, CcNackInput, CrmAppliedInput, CrmFailedInput, FailureInfo, Side } from './types.js';

function unknown(s: SyncState, rule: 'command-ack' | 'command-failed', commandId: string): Step {
  return step(s, rule, [], `${commandId} is not pending (its echo came first, or it belonged to an earlier connection or page)`);
}

export function onCcAck(s0: SyncState, input: CcAckInput, ctx: DecideContext): Step {
  const w = findWrite(s0, input.commandId);
  if (w === undefined) return unknown(s0, 'command-ack', input.commandId);
  const statusId = input.statusId ?? w.value;
  // The contact center kept another status than we asked for: no echo of ours will come.
  let s = statusId === w.value ? markAcked(s0, w.commandId, ctx) : removeWrite(s0, w.commandId);
  const fresh = s.eventCount.cc === w.eventsAtSend;
  if (fresh) s = { ...s, cc: { ...s.cc, statusId, source: 'crm' } };
  return step(s, 'command-ack', [], `${w.commandId} ${statusId}${fresh ? '' : ' (a newer report is kept)'}`);
}

export function onCrmApplied(s0: SyncState, input: CrmAppliedInput, ctx: DecideContext): Step {
  const w = findWrite(s0, input.commandId);
  if (w === undefined) return unknown(s0, 'command-ack', input.commandId);
  let s = markAcked(s0, w.commandId, ctx);
  const fresh = s.eventCount.crm === w.eventsAtSend;
  if (fresh) s = { ...s, crm: { ...s.crm, name: w.value, statusType: null } };
  return step(s, 'command-ack', [], `${w.commandId} ${w.value}${fresh ? '' : ' (a newer report is kept)'}`);
}

function onFailure(s0: SyncState, side: Side, commandId: string, error: FailureInfo): Step {
  const w = findWrite(s0, commandId);
  if (w === undefined) return unknown(s0, 'command-failed', commandId);
  const removed = removeWrite(s0, commandId);
  // The side entered its system status before our write reached it (SYNC-4): apply it afterwards.
  const inSystem = side === 'cc' ? isCcSystem(removed, removed.cc.statusId) : isCrmBusy(removed);
  if (inSystem && removed.intent !== null) {
    const n =
      side === 'cc'
        ? noticeAction('statusSync.deferredCc', { name: removed.crm.name ?? w.value })
        : noticeAction('statusSync.deferredCrm', { status: ccDisplayName(removed, removed.cc.statusId ?? w.value) });
    return step(setDeferred(removed, side, true), 'SYNC-4 deferred', [n], `${commandId} ${w.value} refused during a system status`);
  }
  const s = { ...removed, failed: { ...s0.failed, [side]: w.value } };
  const message = error.message || error.code;
  const n =
    side === 'cc'
      ? noticeAction('statusSync.ccFailed', { status: ccDisplayName(s, w.value), message })
      : noticeAction('statusSync.crmFailed', { name: w.value, message });
  return step(s, 'command-failed', [n], `${commandId} ${w.value}: ${error.code} ${error.message}`);
}

export function onCcNack(s0: SyncState, input: CcNackInput): Step {
  return onFailure(s0, 'cc', input.commandId, input.error);
}

export function onCrmFailed(s0: SyncState, input: CrmFailedInput): Step {
  return onFailure(s0, 'crm', input.commandId, input.error);
}
