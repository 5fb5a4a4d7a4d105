// Agent statuses: validation of agent/CRM changes, the system's in_call -> wrap_up -> available
// cycle around voice sessions, and the echo of every change to all of the agent's connections.
import type { AgentStatusDef, StatusSource } from '../../common/protocol/index.js';
import { now, type SimContext } from './context.js';
import { SYSTEM_STATUS_IDS } from './default-data.js';
import { fail } from './sim-error.js';
import type { TimerHandle } from './time.js';

export class StatusService {
  private readonly wrapUps = new Map<string, TimerHandle>();

  constructor(private readonly ctx: SimContext) {}

  def(statusId: string): AgentStatusDef | undefined {
    return this.ctx.cfg.statuses.find((s) => s.id === statusId);
  }

  kind(statusId: string): AgentStatusDef['kind'] | undefined {
    return this.def(statusId)?.kind;
  }

  /** `agent.setStatus` from the desktop or the CRM sync: system statuses are not theirs to set. */
  setByAgent(email: string, statusId: string, source: 'agent' | 'crm'): void {
    const def = this.def(statusId);
    if (!def) fail('bad_request', `unknown status "${statusId}"`);
    if (def.kind === 'system') fail('bad_request', `status "${statusId}" is set by the system only`);
    this.set(email, statusId, source);
  }

  /** Apply a change (any source, any status). A repeat of the current status and source is a no-op. */
  set(email: string, statusId: string, source: StatusSource): void {
    const a = this.ctx.agents.require(email);
    const kind = this.kind(statusId);
    if (!kind) fail('bad_request', `unknown status "${statusId}"`);
    if (a.statusId === statusId && a.source === source) return;
    if (statusId !== SYSTEM_STATUS_IDS.wrapUp) this.cancelWrapUp(a.agent.email);
    a.statusId = statusId;
    a.source = source;
    a.since = now(this.ctx);
    this.ctx.hub.toIdentity(a.agent.email, 'agent.status', { statusId, source });
    this.ctx.supervisors.changed();
    if (kind === 'available') this.ctx.router.routeAll();
  }

  /** A voice session left this agent: wrap-up (if configured), then the default next status. */
  afterVoice(email: string): void {
    const a = this.ctx.agents.require(email);
    // The agent (or its CRM) already chose another status during the call: keep it (SYNC-4 b).
    if (a.statusId !== SYSTEM_STATUS_IDS.inCall) return;
    const wrapMs = this.ctx.cfg.wrapUpSec * 1000;
    if (wrapMs <= 0) {
      this.set(email, SYSTEM_STATUS_IDS.available, 'system');
      return;
    }
    this.set(email, SYSTEM_STATUS_IDS.wrapUp, 'system');
    this.wrapUps.set(
      email,
      this.ctx.timers.after(wrapMs, () => {
        this.wrapUps.delete(email);
        if (this.ctx.agents.require(email).statusId === SYSTEM_STATUS_IDS.wrapUp) {
          this.set(email, SYSTEM_STATUS_IDS.available, 'system');
        }
      }),
    );
  }

  private cancelWrapUp(email: string): void {
    this.ctx.timers.cancel(this.wrapUps.get(email));
    this.wrapUps.delete(email);
  }
}
