// The status-sync engine's pure core: (state, input, ctx) -> (state, actions, audit entry).
// Every input yields exactly one audit entry naming the rule that decided it. The rules live in
// decide-crm.ts (Kustomer changes), decide-cc.ts (contact-center changes), decide-login.ts
// (login, page load, settings) and decide-acks.ts (results of our writes); see docs/status-sync.md.
import { onCcAck, onCcNack, onCrmApplied, onCrmFailed } from './decide-acks.js';
import { onCcStatus } from './decide-cc.js';
import { onCrmChange } from './decide-crm.js';
import { onLogin, onPageLoad, onSettings } from './decide-login.js';
import { pruneExpired } from './echo-guard.js';
import { pair } from './state.js';
import type { Step } from './step.js';
import type { DecideContext, DecideResult, SyncState } from './state.js';
import type { StatusSource, SyncInput } from './types.js';

function route(state: SyncState, input: SyncInput, ctx: DecideContext): Step {
  switch (input.type) {
    case 'crm.status':
      // A change reported before any page load stands for the page load (the preload missed it).
      return input.origin === 'page-load' || !state.crmLoaded ? onPageLoad(state, input, ctx) : onCrmChange(state, input, ctx);
    case 'cc.status':
      return onCcStatus(state, input, ctx);
    case 'cc.ack':
      return onCcAck(state, input, ctx);
    case 'cc.nack':
      return onCcNack(state, input);
    case 'crm.applied':
      return onCrmApplied(state, input, ctx);
    case 'crm.failed':
      return onCrmFailed(state, input);
    case 'login':
      return onLogin(state, input, ctx);
    case 'settings':
      return onSettings(state, input);
  }
}

/** Who caused the input, for the audit and the supervisor view (SUP-1). */
export function sourceOf(input: SyncInput): StatusSource {
  switch (input.type) {
    case 'cc.status':
      return input.source;
    case 'login':
    case 'settings':
      return 'system';
    default:
      return 'crm'; // Kustomer reports, and the results of writes the sync made on the CRM's behalf
  }
}

export function decide(state: SyncState, input: SyncInput, ctx: DecideContext): DecideResult {
  const s = route(pruneExpired(state, ctx.now), input, ctx);
  const seq = state.decisions + 1;
  const next: SyncState = { ...s.state, decisions: seq };
  return {
    state: next,
    actions: s.actions,
    audit: {
      seq,
      at: ctx.now,
      before: pair(state),
      after: pair(next),
      source: sourceOf(input),
      rule: s.rule,
      input,
      actions: s.actions,
      ...(s.note === undefined ? {} : { note: s.note }),
    },
  };
}
