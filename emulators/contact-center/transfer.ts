// Transfers (KUS-6: the record follows the session to the receiving agent). To an agent: the old
// agent gets `session.transferred` at once and the target is offered the session. To a queue:
// the session routes like a new offer, not back to the agent who sent it, and the old agent
// learns who took it when the offer is made.
import { agentRef } from './agent-registry.js';
import { now, type SimContext } from './context.js';
import { fail } from './sim-error.js';
import type { SimSession } from './session-store.js';
import { menuPath } from './queue-tree.js';

export type TransferTarget = { toAgentId: string } | { toQueueId: string };

export class TransferService {
  constructor(private readonly ctx: SimContext) {}

  transfer(fromEmail: string, sessionId: string, target: TransferTarget): void {
    const { ctx } = this;
    const s = ctx.sessions.require(sessionId);
    if (s.agentEmail !== fromEmail) fail('forbidden', `session ${sessionId} is not handled by ${fromEmail}`);
    if (s.state !== 'connected') fail('conflict', `session ${sessionId} is ${s.state}, not connected`);
    const from = ctx.agents.require(fromEmail);

    if ('toAgentId' in target) {
      const to = ctx.agents.byId(target.toAgentId) ?? fail('not_found', `unknown agent id "${target.toAgentId}"`);
      if (to === from) fail('bad_request', 'cannot transfer a session to its own agent');
      if (!ctx.router.isRoutable(to)) fail('conflict', `agent ${to.agent.email} is not connected as an agent`);
      if (!ctx.router.hasCapacity(to, s)) fail('conflict', `agent ${to.agent.email} has no room for this session`);
      this.leave(s, fromEmail);
      ctx.hub.toIdentity(fromEmail, 'session.transferred', {
        sessionId,
        toAgent: agentRef(to),
        fromAgent: agentRef(from),
      });
      ctx.router.offer(s, to);
      this.afterLeave(s, fromEmail);
      return;
    }

    const q = ctx.queues.get(target.toQueueId) ?? fail('not_found', `unknown queue "${target.toQueueId}"`);
    if (!q.leaf) fail('bad_request', `queue "${q.id}" is not a leaf queue`);
    this.leave(s, fromEmail);
    s.notifyTransferFrom = true;
    s.session.queue = q;
    s.session.menuPath = menuPath(q);
    // Still `connected` without an agent here, so the status change below does not route it yet.
    this.afterLeave(s, fromEmail);
    // Not back to the sender while it keeps the status it has after the transfer.
    s.declined.set(fromEmail, from.since);
    s.queuedAt = now(ctx);
    ctx.sessions.setState(s, 'queued');
    ctx.router.routeAll();
  }

  private leave(s: SimSession, fromEmail: string): void {
    if (s.holdSince !== null) {
      s.holdMs += now(this.ctx) - s.holdSince;
      s.holdSince = null;
    }
    this.ctx.router.release(s);
    s.transferFrom = fromEmail;
    s.notifyTransferFrom = false;
  }

  private afterLeave(s: SimSession, fromEmail: string): void {
    if (s.session.channel === 'voice') this.ctx.status.afterVoice(fromEmail);
    this.ctx.supervisors.changed();
  }
}
