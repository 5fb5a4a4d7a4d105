// The simulator's shared state and services, wired once in sim.ts. Services reach each other
// through this object so each module stays one concern without import cycles.
import type { Settings } from '../../common/protocol/index.js';
import type { AgentRegistry } from './agent-registry.js';
import type { ChatService } from './chat.js';
import type { EventHub } from './event-hub.js';
import type { IntakeService } from './intake.js';
import type { LateEvents } from './late-events.js';
import type { Lifecycle } from './lifecycle.js';
import type { MediaStore } from './media.js';
import type { ResolvedOptions } from './options.js';
import type { QueueTree } from './queue-tree.js';
import type { Router } from './router.js';
import type { SessionStore } from './session-store.js';
import type { StatusService } from './status-service.js';
import type { SupervisorFeed } from './supervisor-feed.js';
import type { Timers } from './time.js';
import type { TransferService } from './transfer.js';
import type { VoicemailService } from './voicemail.js';

export interface SimContext {
  readonly cfg: ResolvedOptions;
  readonly timers: Timers;
  readonly queues: QueueTree;
  readonly agents: AgentRegistry;
  readonly sessions: SessionStore;
  readonly hub: EventHub;
  readonly media: MediaStore;
  settings: Settings;
  /** http://host:port once listening. */
  baseUrl: string;
  status: StatusService;
  supervisors: SupervisorFeed;
  router: Router;
  lifecycle: Lifecycle;
  chat: ChatService;
  transfers: TransferService;
  late: LateEvents;
  intake: IntakeService;
  voicemails: VoicemailService;
}

export function now(ctx: SimContext): number {
  return ctx.cfg.clock.now();
}

/** Identities that receive orchestrator traffic: the directory's and any that logged in with the role. */
export function orchestrators(ctx: SimContext): string[] {
  const emails = ctx.agents.withRole('orchestrator').map((a) => a.agent.email);
  if (emails.length === 0) ctx.cfg.log('no orchestrator identity known: orchestrator event not delivered');
  return emails;
}
