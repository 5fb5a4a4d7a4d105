// The programmatic face of a running simulator: the control API tests and scripts drive, and
// read-only inspection. Inputs are validated like the HTTP ones; failures throw SimError.
import type { Queue, Settings, StatusSource, Voicemail } from '../../common/protocol/index.js';
import type { SimContext } from './context.js';
import {
  agentStatusInput,
  parseInput,
  transferInput,
  type InboundInput,
  type SmartActionInput,
  type TransferInput,
  type VoicemailInput,
} from './control-schemas.js';
import { deepMerge } from './deep-merge.js';
import type { EmittedEntry } from './event-hub.js';
import { parseSettings } from './options.js';
import type { RecordLink, SessionSnapshot } from './session-store.js';
import { fail, SimError } from './sim-error.js';
import { iso } from './time.js';
import type { TransferTarget } from './transfer.js';
import type { Transport } from './transport.js';

export interface AgentSnapshot {
  id: string;
  email: string;
  name: string;
  roles: string[];
  crmUserId: string | null;
  statusId: string;
  source: StatusSource;
  since: string;
  sessions: string[];
  connections: number;
  online: boolean;
  /** Extension (SOFT-1): where the agent's softphone registers. */
  sipUri: string;
}

/**
 * SOFT-1: where the media side (the customer's call, in tests and the demo the caller page)
 * should send the SIP INVITE of a voice session: the SIP URI of the agent it is offered to or
 * connected with, with the header that carries the session id. `sipUri` is null while no agent
 * holds it (queued, ended).
 */
export interface SipTarget {
  sessionId: string;
  state: SessionSnapshot['state'];
  agentId: string | null;
  agentEmail: string | null;
  sipUri: string | null;
  /** The header name the INVITE must carry with the session id (PROTOCOL.md: X-Session-Id). */
  header: string;
}

export interface SimState {
  url: string;
  sessions: SessionSnapshot[];
  agents: AgentSnapshot[];
  linkedRecords: RecordLink[];
  voicemails: Voicemail[];
  queues: Queue[];
  settings: Settings;
}

export interface ContactCenterSim {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  /** Close socket.io and HTTP, reopen on the same port; state and replay buffers survive. */
  restart(): Promise<void>;
  inbound(input: InboundInput): string;
  consumerMessage(sessionId: string, text: string, from?: 'consumer' | 'bot'): string;
  abandon(sessionId: string): void;
  end(sessionId: string): void;
  hold(sessionId: string, on: boolean): void;
  /** Accept on behalf of the agent the session is ringing at (headless agents, scenarios). */
  accept(sessionId: string): void;
  /** Transfer on behalf of the agent handling the session. */
  transfer(sessionId: string, target: Omit<TransferInput, 'sessionId'>): void;
  dial(email: string, number: string, queueId?: string): string;
  /** SOFT-1: which agent SIP URI a voice session's INVITE goes to now (see SipTarget). */
  sipTarget(sessionId: string): SipTarget;
  recording(sessionId: string, durationSec?: number): string;
  csat(sessionId: string, rating: number, comment?: string | null): void;
  smartAction(sessionId: string, action: Omit<SmartActionInput, 'sessionId'>): string;
  voicemail(input: VoicemailInput): string;
  voicemailUpdate(voicemailId: string, action: 'read' | 'closed' | 'called_back', byEmail: string): void;
  setSettings(patch: Record<string, unknown>): Settings;
  setAgentStatus(email: string, statusId: string, source?: StatusSource): void;
  /** Drop every socket at the transport level (clients reconnect); returns how many. */
  disconnectAll(): number;
  sessions(): SessionSnapshot[];
  session(sessionId: string): SessionSnapshot | undefined;
  agents(): AgentSnapshot[];
  linkedRecords(): RecordLink[];
  voicemails(): Voicemail[];
  emitted(email?: string): EmittedEntry[];
  /** Payloads the simulator refused to send because they broke common/protocol (should stay empty). */
  contractViolations(): string[];
  settings(): Settings;
  state(): SimState;
}

