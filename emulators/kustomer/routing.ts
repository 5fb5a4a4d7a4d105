// Routing work sessions (CRM-APIS.md 1.2): a session starts when a user first sets a routing
// status, each user has at most one current (active) session, and switching to a status of
// type offline ends it (signedOutAt set, active false, read-only). Every change is published
// in-process (onWorkSessionChange) for emulators built on this one, e.g. a Kustomer page
// emulator that syncs agent status.
import { ApiError } from './errors.js';
import type { KustomerStore, WorkSessionRec } from './store.js';

export type WorkSessionChangeSource = 'api' | 'internal';
export interface WorkSessionChange {
  type: 'started' | 'status_changed' | 'ended';
  session: WorkSessionRec;
  previousStatusId: string | null;
  source: WorkSessionChangeSource;
}
export type WorkSessionListener = (change: WorkSessionChange) => void;

export class RoutingEngine {
  private readonly listeners = new Set<WorkSessionListener>();
  constructor(private readonly store: KustomerStore) {}

  onWorkSessionChange(listener: WorkSessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private status(statusIdOrName: string) {
    const s = this.store.routingStatuses.get(statusIdOrName) ?? this.store.statusByName(statusIdOrName);
    if (!s) throw ApiError.of(400, `Routing status ${statusIdOrName} does not exist`, { source: { pointer: '/status' } });
    return s;
  }

  /**
   * Sets a user's routing status the way the agent desktop does: starts a session when the user
   * has none, changes it otherwise, ends it on an offline-type status. Returns the session, or
   * null when an offline status is set while no session is active.
   */
  setUserStatus(userId: string, statusIdOrName: string, source: WorkSessionChangeSource = 'internal'): WorkSessionRec | null {
    if (!this.store.users.has(userId)) throw ApiError.of(404, `User ${userId} not found`);
    const status = this.status(statusIdOrName);
    const current = this.store.currentSession(userId);
    if (current) return this.apply(current, status.id, source);
    if (status.statusType === 'offline') return null;
    const now = this.store.now();
    const session: WorkSessionRec = {
      id: this.store.ids.next(),
      userId,
      statusId: status.id,
      statusType: status.statusType,
      active: true,
      createdAt: now,
      updatedAt: now,
      statusChangedAt: now,
      signedOutAt: null,
      history: [{ statusId: status.id, at: now }],
    };
    this.store.workSessions.set(session.id, session);
    this.emit({ type: 'started', session, previousStatusId: null, source });
    return session;
  }

  /** PUT /v1/routing/work-sessions/{id}. */
  updateSession(sessionId: string, statusId: string, source: WorkSessionChangeSource = 'api'): WorkSessionRec {
    const session = this.store.workSessions.get(sessionId);
    if (!session) throw ApiError.of(404, `Work session ${sessionId} not found`);
    if (!session.active) throw ApiError.of(400, `Work session ${sessionId} has ended (signed out at ${session.signedOutAt}); it is read-only`);
    return this.apply(session, this.status(statusId).id, source);
  }

  private apply(session: WorkSessionRec, statusId: string, source: WorkSessionChangeSource): WorkSessionRec {
    const status = this.status(statusId);
    const previousStatusId = session.statusId;
    const now = this.store.now();
    session.statusId = status.id;
    session.statusType = status.statusType;
    session.updatedAt = now;
    session.statusChangedAt = now;
    session.history.push({ statusId: status.id, at: now });
    if (status.statusType === 'offline') {
      session.active = false;
      session.signedOutAt = now;
    }
    this.emit({ type: session.active ? 'status_changed' : 'ended', session, previousStatusId, source });
    return session;
  }

  private emit(change: WorkSessionChange): void {
    const copy = { ...change, session: { ...change.session, history: [...change.session.history] } };
    for (const l of this.listeners) {
      try {
        l(copy);
      } catch (e) {
        console.error('[kustomer emulator] onWorkSessionChange listener failed:', e);
      }
    }
  }
}
