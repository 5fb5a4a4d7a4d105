// Routing: waiting sessions (FIFO) are offered to the longest-idle eligible agent; the agent
// accepts, rejects or lets the offer ring out, and the session moves on to the next agent.
import { agentRef, type AgentState } from './agent-registry.js';
import { now, type SimContext } from './context.js';
import { SYSTEM_STATUS_IDS } from './default-data.js';
import { fail } from './sim-error.js';
import type { SimSession } from './session-store.js';

export class Router {
  private routing = false;
  private again = false;

  constructor(private readonly ctx: SimContext) {}

  enqueue(s: SimSession): void {
    s.queuedAt ??= now(this.ctx);
    this.ctx.sessions.setState(s, 'queued');
    this.routeAll();
  }

  /** Offer every waiting session that has an eligible agent; re-entrant calls fold into one pass. */
  routeAll(): void {
    if (this.routing) {
      this.again = true;
      return;
    }
    this.routing = true;
    try {
      do {
        this.again = false;
        // Cheap exits first: with nobody free for a channel, its waiting sessions are skipped.
        const ready = this.ctx.agents.all().filter((a) => this.isRoutable(a) && this.ctx.status.kind(a.statusId) === 'available');
        const room = { voice: false, chat: false };
        const measure = () => {
          room.voice = ready.some((a) => this.hasRoom(a, 'voice'));
          room.chat = ready.some((a) => this.hasRoom(a, 'chat'));
          return room.voice || room.chat;
        };
        if (!measure()) continue;
        for (const s of this.ctx.sessions.queued()) {
          if (s.state !== 'queued' || !room[s.session.channel]) continue;
          const agent = this.pick(s, ready);
          if (!agent) continue;
          this.offer(s, agent);
          if (!measure()) break;
        }
      } while (this.again);
    } finally {
      this.routing = false;
    }
  }

  /** Room for one more session of this channel (voice: none yet; chat: under chatCapacity). */
  hasCapacity(a: AgentState, s: SimSession): boolean {
    return this.hasRoom(a, s.session.channel, s);
  }

  private hasRoom(a: AgentState, channel: 'voice' | 'chat', except?: SimSession): boolean {
    const load = this.ctx.sessions.forAgent(a.agent.email).filter((x) => x !== except);
    if (channel === 'voice') return !load.some((x) => x.session.channel === 'voice');
    return load.filter((x) => x.session.channel === 'chat').length < this.ctx.cfg.chatCapacity;
  }

  isRoutable(a: AgentState): boolean {
    return a.agent.roles.includes('agent') && a.sockets.size > 0;
  }

  /** `a` is routable and available (see routeAll); here: this session's own conditions. */
  private eligible(a: AgentState, s: SimSession): boolean {
    if (s.declined.get(a.agent.email) === a.since) return false;
    const queueId = s.session.queue?.id;
    if (a.queueIds && queueId && !a.queueIds.some((q) => this.ctx.queues.isWithin(queueId, q))) return false;
    return this.hasCapacity(a, s);
  }

  private pick(s: SimSession, ready: AgentState[]): AgentState | undefined {
    // Longest in its current status first; the directory order breaks ties.
    let best: AgentState | undefined;
    for (const a of ready) if (this.eligible(a, s) && (!best || a.since < best.since)) best = a;
    return best;
  }

  /** Hand the session to `a`: `session.assigned` (or `session.transferred` after a transfer). */
  offer(s: SimSession, a: AgentState, ring = true): void {
    const { hub } = this.ctx;
    const email = a.agent.email;
    const sessionId = s.session.id;
    this.ctx.sessions.setState(s, 'offered');
    this.ctx.sessions.setAgent(s, email);
    s.assignedAt ??= now(this.ctx);
    const record = () => {
      if (s.record) hub.toIdentity(email, 'session.record', { ...s.record });
    };
    const from = s.transferFrom ? this.ctx.agents.byEmail(s.transferFrom) : undefined;
    if (from) {
      const payload = { sessionId, toAgent: agentRef(a), fromAgent: agentRef(from) };
      if (s.notifyTransferFrom) {
        s.notifyTransferFrom = false;
        hub.toIdentity(from.agent.email, 'session.transferred', payload);
      }
      record();
      hub.toIdentity(email, 'session.transferred', { ...payload, session: s.session });
    } else {
      hub.toIdentity(email, 'session.assigned', { session: s.session });
      record();
    }
    for (const message of s.messages) hub.toIdentity(email, 'session.message', { sessionId, message });
    const ringMs = this.ctx.cfg.ringTimeoutSec * 1000;
    if (ring && ringMs > 0) {
      s.offerTimer = this.ctx.timers.after(ringMs, () => {
        if (s.state === 'offered' && s.agentEmail === email) this.decline(email, sessionId, 'ring_timeout');
      });
    }
    this.ctx.supervisors.changed();
  }

  accept(email: string, sessionId: string): void {
    const s = this.offeredTo(email, sessionId);
    this.ctx.timers.cancel(s.offerTimer);
    s.offerTimer = null;
    this.ctx.sessions.setState(s, 'connected');
    s.connectedAt ??= now(this.ctx);
    this.ctx.hub.toIdentity(email, 'session.connected', { sessionId });
    if (s.session.channel === 'voice') this.ctx.status.set(email, SYSTEM_STATUS_IDS.inCall, 'system');
    this.ctx.supervisors.changed();
  }

  /** Reject or ring timeout: the agent is skipped for this session until its status changes. */
  decline(email: string, sessionId: string, reason: 'rejected' | 'ring_timeout'): void {
    const s = this.offeredTo(email, sessionId);
    if (s.session.type === 'voice_outbound') {
      // Rejecting one's own dial is hanging up before the customer answered.
      this.ctx.lifecycle.end(sessionId, email);
      return;
    }
    this.release(s);
    s.declined.set(email, this.ctx.agents.require(email).since);
    this.ctx.hub.toIdentity(email, 'session.revoked', { sessionId, reason });
    this.ctx.sessions.setState(s, 'queued');
    this.ctx.supervisors.changed();
    this.routeAll();
  }

  /** Detach the session from its current agent (no event). */
  release(s: SimSession): void {
    this.ctx.timers.cancel(s.offerTimer);
    s.offerTimer = null;
    if (s.agentEmail) s.lastAgentEmail = s.agentEmail;
    this.ctx.sessions.setAgent(s, null);
  }

  private offeredTo(email: string, sessionId: string): SimSession {
    const s = this.ctx.sessions.require(sessionId);
    if (s.agentEmail !== email) fail('forbidden', `session ${sessionId} is not offered to ${email}`);
    if (s.state !== 'offered') fail('conflict', `session ${sessionId} is ${s.state}, not ringing`);
    return s;
  }
}
