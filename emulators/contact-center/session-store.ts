// Sessions as the contact center holds them: the protocol `session` plus routing state, timers,
// the chat transcript and what the CRM side linked to it.
import type { ChatMessage, CrmKind, Session } from '../../common/protocol/index.js';
import { fail } from './sim-error.js';
import { iso, type TimerHandle } from './time.js';

export type SessionState = 'queued' | 'offered' | 'connected' | 'ended' | 'abandoned';

export interface RecordLink {
  sessionId: string;
  crm: CrmKind;
  recordId: string;
  customerId: string | null;
  url: string;
}

export interface SimSession {
  session: Session;
  /** Change through SessionStore.setState (it keeps the waiting index). */
  readonly state: SessionState;
  startedAt: number;
  /** FIFO position: when it (last) entered its queue. */
  queuedAt: number | null;
  /** The agent it is offered to or connected with; change through SessionStore.setAgent. */
  readonly agentEmail: string | null;
  /** The agent that handled it last (late events, recording). */
  lastAgentEmail: string | null;
  offerTimer: TimerHandle | null;
  /** Agents that rejected it or let it ring out -> their status `since` at that moment. */
  declined: Map<string, number>;
  /** Set once transferred: later offers are `session.transferred` from this agent. */
  transferFrom: string | null;
  /** A queue transfer tells the old agent who took it once an agent is found. */
  notifyTransferFrom: boolean;
  assignedAt: number | null;
  connectedAt: number | null;
  endedAt: number | null;
  holdMs: number;
  holdSince: number | null;
  messages: ChatMessage[];
  consumerMessages: number;
  record: RecordLink | null;
  recording: { durationSec: number } | null;
}

export interface SessionSnapshot {
  id: string;
  state: SessionState;
  type: Session['type'];
  channel: Session['channel'];
  queueId: string | null;
  agentEmail: string | null;
  lastAgentEmail: string | null;
  startedAt: string;
  connectedAt: string | null;
  endedAt: string | null;
  holdSec: number;
  consumerMessages: number;
  messages: ChatMessage[];
  record: RecordLink | null;
  session: Session;
}

type Mutable = { -readonly [K in keyof SimSession]: SimSession[K] };

function compareKeys(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

export class SessionStore {
  private readonly map = new Map<string, SimSession>();
  // Indexes, so routing stays cheap however many sessions have come and gone.
  private readonly waiting = new Set<SimSession>();
  private readonly byAgent = new Map<string, Set<SimSession>>();
  private nextSession = 1000;
  private nextMessage = 0;

  // `waiting` keeps insertion order; it is re-sorted only after an out-of-order entry (a
  // re-queued session keeps its original queuedAt, so it goes back to the head).
  private waitingSorted = true;
  private lastKey: [number, number] = [-Infinity, -Infinity];

  /** Set `queuedAt` before moving a session to `queued`: it is the FIFO key. */
  setState(s: SimSession, state: SessionState): void {
    (s as Mutable).state = state;
    if (state !== 'queued') {
      this.waiting.delete(s);
      return;
    }
    if (this.waiting.has(s)) return;
    const key: [number, number] = [s.queuedAt ?? 0, s.startedAt];
    if (compareKeys(key, this.lastKey) < 0) this.waitingSorted = false;
    else this.lastKey = key;
    this.waiting.add(s);
  }

  /** An agent holds a session exactly while it is offered to or connected with it. */
  setAgent(s: SimSession, email: string | null): void {
    if (s.agentEmail) this.byAgent.get(s.agentEmail)?.delete(s);
    (s as Mutable).agentEmail = email;
    if (!email) return;
    let set = this.byAgent.get(email);
    if (!set) this.byAgent.set(email, (set = new Set()));
    set.add(s);
  }

  create(body: Omit<Session, 'id'>, startedAt: number): SimSession {
    this.nextSession += 1;
    const session: Session = { id: `S-${this.nextSession}`, ...body };
    const s: SimSession = {
      session,
      state: 'queued',
      startedAt,
      queuedAt: null,
      agentEmail: null,
      lastAgentEmail: null,
      offerTimer: null,
      declined: new Map(),
      transferFrom: null,
      notifyTransferFrom: false,
      assignedAt: null,
      connectedAt: null,
      endedAt: null,
      holdMs: 0,
      holdSince: null,
      messages: [],
      consumerMessages: 0,
      record: null,
      recording: null,
    };
    this.map.set(session.id, s);
    return s;
  }

  nextMessageId(): string {
    this.nextMessage += 1;
    return `M-${this.nextMessage}`;
  }

  get(id: string): SimSession | undefined {
    return this.map.get(id);
  }

  require(id: string): SimSession {
    return this.map.get(id) ?? fail('not_found', `unknown session "${id}"`);
  }

  all(): SimSession[] {
    return [...this.map.values()];
  }

  /** Waiting sessions, oldest first (FIFO across queues by time of entry). */
  queued(): SimSession[] {
    if (!this.waitingSorted) {
      const sorted = [...this.waiting].sort((a, b) => compareKeys([a.queuedAt ?? 0, a.startedAt], [b.queuedAt ?? 0, b.startedAt]));
      this.waiting.clear();
      for (const x of sorted) this.waiting.add(x);
      const last = sorted[sorted.length - 1];
      this.lastKey = last ? [last.queuedAt ?? 0, last.startedAt] : [-Infinity, -Infinity];
      this.waitingSorted = true;
    }
    return [...this.waiting];
  }

  /** Sessions offered to or connected with this agent. */
  forAgent(email: string): SimSession[] {
    return [...(this.byAgent.get(email) ?? [])];
  }

  snapshot(s: SimSession): SessionSnapshot {
    const at = (ms: number | null) => (ms === null ? null : iso(ms));
    return {
      id: s.session.id,
      state: s.state,
      type: s.session.type,
      channel: s.session.channel,
      queueId: s.session.queue?.id ?? null,
      agentEmail: s.agentEmail,
      lastAgentEmail: s.lastAgentEmail,
      startedAt: iso(s.startedAt),
      connectedAt: at(s.connectedAt),
      endedAt: at(s.endedAt),
      holdSec: Math.round(s.holdMs / 1000),
      consumerMessages: s.consumerMessages,
      messages: structuredClone(s.messages),
      record: s.record ? { ...s.record } : null,
      session: structuredClone(s.session),
    };
  }
}
