// What the page shows as the user's status: the current work session's status, or the built-in
// Offline status when the user has no active session (never signed in to routing, or signed out).
import type { KustomerStore, WorkSessionRec } from '../kustomer/index.js';
import type { StatusView } from './events.js';

export function sessionView(store: KustomerStore, session: WorkSessionRec): StatusView {
  const status = store.routingStatuses.get(session.statusId);
  return {
    sessionId: session.active ? session.id : null,
    active: session.active,
    statusId: session.statusId,
    name: status?.name ?? session.statusId,
    statusType: status?.statusType ?? session.statusType,
    changedAt: session.active ? session.statusChangedAt : (session.signedOutAt ?? session.statusChangedAt),
  };
}

export function currentView(store: KustomerStore, userId: string): StatusView {
  const current = store.currentSession(userId);
  if (current) return sessionView(store, current);
  const offline = [...store.routingStatuses.values()].find((s) => s.statusType === 'offline' && s.system) ?? [...store.routingStatuses.values()].find((s) => s.statusType === 'offline');
  const last = [...store.workSessions.values()].filter((w) => w.userId === userId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return {
    sessionId: null,
    active: false,
    statusId: offline?.id ?? '',
    name: offline?.name ?? 'Offline',
    statusType: 'offline',
    changedAt: last?.signedOutAt ?? null,
  };
}
