// The core's public face: what hosts (Electron, the browser host, tests) hold and call.
import type { AppState, IpcResult } from '../../common/ipc/index.js';
import type { OutboxOptions } from '../engine/outbox/outbox-runner.js';
import type { ManagedConfig } from './managed-config.js';
import type { IpcSender } from './ports.js';
import type { Scheduler } from './state/app-state-store.js';

export interface AppCoreOptions {
  managed?: ManagedConfig;
  outbox?: Partial<OutboxOptions>;
  scheduler?: Scheduler;
  applyTimeoutMs?: number;
  ackTimeoutMs?: number;
  shutdownGraceMs?: number;
  /** How long `auth:signIn` waits for the contact center's `hello` (default 15 s). */
  signInTimeoutMs?: number;
}

export interface AppCore {
  /** The signed-in contact-center identity (the token's e-mail), or null while signed out; the journal lives under it. */
  readonly identity: string | null;
  readonly dataDir: string | null;
  /**
   * Signs in with the configured or stored token when there is one; else waits signed out
   * (AppState.auth) for `auth:signIn`.
   */
  start(): void;
  stop(): Promise<void>;
  /** This computer's SIP server, for the CSP (known before anyone signs in). */
  sipWsUrl(): string | null;
  getState(): AppState;
  onState(listener: (state: AppState) => void): () => void;
  /** One IPC request from a checked sender; never throws. */
  handle(channel: string, request: unknown, sender: IpcSender): Promise<IpcResult<unknown>>;
  /** A message from a Kustomer page (Electron: its preload channel), parsed here (SEC-1). */
  kustomerPageMessage(message: unknown, viewId: string): { ok: true } | { ok: false; error: string };
  kustomerViewClosed(viewId: string): void;
  /** An OS tel:/callto: link (or a plain number): into the dial pad. */
  openLink(raw: string): boolean;
  /** A second launch of AgentDesk was redirected to this one (SYNC-5: one AgentDesk per agent). */
  secondInstance(): void;
  /** Global shortcut: ask the renderer to answer or hang up. */
  shortcut(kind: 'answer' | 'hangUp'): boolean;
}

export class AppCoreError extends Error {}
