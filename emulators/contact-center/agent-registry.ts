// Who the contact center knows: the directory plus agents admitted on first login, each with
// its status and its live connections. Roles belong to the identity (the last login's token wins).
import type { Socket } from 'socket.io';
import type { Agent, AgentRef, Role, StatusSource } from '../../common/protocol/index.js';
import { defaultSipUri, DEFAULT_SIP_DOMAIN } from './default-data.js';
import { fail } from './sim-error.js';

export interface AgentState {
  agent: Agent;
  /** Queue ids (leaf or parent) served; null = all. */
  queueIds: string[] | null;
  statusId: string;
  source: StatusSource;
  /** When the current status began (ms). */
  since: number;
  sockets: Set<Socket>;
  everConnected: boolean;
  /** Extension (SOFT-1): where this agent's softphone registers; voice sessions ring there. */
  sipUri: string;
}

export interface AgentSeed extends Agent {
  queueIds?: string[] | undefined;
  sipUri?: string | undefined;
}

export class AgentRegistry {
  private readonly byEmailMap = new Map<string, AgentState>();
  private admitted = 0;

  constructor(
    seeds: AgentSeed[],
    private readonly initialStatusId: string,
    private readonly now: () => number,
    private readonly sipDomain: string = DEFAULT_SIP_DOMAIN,
  ) {
    for (const s of seeds) this.add(s);
  }

  private add(seed: AgentSeed): AgentState {
    const { queueIds, sipUri, ...agent } = seed;
    const state: AgentState = {
      agent: { ...agent, email: agent.email.toLowerCase(), roles: [...agent.roles] },
      queueIds: queueIds ? [...queueIds] : null,
      statusId: this.initialStatusId,
      source: 'system',
      since: this.now(),
      sockets: new Set(),
      everConnected: false,
      sipUri: sipUri ?? defaultSipUri(agent.id, this.sipDomain),
    };
    this.byEmailMap.set(state.agent.email, state);
    return state;
  }

  /** Login: a known identity, or a new agent (role `agent`, no CRM user) for an unknown e-mail. */
  admit(email: string, tokenRoles: Role[] | null): AgentState {
    let state = this.byEmailMap.get(email);
    if (!state) {
      this.admitted += 1;
      state = this.add({
        id: `ag-new-${this.admitted}`,
        email,
        name: email.split('@')[0] ?? email,
        roles: tokenRoles ?? ['agent'],
        crmUserId: null,
      });
    } else if (tokenRoles) {
      state.agent.roles = [...tokenRoles];
    }
    return state;
  }

  attach(state: AgentState, socket: Socket): void {
    state.sockets.add(socket);
    state.everConnected = true;
  }

  detach(state: AgentState, socket: Socket): void {
    state.sockets.delete(socket);
  }

  byEmail(email: string): AgentState | undefined {
    return this.byEmailMap.get(email.toLowerCase());
  }

  byId(id: string): AgentState | undefined {
    for (const s of this.byEmailMap.values()) if (s.agent.id === id) return s;
    return undefined;
  }

  require(email: string): AgentState {
    return this.byEmail(email) ?? fail('not_found', `unknown agent "${email}"`);
  }

  all(): AgentState[] {
    return [...this.byEmailMap.values()];
  }

  /** Identities holding `role`; `connectedOnce` keeps only those that have logged in at least once. */
  withRole(role: Role, connectedOnce = false): AgentState[] {
    return this.all().filter((s) => s.agent.roles.includes(role) && (!connectedOnce || s.everConnected));
  }

  sockets(): Socket[] {
    return this.all().flatMap((s) => [...s.sockets]);
  }
}

export function agentRef(s: AgentState): AgentRef {
  return { id: s.agent.id, email: s.agent.email, crmUserId: s.agent.crmUserId };
}

