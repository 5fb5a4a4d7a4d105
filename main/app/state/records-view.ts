// Record cards (POP-1) from the outbox's write events: one card per live session, whose write state
// sums up every CRM write of that record (failed > retrying > pending > written), with the entry
// id of a failed write for "try again". The pop (KUS-10) happens when the record of the session
// the agent is on is written, or when the agent connects to a session whose record already is.
import type { AppState, RecordCard } from '../../../common/ipc/index.js';
import type { CrmKind, ServerPayload } from '../../../common/protocol/index.js';
import type { OutboxEvent, WriteState } from '../../engine/outbox/outbox-events.js';
import { findSession, focusSession } from './sessions-view.js';

interface EntryView {
  kind: OutboxEvent['kind'];
  state: WriteState;
  attempts: number;
  error: string | null;
}

interface RecordTrack {
  subject: string;
  recordId: string | null;
  url: string | null;
  status: RecordCard['status'];
  entries: Map<number, EntryView>;
  updatedAt: string;
}

const SEVERITY: Record<WriteState, number> = { written: 0, pending: 1, retrying: 2, failed: 3 };

export class RecordsView {
  private readonly tracks = new Map<string, RecordTrack>();

  constructor(private readonly crmKind: () => CrmKind) {}

  private track(key: string, at: string): RecordTrack {
    let t = this.tracks.get(key);
    if (!t) {
      t = { subject: '', recordId: null, url: null, status: 'unknown', entries: new Map(), updatedAt: at };
      this.tracks.set(key, t);
    }
    return t;
  }

  /** One outbox event; returns the URL to pop when this write made the focused session's record visible. */
  outbox(s: AppState, e: OutboxEvent, at: string): string | null {
    // record.linked back to the contact center is not a CRM write: it does not colour the card.
    if (e.kind === 'linkRecord') return null;
    const t = this.track(e.key, at);
    const hadUrl = t.url;
    if (e.subject) t.subject = e.subject;
    if (e.link) {
      t.recordId = e.link.recordId;
      t.url = e.link.url;
      if (e.kind === 'openRecord') t.status = 'open';
    }
    if (e.state === 'written') t.entries.delete(e.entryId);
    else t.entries.set(e.entryId, { kind: e.kind, state: e.state, attempts: e.attempts, error: e.error ?? null });
    t.updatedAt = at;
    this.render(s, e.key);
    const live = findSession(s, e.key);
    const popNow = !hadUrl && t.url && live && live.phase === 'connected' && focusSession(s) === live;
    return popNow ? t.url : null;
  }

  /** `session.record`: the record was linked by someone else (another agent, before a transfer). */
  linked(s: AppState, p: ServerPayload<'session.record'>): void {
    const t = this.track(p.sessionId, p.at);
    t.recordId = p.recordId;
    t.url = p.url;
    t.updatedAt = p.at;
    this.render(s, p.sessionId);
  }

  /** A failed entry was revived ("try again"): it is pending until the outbox reports again. */
  revived(s: AppState, entryId: number, at: string): void {
    for (const [key, t] of this.tracks) {
      const e = t.entries.get(entryId);
      if (!e) continue;
      e.state = 'pending';
      e.error = null;
      t.updatedAt = at;
      this.render(s, key);
    }
  }

  url(sessionId: string): string | null {
    return this.tracks.get(sessionId)?.url ?? null;
  }

  /** Puts the card on its live session (when there is one). */
  render(s: AppState, key: string): void {
    const live = findSession(s, key);
    const t = this.tracks.get(key);
    if (!live || !t) return;
    live.record = this.card(key, t);
  }

  private card(sessionId: string, t: RecordTrack): RecordCard {
    let worst: [number, EntryView] | null = null;
    for (const entry of t.entries) if (!worst || SEVERITY[entry[1].state] > SEVERITY[worst[1].state]) worst = entry;
    const failed = [...t.entries].find(([, e]) => e.state === 'failed');
    return {
      sessionId,
      crm: this.crmKind(),
      recordId: t.recordId,
      url: t.url,
      subject: t.subject,
      status: t.status,
      writeState: worst ? worst[1].state : t.recordId ? 'written' : 'pending',
      attempts: worst ? worst[1].attempts : 0,
      error: worst?.[1].error ?? null,
      failedEntryId: failed ? failed[0] : null,
      updatedAt: t.updatedAt,
    };
  }

  /** Forget cards of sessions no longer on screen. */
  prune(s: AppState): void {
    const live = new Set(s.sessions.map((l) => l.session.id));
    for (const key of this.tracks.keys()) if (!live.has(key)) this.tracks.delete(key);
  }
}
