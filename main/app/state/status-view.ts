// The agent's status, the status-sync audit ("why did my status change", SYNC-1..7) and the SYNC-5
// preconditions, as the renderer shows them.
import type { AppState, StatusAuditEntry } from '../../../common/ipc/index.js';
import type { ServerPayload } from '../../../common/protocol/index.js';
import { checkPreconditions, explain, type AuditEntry, type SyncState } from '../../engine/status-sync/index.js';

export const MAX_AUDIT = 100;

export function toAuditEntry(e: AuditEntry): StatusAuditEntry {
  return {
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    before: { cc: e.before.cc, crm: e.before.crm },
    after: { cc: e.after.cc, crm: e.after.crm },
    source: e.source,
    rule: e.rule,
    explanation: explain(e),
  };
}

/** Newest first, bounded. */
export function pushAudit(s: AppState, e: AuditEntry): void {
  s.audit.unshift(toAuditEntry(e));
  if (s.audit.length > MAX_AUDIT) s.audit.length = MAX_AUDIT;
}

export function statusFromHello(s: AppState, p: ServerPayload<'hello'>): void {
  if (p.statusId !== undefined && p.statusId !== s.status.statusId) s.status = { ...s.status, statusId: p.statusId, source: null, since: p.at };
}

export function statusFromEvent(s: AppState, p: ServerPayload<'agent.status'>): void {
  const same = s.status.statusId === p.statusId && s.status.source === p.source;
  s.status = { ...s.status, statusId: p.statusId, source: p.source, since: same ? s.status.since : p.at };
}

export function crmStatusFromSync(s: AppState, sync: SyncState): void {
  s.status.crmStatus = sync.crm.name;
}

export interface PreconditionFacts {
  ccConnections: number;
  crmUserEmail: string | null;
  pageInstances: number;
  /** The CRM in use (local configuration first, then the contact center's settings). */
  crmKind: string;
}

/** SYNC-5 findings, when status sync is on for Kustomer and the agent is known. */
export function preconditions(s: AppState, facts: PreconditionFacts): AppState['preconditions'] {
  const sync = s.settings.statusSync;
  if (!s.agent || !sync.enabled || facts.crmKind !== 'kustomer') return [];
  return checkPreconditions({
    agentEmail: s.agent.email,
    crmUserEmail: facts.crmUserEmail,
    ccConnections: facts.ccConnections,
    pageInstances: facts.pageInstances,
    twoWay: sync.direction === 'two-way',
  })
    // With no page at all, "crm-not-open" says it; "cannot tell which user" would only add noise.
    .filter((f) => !(facts.pageInstances === 0 && f.id === 'crm-user-unknown'))
    .map((f) => ({ id: f.id, severity: f.severity, text: f.text }));
}
