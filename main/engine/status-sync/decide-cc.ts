// A contact-center `agent.status`: SYNC-2 (one-way), SYNC-3 (two-way), SYNC-4 (priority and
// system statuses) and SYNC-7 (echo, ordering, tie-break, changes made by another CRM session).
import { consumeEcho } from './echo-guard.js';
import { loginStep } from './decide-login.js';
import { reconcile } from './reconcile.js';
import { adopt, ccDisplayName, clearIntent, isCcSystem, isCrmBusy, isStale, releaseDeferred, setDeferred, withCcKnown } from './state.js';
import { describe, noticeAction, settle, step } from './step.js';
import type { Step } from './step.js';
import type { DecideContext, SyncState } from './state.js';
import type { CcStatusInput, SyncAction } from './types.js';

/** SYNC-4 (b): the contact center moved the agent by itself; the Kustomer status applies instead. */
function crmOverrides(s: SyncState, input: CcStatusInput, ctx: DecideContext): Step | null {
  const name = s.crm.name;
  if (!s.crmLoaded || name === null) return null; // nothing to override with: treat as latest
  if (isCrmBusy(s)) {
    return step(clearIntent(s), 'SYNC-4 crm-busy', [], 'Kustomer is Busy; its next status will apply');
  }
  const status = ccDisplayName(s, input.statusId);
  if (!s.overrideArmed) {
    const n = noticeAction('statusSync.overrideRefused', { status });
    return step(clearIntent(s), 'SYNC-4 override-refused', [n], 'second system move without a call or a real change');
  }
  const adopted = { ...adopt(s, { side: 'crm', name, at: input.at }), overrideArmed: false };
  const r = reconcile(adopted, ctx);
  if (r.cc.kind === 'unmapped') {
    return step(r.state, 'unmapped', [...r.actions, noticeAction('statusSync.unmapped', { name })], describe(r));
  }
  return step(r.state, 'SYNC-4 crm-overrides', r.actions, `instead of ${input.statusId}: ${describe(r)}`);
}

export function onCcStatus(s0: SyncState, input: CcStatusInput, ctx: DecideContext): Step {
  if (!s0.settings.enabled) return step(withCcKnown(s0, input), 'disabled');

  if (input.source === 'crm') {
    const echoed = consumeEcho(s0, 'cc', input.statusId);
    if (echoed !== null) {
      const s = isStale(echoed, 'cc', input.at) ? echoed : withCcKnown(echoed, input);
      return settle(s, ctx, 'SYNC-7 echo-suppressed', `the contact center reported ${input.statusId}, which the sync set`);
    }
  }
  if (isStale(s0, 'cc', input.at)) {
    return step(s0, 'SYNC-7 out-of-order', [], `contact-center report at ${input.at} is older than the last one`);
  }

  const wasSystem = isCcSystem(s0, s0.cc.statusId);
  const hadStatus = s0.cc.statusId !== null;
  let s = withCcKnown(s0, input);
  if (!s.loggedIn) return step(s, 'SYNC-6 waiting', [], 'no contact-center login yet');
  if (!hadStatus) return loginStep(s, ctx); // the hello carried no status: this report completes the login

  if (input.source === 'crm') {
    if (s.recentWrites.cc.includes(input.statusId)) {
      return settle(s, ctx, 'SYNC-7 echo-suppressed', `late echo of a recent write of ours (${input.statusId}; its token had expired)`);
    }
    const n = noticeAction('statusSync.foreignCrmChange', { status: ccDisplayName(s, input.statusId) });
    return step(clearIntent(s), 'SYNC-7 foreign-crm-change', [n], 'source crm without a matching write of ours');
  }
  if (isCcSystem(s, input.statusId)) {
    return step({ ...s, overrideArmed: true }, 'SYNC-4 system-status', [], `${input.statusId} is a system status`);
  }

  const human = input.source === 'agent' || input.source === 'supervisor';
  if (!human) {
    if (wasSystem && s.deferred.cc) {
      return settle(releaseDeferred(s, 'cc'), ctx, 'SYNC-4 pending-applied', `system status ended (${input.statusId})`);
    }
    if (s.settings.priority === 'crm-overrides') {
      const overridden = crmOverrides(s, input, ctx);
      if (overridden !== null) return overridden;
    }
  }

  const intent = s.intent;
  if (intent !== null && intent.side === 'crm' && input.at <= intent.at) {
    const why = input.at === intent.at ? 'tie with a Kustomer change: Kustomer wins' : `the Kustomer change at ${intent.at} is newer`;
    return settle(s, ctx, 'SYNC-7 older-than-other-side', why);
  }

  const dropped = wasSystem && s.deferred.cc ? '; the change remembered during the system status was dropped' : '';
  s = { ...adopt(s, { side: 'cc', statusId: input.statusId, at: input.at }), overrideArmed: true };
  const r = reconcile(s, ctx);
  const note = describe(r) + dropped;
  const actions: SyncAction[] = [...r.actions];
  if (s.settings.direction === 'one-way') return step(r.state, 'SYNC-2 one-way', actions, note);
  switch (r.crm.kind) {
    case 'no-reverse':
      actions.push(noticeAction('statusSync.noReverse', { status: ccDisplayName(s, input.statusId) }));
      return step(r.state, 'SYNC-3 no-reverse', actions, note);
    case 'blocked-system':
      actions.push(noticeAction('statusSync.deferredCrm', { status: ccDisplayName(s, input.statusId) }));
      return step(setDeferred(r.state, 'crm', true), 'SYNC-4 deferred', actions, note);
    case 'unreachable':
      return step(r.state, 'SYNC-3 crm-not-loaded', actions, note);
    case 'written':
    case 'in-sync':
      return step(r.state, r.crm.pick ?? 'SYNC-3 reverse', actions, note);
    default:
      return step(r.state, 'SYNC-7 write-limit', actions, note);
  }
}
