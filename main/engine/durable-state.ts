// Everything the orchestration engine must not forget across a crash, and the journal records
// that change it. Replaying the journal over the last snapshot rebuilds the state exactly
// (REL-1): processed seq numbers, session tracks, pending CRM writes and their progress, and
// which record belongs to which session.
import type { Agent, Settings } from '../../common/protocol/index.js';
import type { EngineState, Intent, RecordLink, SessionTrack } from './orchestration/types.js';
import { initialState } from './orchestration/decide.js';

/** Progress of a multi-step intent; each step is marked attempted before it runs. */
export interface Progress {
  attempted: string[];
  customerId?: string;
  customerCreated?: boolean;
  recordId?: string;
  appended?: boolean;
  /** The append decision, when a batched lookup already made it. */
  preselected?: { recordId: string; reopen: boolean; tags?: string[] } | { recordId: null; followUpOf: string | null };
  done: string[];
}

export interface OutboxEntry {
  id: number;
  key: string;
  intent: Intent;
  createdAt: number;
  attempts: number;
  nextAt: number;
  lastError: string | null;
  status: 'pending' | 'dead';
  progress: Progress;
}

export interface DurableState {
  engine: EngineState;
  lastSeq: Record<string, number>;
  nextId: number;
  entries: Record<number, OutboxEntry>;
  bindings: Record<string, RecordLink>;
}

export type JournalRecord =
  | {
      t: 'event';
      identity: string;
      seq: number | null;
      me?: Agent | null;
      settings?: Settings;
      tracks: Record<string, SessionTrack | null>;
      enq: { id: number; intent: Intent; at: number }[];
    }
  | { t: 'attempt'; id: number; step: string }
  | { t: 'progress'; id: number; progress: Progress }
  | { t: 'retry'; id: number; nextAt: number; error: string }
  | { t: 'done'; ids: number[]; bind?: { key: string; link: RecordLink }; enq?: { id: number; intent: Intent; at: number }[] }
  | { t: 'dead'; id: number; error: string }
  | { t: 'revive'; id: number; nextAt: number };

export function emptyDurableState(): DurableState {
  return { engine: initialState(), lastSeq: {}, nextId: 1, entries: {}, bindings: {} };
}

const emptyProgress = (): Progress => ({ attempted: [], done: [] });

function enqueue(s: DurableState, items: { id: number; intent: Intent; at: number }[]): void {
  for (const e of items) {
    s.entries[e.id] = {
      id: e.id,
      key: e.intent.key,
      intent: e.intent,
      createdAt: e.at,
      attempts: 0,
      nextAt: e.at,
      lastError: null,
      status: 'pending',
      progress: emptyProgress(),
    };
    s.nextId = Math.max(s.nextId, e.id + 1);
  }
}

/** Apply one journal record (mutates `s` for speed on long replays; callers own `s`). */
export function applyRecord(s: DurableState, r: JournalRecord): void {
  switch (r.t) {
    case 'event': {
      if (r.seq !== null) s.lastSeq[r.identity] = Math.max(s.lastSeq[r.identity] ?? 0, r.seq);
      // The sessions map is changed in place: an event touches a session or two, and copying the
      // map each time would make every event cost as much as all the sessions held.
      const sessions = s.engine.sessions;
      for (const [k, t] of Object.entries(r.tracks)) {
        if (t) sessions[k] = t;
        else delete sessions[k];
      }
      if (r.me !== undefined || r.settings) {
        s.engine = { me: r.me !== undefined ? r.me : s.engine.me, settings: r.settings ?? s.engine.settings, sessions };
      }
      enqueue(s, r.enq);
      break;
    }
    case 'attempt': {
      const e = s.entries[r.id];
      if (!e) break;
      e.attempts += 1;
      if (!e.progress.attempted.includes(r.step)) e.progress.attempted.push(r.step);
      break;
    }
    case 'progress': {
      const e = s.entries[r.id];
      if (e) e.progress = r.progress;
      break;
    }
    case 'retry': {
      const e = s.entries[r.id];
      if (e) {
        e.nextAt = r.nextAt;
        e.lastError = r.error;
      }
      break;
    }
    case 'done':
      for (const id of r.ids) delete s.entries[id];
      if (r.bind) s.bindings[r.bind.key] = r.bind.link;
      if (r.enq) enqueue(s, r.enq);
      break;
    case 'dead': {
      const e = s.entries[r.id];
      if (e) {
        e.status = 'dead';
        e.lastError = r.error;
      }
      break;
    }
    case 'revive': {
      const e = s.entries[r.id];
      if (e) {
        e.status = 'pending';
        e.nextAt = r.nextAt;
      }
      break;
    }
  }
}

/** Rebuild the state from a snapshot and the journal written after it. */
export function replay(snapshot: unknown, records: unknown[]): DurableState {
  const s = isDurableState(snapshot) ? structuredClone(snapshot) : emptyDurableState();
  for (const r of records) applyRecord(s, r as JournalRecord);
  return s;
}

function isDurableState(v: unknown): v is DurableState {
  return typeof v === 'object' && v !== null && 'engine' in v && 'entries' in v && 'nextId' in v;
}
