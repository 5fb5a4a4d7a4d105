// A Kustomer status change (origin `change`): SYNC-1, SYNC-2, SYNC-4 (busy, deferral) and the
// SYNC-7 echo, ordering and tie-break rules. Page loads are handled in decide-login.ts.
import { consumeEcho, consumeTagged } from './echo-guard.js';
import { reconcile } from './reconcile.js';
import { adopt, isCrmBusy, isStale, releaseDeferred, setDeferred, withCrmKnown } from './state.js';
import { describe, noticeAction, settle, step } from './step.js';
import type { Step } from './step.js';
import type { DecideContext, SyncState } from './state.js';
import type { CrmStatusInput, SyncAction } from './types.js';

export function onCrmChange(s0: SyncState, input: CrmStatusInput, ctx: DecideContext): Step {
  if (!s0.settings.enabled) return step(withCrmKnown(s0, input), 'disabled');

  const echoed =
    input.commandId !== undefined
      ? consumeTagged(s0, input.commandId)
      : ctx.crmEchoTags === true
        ? null
        : consumeEcho(s0, 'crm', input.name);
  if (echoed !== null) {
    const s = isStale(echoed, 'crm', input.at) ? echoed : withCrmKnown(echoed, input);
    return settle(s, ctx, 'SYNC-7 echo-suppressed', `Kustomer reported "${input.name}", which the sync applied`);
  }
  if (isStale(s0, 'crm', input.at)) {
    return step(s0, 'SYNC-7 out-of-order', [], `Kustomer report at ${input.at} is older than the last one`);
  }

  const wasBusy = isCrmBusy(s0);
  let s = withCrmKnown(s0, input);
  if (!s.loggedIn || s.cc.statusId === null) {
    return step(s, 'SYNC-6 waiting', [], 'the contact-center login is not known yet');
  }
  if (input.statusType === 'busy') return step(s, 'SYNC-4 crm-busy');
  if (wasBusy && s.deferred.crm) {
    s = releaseDeferred(s, 'crm');
    return settle(s, ctx, 'SYNC-4 pending-applied', `Kustomer left Busy (now "${input.name}")`);
  }
  const intent = s.intent;
  if (intent !== null && intent.side === 'cc' && input.at < intent.at) {
    return settle(s, ctx, 'SYNC-7 older-than-other-side', `the contact-center change at ${intent.at} is newer`);
  }
  const tie = intent !== null && intent.side === 'cc' && input.at === intent.at;

  s = { ...adopt(s, { side: 'crm', name: input.name, at: input.at }), overrideArmed: true };
  const r = reconcile(s, ctx);
  const note = `${describe(r)}${tie ? '; tie with a contact-center change: Kustomer wins' : ''}`;
  const actions: SyncAction[] = [...r.actions];
  switch (r.cc.kind) {
    case 'unmapped':
      actions.push(noticeAction('statusSync.unmapped', { name: input.name }));
      return step(r.state, 'unmapped', actions, note);
    case 'blocked-system':
      actions.push(noticeAction('statusSync.deferredCc', { name: input.name }));
      return step(setDeferred(r.state, 'cc', true), 'SYNC-4 deferred', actions, note);
    case 'written':
      return step(r.state, 'SYNC-2 mapped', actions, note);
    default:
      return step(r.state, 'SYNC-2 in-sync', actions, note);
  }
}
