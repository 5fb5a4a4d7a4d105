// Pure views of AppState for the components. Presentation only: which sessions ring, which status
// can be chosen, how to label a customer. The core decides everything else.
import type { AppState, LiveSession, RecordCard } from '../../../common/ipc/app-state.js';
import type { AgentStatusDef, StatusSource } from '../../../common/protocol/server-events.js';
import type { Queue } from '../../../common/protocol/session.js';

export type Locale = AppState['locale'];
export type StatusKind = AgentStatusDef['kind'];

export const STATUS_KIND_ORDER: readonly StatusKind[] = ['available', 'unavailable', 'system'];

export function hasRole(state: AppState, role: string): boolean {
  return (state.agent?.roles as readonly string[] | undefined)?.includes(role) ?? false;
}

/** The desk is shown only to a signed-in agent; a core without sign-in (no `auth`) is signed in. */
export function isSignedIn(state: AppState): boolean {
  return (state.auth?.state ?? 'signed-in') === 'signed-in';
}

/** SUP-1: the supervisor view. */
export function canSupervise(state: AppState): boolean {
  return hasRole(state, 'supervisor');
}

/** ADMIN-1: admins and supervisors (the protocol has no separate admin role yet). */
export function canAdminister(state: AppState): boolean {
  return hasRole(state, 'admin') || hasRole(state, 'supervisor');
}

export function statusDef(state: AppState, id: string | null | undefined): AgentStatusDef | null {
  if (!id) return null;
  return state.statuses.find((s) => s.id === id) ?? null;
}

export interface CurrentStatus {
  id: string;
  name: string;
  kind: StatusKind | null;
  source: StatusSource | null;
  since: string | null;
  crmStatus: string | null;
}

export function currentStatus(state: AppState): CurrentStatus | null {
  const { statusId, source, since, crmStatus } = state.status;
  if (!statusId) return null;
  const def = statusDef(state, statusId);
  return { id: statusId, name: def?.name ?? statusId, kind: def?.kind ?? null, source, since, crmStatus };
}

export interface StatusOption extends AgentStatusDef {
  /** System statuses are shown but only the contact center sets them. */
  selectable: boolean;
  current: boolean;
}

export function statusOptions(state: AppState): { kind: StatusKind; options: StatusOption[] }[] {
  return STATUS_KIND_ORDER.map((kind) => ({
    kind,
    options: state.statuses
      .filter((s) => s.kind === kind)
      .map((s) => ({ ...s, selectable: s.kind !== 'system', current: s.id === state.status.statusId })),
  })).filter((g) => g.options.length > 0);
}

const byAssigned = (a: LiveSession, b: LiveSession) => a.assignedAt.localeCompare(b.assignedAt);

/** Offers waiting for the agent (calls and chats), oldest first. Our own outbound dials are not offers. */
export function ringingOffers(state: AppState): LiveSession[] {
  return state.sessions.filter((s) => s.phase === 'ringing' && s.session.type !== 'voice_outbound').sort(byAssigned);
}

/** Outbound calls placed by the agent that the customer has not answered yet. */
export function outboundDialing(state: AppState): LiveSession[] {
  return state.sessions.filter((s) => s.phase === 'ringing' && s.session.type === 'voice_outbound').sort(byAssigned);
}

export function activeCalls(state: AppState): LiveSession[] {
  return state.sessions.filter((s) => s.session.channel === 'voice' && s.phase === 'connected').sort(byAssigned);
}

export function voiceSessions(state: AppState): LiveSession[] {
  return state.sessions.filter((s) => s.session.channel === 'voice');
}

/** CHAT-1: the chats the agent has (connected or just finished), in the order they arrived. */
export function chatSessions(state: AppState): LiveSession[] {
  return state.sessions.filter((s) => s.session.channel === 'chat' && s.phase !== 'ringing').sort(byAssigned);
}