export function createHandle(ctx: SimContext, transport: Transport): ContactCenterSim {
  const { cfg } = ctx;

  const handlerOf = (sessionId: string): string => {
    const s = ctx.sessions.require(sessionId);
    return s.agentEmail ?? fail('conflict', `session ${sessionId} has no agent`);
  };

  const agents = (): AgentSnapshot[] =>
    ctx.agents.all().map((a) => ({
      ...structuredClone(a.agent),
      statusId: a.statusId,
      source: a.source,
      since: iso(a.since),
      sessions: ctx.sessions.forAgent(a.agent.email).map((s) => s.session.id),
      connections: a.sockets.size,
      online: a.sockets.size > 0,
      sipUri: a.sipUri,
    }));

  const sim: ContactCenterSim = {
    get url() {
      return ctx.baseUrl;
    },
    get port() {
      return transport.port;
    },
    async close() {
      ctx.timers.cancelAll();
      await transport.close();
    },
    async restart() {
      await transport.close();
      await transport.listen(cfg.host, transport.port);
    },
    inbound: (input) => ctx.intake.inbound(input),
    consumerMessage: (sessionId, text, from = 'consumer') => ctx.chat.consumerMessage(sessionId, text, from),
    abandon: (sessionId) => ctx.lifecycle.abandon(sessionId),
    end: (sessionId) => ctx.lifecycle.end(sessionId),
    hold: (sessionId, on) => ctx.lifecycle.hold(sessionId, on),
    accept: (sessionId) => ctx.router.accept(handlerOf(sessionId), sessionId),
    transfer(sessionId, raw) {
      const t = parseInput(transferInput, { ...raw, sessionId }, 'transfer');
      let target: TransferTarget;
      if ('toAgentEmail' in t) target = { toAgentId: ctx.agents.require(t.toAgentEmail).agent.id };
      else if ('toAgentId' in t) target = { toAgentId: t.toAgentId };
      else target = { toQueueId: t.toQueueId };
      ctx.transfers.transfer(handlerOf(sessionId), sessionId, target);
    },
    dial: (email, number, queueId) => ctx.intake.dial(email.toLowerCase(), number, queueId),
    sipTarget(sessionId) {
      const s = ctx.sessions.require(sessionId);
      if (s.session.channel !== 'voice') fail('bad_request', `session ${sessionId} is not a voice session`);
      const holder = s.agentEmail && (s.state === 'offered' || s.state === 'connected') ? ctx.agents.byEmail(s.agentEmail) : undefined;
      return {
        sessionId,
        state: s.state,
        agentId: holder?.agent.id ?? null,
        agentEmail: holder?.agent.email ?? null,
        sipUri: holder?.sipUri ?? null,
        header: s.session.sipCallHeader,
      };
    },
    recording: (sessionId, durationSec) => ctx.lifecycle.recording(sessionId, durationSec),
    csat: (sessionId, rating, comment = null) => ctx.late.csat(sessionId, rating, comment),
    smartAction: (sessionId, action) => ctx.late.smartAction(sessionId, action),
    voicemail: (input) => ctx.voicemails.create(input),
    voicemailUpdate: (id, action, byEmail) => ctx.voicemails.update(id, action, byEmail),
    setSettings(patch) {
      let next: Settings;
      try {
        next = parseSettings(deepMerge(ctx.settings, patch), 'settings');
      } catch (err) {
        throw new SimError('bad_request', err instanceof Error ? err.message : String(err));
      }
      ctx.settings = next;
      for (const a of ctx.agents.all()) {
        if (a.everConnected) ctx.hub.toIdentity(a.agent.email, 'settings', { settings: next });
      }
      return structuredClone(next);
    },
    setAgentStatus(email, statusId, source = 'supervisor') {
      const i = parseInput(agentStatusInput, { email, statusId, source }, 'agent-status');
      ctx.status.set(i.email.toLowerCase(), i.statusId, i.source);
    },
    disconnectAll: () => transport.dropAll(),
    sessions: () => ctx.sessions.all().map((s) => ctx.sessions.snapshot(s)),
    session(sessionId) {
      const s = ctx.sessions.get(sessionId);
      return s ? ctx.sessions.snapshot(s) : undefined;
    },
    agents,
    linkedRecords: () => ctx.sessions.all().flatMap((s) => (s.record ? [{ ...s.record }] : [])),
    voicemails: () => ctx.voicemails.list(),
    emitted: (email) => ctx.hub.emitted(email),
    contractViolations: () => [...ctx.hub.violations],
    settings: () => structuredClone(ctx.settings),
    state: () => ({
      url: ctx.baseUrl,
      sessions: sim.sessions(),
      agents: agents(),
      linkedRecords: sim.linkedRecords(),
      voicemails: sim.voicemails(),
      queues: ctx.queues.list(),
      settings: structuredClone(ctx.settings),
    }),
  };
  return sim;
}
