// Live sessions, their phases and chat messages, and the call history, from the contact center's
// session events (CHAT-1, SOFT-1). The renderer shows exactly this; it derives nothing itself.
import type { AppState, LiveSession } from '../../../common/ipc/index.js';
import type { Agent, ServerPayload, Session } from '../../../common/protocol/index.js';

/** Finished sessions kept on screen (their record cards stay visible during wrap-up). */
export const MAX_FINISHED_SESSIONS = 5;
export const MAX_CALL_HISTORY = 50;

type HistoryEntry = AppState['callHistory'][number];
type Outcome = HistoryEntry['outcome'];

export function findSession(s: AppState, sessionId: string): LiveSession | undefined {
  return s.sessions.find((x) => x.session.id === sessionId);
}

const finished = (l: LiveSession) => l.phase === 'ended' || l.phase === 'abandoned' || l.phase === 'transferred';

function prune(s: AppState): void {
  const done = s.sessions.filter(finished);
  if (done.length <= MAX_FINISHED_SESSIONS) return;
  const drop = new Set(done.slice(0, done.length - MAX_FINISHED_SESSIONS));
  s.sessions = s.sessions.filter((x) => !drop.has(x));
}

function history(s: AppState, l: LiveSession, outcome: Outcome, at: string, durationSec: number | null): void {
  if (l.session.channel !== 'voice' || s.callHistory.some((h) => h.sessionId === l.session.id)) return;
  const out = l.session.type === 'voice_outbound';
  s.callHistory.unshift({
    sessionId: l.session.id,
    direction: out ? 'out' : 'in',
    number: l.session.customer.phone ?? (out ? null : l.session.dialedNumber),
    name: l.session.customer.name,
    at,
    durationSec,
    outcome,
  });
  if (s.callHistory.length > MAX_CALL_HISTORY) s.callHistory.length = MAX_CALL_HISTORY;
}

/** An offer: ringing (a new session, one offered again, or one transferred to us). */
export function offered(s: AppState, session: Session, at: string): LiveSession {
  const existing = findSession(s, session.id);
  const live: LiveSession = {
    session,
    phase: 'ringing',
    assignedAt: at,
    connectedAt: null,
    endedAt: null,
    messages: existing?.messages ?? [],
    consumerTyping: false,
    record: existing?.record ?? null,
  };
  s.sessions = [...s.sessions.filter((x) => x.session.id !== session.id), live];
  prune(s);
  return live;
}

export function connected(s: AppState, p: ServerPayload<'session.connected'>): LiveSession | undefined {
  const l = findSession(s, p.sessionId);
  if (!l) return undefined;
  l.phase = 'connected';
  l.connectedAt = p.at;
  return l;
}

export function message(s: AppState, p: ServerPayload<'session.message'>): void {
  const l = findSession(s, p.sessionId);
  if (!l || l.messages.some((m) => m.id === p.message.id)) return;
  l.messages.push({ ...p.message, at: p.message.sentAt ?? p.at });
}

export function transferred(s: AppState, p: ServerPayload<'session.transferred'>, me: Agent | null): void {
  if (me && p.toAgent.id === me.id) {
    const session = p.session ?? findSession(s, p.sessionId)?.session;
    if (session) offered(s, session, p.at);
    return;
  }
  const l = findSession(s, p.sessionId);
  if (!l) return;
  l.phase = 'transferred';
  l.endedAt = p.at;
  history(s, l, 'transferred', p.at, secondsBetween(l.connectedAt, p.at));
  prune(s);
}

export function abandoned(s: AppState, p: ServerPayload<'session.abandoned'>): void {
  const l = findSession(s, p.sessionId);
  if (!l) return;
  l.phase = 'abandoned';
  l.endedAt = p.at;
  history(s, l, 'abandoned', p.at, null);
  prune(s);
}

export function ended(s: AppState, p: ServerPayload<'session.ended'>): void {
  const l = findSession(s, p.sessionId);
  if (!l) return;
  const wasConnected = l.connectedAt !== null;
  l.phase = 'ended';
  l.endedAt = p.at;
  history(s, l, wasConnected ? 'answered' : 'missed', p.at, wasConnected ? p.durationSec : null);
  prune(s);
}

/** The offer went elsewhere (rang out, or rejected here or on another instance): it leaves the list. */
export function revoked(s: AppState, p: ServerPayload<'session.revoked'>): void {
  const l = findSession(s, p.sessionId);
  if (!l) return;
  history(s, l, p.reason === 'rejected' ? 'rejected' : 'missed', p.at, null);
  s.sessions = s.sessions.filter((x) => x !== l);
}

/** The session the agent is on: the latest connected one still connected. */
export function focusSession(s: AppState): LiveSession | undefined {
  let best: LiveSession | undefined;
  for (const l of s.sessions) {
    if (l.phase === 'connected' && (!best || (l.connectedAt ?? '') >= (best.connectedAt ?? ''))) best = l;
  }
  return best;
}

export function ringingSession(s: AppState): LiveSession | undefined {
  return s.sessions.find((l) => l.phase === 'ringing');
}

function secondsBetween(from: string | null, to: string): number | null {
  if (!from) return null;
  const d = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(d) && d >= 0 ? Math.round(d) : null;
}
