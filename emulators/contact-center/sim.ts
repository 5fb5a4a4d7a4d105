// Composition root: resolve options, build the shared context and its services, start the
// transport with the media and control routes.
import { AgentRegistry } from './agent-registry.js';
import { ChatService } from './chat.js';
import type { SimContext } from './context.js';
import { controlHandler } from './control-http.js';
import { SYSTEM_STATUS_IDS } from './default-data.js';
import { EventHub } from './event-hub.js';
import { createHandle, type ContactCenterSim } from './handle.js';
import { IntakeService } from './intake.js';
import { LateEvents } from './late-events.js';
import { Lifecycle } from './lifecycle.js';
import { MediaStore } from './media.js';
import { resolveOptions, type ResolvedOptions, type SimOptions } from './options.js';
import { QueueTree } from './queue-tree.js';
import { Router } from './router.js';
import { SessionStore } from './session-store.js';
import { StatusService } from './status-service.js';
import { SupervisorFeed } from './supervisor-feed.js';
import { Timers } from './time.js';
import { TransferService } from './transfer.js';
import { Transport } from './transport.js';
import { VoicemailService } from './voicemail.js';

function createContext(cfg: ResolvedOptions): SimContext {
  const queues = new QueueTree(cfg.queues);
  for (const a of cfg.agents) {
    for (const q of a.queueIds ?? []) {
      if (!queues.get(q)) throw new Error(`agents: ${a.email} serves unknown queue "${q}"`);
    }
  }
  const sessions = new SessionStore();
  // Services are attached right below; the object is complete before anything runs.
  const ctx = {
    cfg,
    queues,
    sessions,
    settings: cfg.settings,
    baseUrl: '',
    timers: new Timers((err) => cfg.log(`timer failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)),
    agents: new AgentRegistry(cfg.agents, SYSTEM_STATUS_IDS.offline, () => cfg.clock.now(), cfg.sipDomain),
    hub: new EventHub({
      clock: cfg.clock,
      replayBufferSize: cfg.replayBufferSize,
      validate: cfg.validateOutgoing,
      seqStart: cfg.seqStart,
      logSize: cfg.emittedLogSize,
    }),
  } as SimContext;
  Object.assign(ctx, {
    media: new MediaStore(
      (id) => sessions.get(id)?.recording != null,
      (id) => ctx.voicemails.has(id),
    ),
    status: new StatusService(ctx),
    supervisors: new SupervisorFeed(ctx),
    router: new Router(ctx),
    lifecycle: new Lifecycle(ctx),
    chat: new ChatService(ctx),
    transfers: new TransferService(ctx),
    late: new LateEvents(ctx),
    intake: new IntakeService(ctx),
    voicemails: new VoicemailService(ctx),
  });
  return ctx;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Start a contact-center simulator; resolves once it listens. */
export async function startContactCenter(opts: SimOptions = {}): Promise<ContactCenterSim> {
  const cfg = resolveOptions(opts);
  const ctx = createContext(cfg);
  const transport = new Transport(ctx);
  const sim = createHandle(ctx, transport);
  transport.use((req, res, path) => ctx.media.handle(req, res, path));
  transport.use(controlHandler(sim));
  const port = await transport.listen(cfg.host, cfg.port);
  ctx.baseUrl = `http://${urlHost(cfg.host)}:${port}`;
  return sim;
}
