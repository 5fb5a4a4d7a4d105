// What the channel handlers may use of the core: its parts and a few operations. Kept as an
// interface so handlers do not import core.ts (and tests can see the shape in one place).
import type { Ack, CommandName, CommandPayload, CrmKind, Settings } from '../../common/protocol/index.js';
import type { AppState, IpcRequest, IpcResponse, IpcResult } from '../../common/ipc/index.js';
import type { OrchestrationEngine } from '../engine/orchestration-engine.js';
import type { AppConfig } from './config.js';
import type { CrmWiring } from './crm-wiring.js';
import type { KustomerBridge } from './kustomer-bridge.js';
import type { ManagedConfig } from './managed-config.js';
import type { AppPorts } from './ports.js';
import type { Notices } from './state/notices.js';
import type { AppStateStore } from './state/app-state-store.js';
import type { RecordsView } from './state/records-view.js';

export interface CoreContext {
  readonly config: AppConfig;
  /** The host's ports; `secrets` includes what a "this run only" sign-in holds in memory. */
  readonly ports: AppPorts;
  readonly store: AppStateStore;
  readonly notices: Notices;
  /** The signed-in agent's engine; only channels that need a signed-in agent use it (core.ts guards them). */
  readonly engine: OrchestrationEngine;
  readonly bridge: KustomerBridge;
  /** The signed-in agent's record cards (same guard). */
  readonly records: RecordsView;
  readonly crm: CrmWiring;
  readonly managed: ManagedConfig;
  /** A contact-center command with its acknowledgement (never throws). */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack>;
  /** The settings as the contact center sent them, before IT's overrides. */
  ccSettings(): Settings;
  crmKind(): CrmKind;
  now(): Date;
  /** Change the state (coalesced push). */
  update(change: (s: AppState) => void): void;
  navigate(s: AppState, url: string): void;
  dialRequest(s: AppState, number: string): void;
  /** The SIP password or the CRM key changed. */
  secretsChanged(): void;
  /** Sign in (connect, wait for hello, then store the token) and sign out. */
  signIn(request: IpcRequest<'auth:signIn'>): Promise<IpcResult<IpcResponse<'auth:signIn'>>>;
  signOut(): Promise<void>;
}
