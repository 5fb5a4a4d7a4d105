// The supervisor view (SUP-1): the full agent list to every supervisor identity, on connect and
// after every change of an agent's status, sessions or connections. Changes made in one tick are
// coalesced into one snapshot.
import type { Socket } from 'socket.io';
import type { SupervisorAgent } from '../../common/protocol/index.js';
import type { SimContext } from './context.js';
import { iso } from './time.js';

export class SupervisorFeed {
  private scheduled = false;

  constructor(private readonly ctx: SimContext) {}

  list(): SupervisorAgent[] {
    return this.ctx.agents.withRole('agent').map((a) => {
      const current = this.ctx.sessions.forAgent(a.agent.email);
      const main = current.find((s) => s.session.channel === 'voice') ?? current[0];
      return {
        id: a.agent.id,
        name: a.agent.name,
        email: a.agent.email,
        statusId: a.statusId,
        source: a.source,
        since: iso(a.since),
        sessionId: main?.session.id ?? null,
        online: a.sockets.size > 0,
        connections: a.sockets.size,
      };
    });
  }

  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      try {
        this.broadcast();
      } catch (err) {
        this.ctx.cfg.log(`supervisor feed failed: ${String(err)}`);
      }
    });
  }

  snapshotTo(socket: Socket, email: string): void {
    this.ctx.hub.toConnection(socket, email, 'supervisor.agents', { agents: this.list() });
  }

  private broadcast(): void {
    const sups = this.ctx.agents.withRole('supervisor', true);
    if (sups.length === 0) return;
    const agents = this.list();
    for (const s of sups) this.ctx.hub.toIdentity(s.agent.email, 'supervisor.agents', { agents });
  }
}
