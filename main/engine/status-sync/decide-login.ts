// SYNC-6: the contact center's hello (login), the Kustomer page load, and settings changes.
// The page-load status is applied once both it and the contact center's status are known, when
// the admin allows it; otherwise it only initialises the state. Nothing is written at a login
// in the other direction.
import { dropSide } from './echo-guard.js';
import { reconcile } from './reconcile.js';
import { adopt, clearIntent, isCrmBusy, setDeferred, withCrmKnown } from './state.js';
import { describe, noticeAction, step } from './step.js';
import { onCrmChange } from './decide-crm.js';
import type { Step } from './step.js';
import type { DecideContext, SyncState } from './state.js';
import type { CrmStatusInput, LoginInput, SettingsInput } from './types.js';

/** Runs once both sides are known; the latch is reset by each Kustomer page load. */
export function loginStep(s0: SyncState, ctx: DecideContext): Step {
  const waitRule = s0.settings.applyAtLogin ? 'SYNC-6 waiting' : 'SYNC-6 login-init';
  if (!s0.loggedIn || s0.cc.statusId === null) return step(s0, waitRule, [], 'contact-center status not known yet');
  const name = s0.crm.name;
  if (!s0.crmLoaded || name === null) return step(s0, waitRule, [], 'Kustomer page status not known yet');
  if (s0.loginApplied) return step(s0, 'SYNC-6 reconnect', [], 'already applied for this Kustomer page load');
  const s = { ...s0, loginApplied: true };
  if (!s.settings.applyAtLogin) return step(s, 'SYNC-6 login-init');
  if (isCrmBusy(s)) return step(s, 'SYNC-4 crm-busy', [], 'Kustomer shows Busy at login; its next status will apply');

  const r = reconcile({ ...adopt(s, { side: 'crm', name, at: s.crm.at ?? ctx.now }), overrideArmed: true }, ctx);
  switch (r.cc.kind) {
    case 'unmapped':
      return step(r.state, 'unmapped', [...r.actions, noticeAction('statusSync.unmapped', { name })], describe(r));
    case 'blocked-system':
      return step(
        setDeferred(r.state, 'cc', true),
        'SYNC-4 deferred',
        [...r.actions, noticeAction('statusSync.deferredCc', { name })],
        describe(r),
      );
    default:
      return step(r.state, 'SYNC-6 login-apply', r.actions, describe(r));
  }
}

export function onLogin(s0: SyncState, input: LoginInput, ctx: DecideContext): Step {
  // A new connection: writes of the old one will never be acknowledged or echoed.
  const s: SyncState = {
    ...clearIntent(dropSide(s0, 'cc')),
    settings: input.settings ?? s0.settings,
    statuses: input.statuses,
    loggedIn: true,
    overrideArmed: true,
    cc: { statusId: input.statusId, source: null, at: input.at },
    eventCount: { ...s0.eventCount, cc: s0.eventCount.cc + 1 },
  };
  if (!s.settings.enabled) return step(s, 'disabled');
  return loginStep(s, ctx);
}

export function onPageLoad(s0: SyncState, input: CrmStatusInput, ctx: DecideContext): Step {
  if (s0.crmLoaded) {
    // A reload of a page that was already loaded (a record pop navigates it; the agent presses
    // F5) is not a new login: apply requests died with the old page, and a status different from
    // the one we knew was changed meanwhile, like any Kustomer change.
    const s = dropSide(s0, 'crm');
    if (s0.crm.name === input.name) return step(withCrmKnown(s, input), 'SYNC-6 reconnect', [], 'Kustomer page reloaded; status unchanged');
    return onCrmChange(s, { ...input, origin: 'change' }, ctx);
  }
  // The first page load is the agent's Kustomer login.
  const s = { ...withCrmKnown(clearIntent(dropSide(s0, 'crm')), input), loginApplied: false };
  if (!s.settings.enabled) return step(s, 'disabled');
  return loginStep(s, ctx);
}

export function onSettings(s0: SyncState, input: SettingsInput): Step {
  const before = s0.settings;
  const after = input.settings;
  const changed = (['enabled', 'direction', 'priority', 'applyAtLogin'] as const)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${String(before[k])} -> ${String(after[k])}`);
  if (JSON.stringify(before.mapping) !== JSON.stringify(after.mapping)) changed.push('mapping');
  if (JSON.stringify(before.reverse) !== JSON.stringify(after.reverse)) changed.push('reverse');
  // No retroactive writes: the new settings apply from the next real change.
  const s = { ...clearIntent(s0), settings: after };
  return step(s, 'settings', [], changed.length > 0 ? changed.join(', ') : 'unchanged');
}