export function findSession(state: AppState, sessionId: string | null | undefined): LiveSession | null {
  if (!sessionId) return null;
  return state.sessions.find((s) => s.session.id === sessionId) ?? null;
}

/** POP-1: every live session that has a record card, newest first. */
export function recordCards(state: AppState): { session: LiveSession; record: RecordCard }[] {
  return state.sessions
    .filter((s): s is LiveSession & { record: RecordCard } => s.record !== null)
    .sort((a, b) => byAssigned(b, a))
    .map((s) => ({ session: s, record: s.record }));
}

export function customerLabel(s: LiveSession): string {
  const c = s.session.customer;
  return c.name ?? c.phone ?? c.identifier ?? c.email ?? s.session.id;
}

export function queuePath(s: LiveSession): string | null {
  if (s.session.menuPath) return s.session.menuPath;
  if (s.session.queue) return s.session.queue.path.join(' > ') || s.session.queue.name;
  return null;
}

/** A setting path is locked when IT locked it or one of its parents ("statusSync" locks "statusSync.mapping"). */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((l) => l === path || path.startsWith(`${l}.`));
}

/** Something inside this path is locked (a table with a locked row). */
export function hasLockedWithin(locked: readonly string[], path: string): boolean {
  return locked.some((l) => l.startsWith(`${path}.`));
}

export interface TransferAgent {
  id: string;
  name: string;
  statusName: string;
  available: boolean;
}

/** Who and where a session can be transferred to: other agents the app knows of, and leaf queues. */
export function transferTargets(state: AppState): { agents: TransferAgent[]; queues: Queue[] } {
  const me = state.agent?.id;
  const agents = (state.supervisor ?? [])
    .filter((a) => a.id !== me && a.online !== false)
    .map((a) => {
      const def = statusDef(state, a.statusId);
      return { id: a.id, name: a.name || a.email, statusName: def?.name ?? a.statusId, available: def?.kind === 'available' };
    })
    .sort((a, b) => Number(b.available) - Number(a.available) || a.name.localeCompare(b.name));
  const queues = state.queues.filter((q) => q.leaf);
  return { agents, queues };
}

export interface AuditRow {
  seq: number;
  at: string;
  source: StatusSource;
  rule: string;
  ccBefore: string | null;
  ccAfter: string | null;
  crmBefore: string | null;
  crmAfter: string | null;
  text: string;
}

/** "Why did my status change": newest first, status ids named, text in the UI language. */
export function auditRows(state: AppState): AuditRow[] {
  const name = (id: string | null) => (id ? (statusDef(state, id)?.name ?? id) : null);
  return [...state.audit]
    .sort((a, b) => b.seq - a.seq)
    .map((e) => ({
      seq: e.seq,
      at: e.at,
      source: e.source,
      rule: e.rule,
      ccBefore: name(e.before.cc),
      ccAfter: name(e.after.cc),
      crmBefore: e.before.crm,
      crmAfter: e.after.crm,
      text: e.explanation[state.locale],
    }));
}

export interface SupervisorRow {
  id: string;
  name: string;
  email: string;
  statusName: string;
  statusKind: StatusKind | null;
  source: StatusSource;
  since: string;
  sessionId: string | null;
  online: boolean | null;
  connections: number | null;
}

export function supervisorRows(state: AppState): SupervisorRow[] | null {
  if (!state.supervisor) return null;
  return state.supervisor
    .map((a) => {
      const def = statusDef(state, a.statusId);
      return {
        id: a.id,
        name: a.name || a.email,
        email: a.email,
        statusName: def?.name ?? a.statusId,
        statusKind: def?.kind ?? null,
        source: a.source,
        since: a.since,
        sessionId: a.sessionId ?? null,
        online: a.online ?? null,
        connections: a.connections ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Chat messages from the consumer the agent has not seen, given how many messages were seen. */
export function unreadCount(s: LiveSession, seenMessageIds: ReadonlySet<string>): number {
  return s.messages.filter((m) => m.from !== 'agent' && !seenMessageIds.has(m.id)).length;
}
