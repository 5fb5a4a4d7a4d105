// The thin I/O shell around decide(): feeds inputs in order, performs the writes through narrow
// ports, feeds their results back, keeps the audit ring and tells listeners. No socket, IPC or
// Electron here: adapters implement the ports and call the feeding methods.
import { z } from 'zod';
import type { Ack } from '../../../common/protocol/index.js';
import { AuditRing } from './audit.js';
import { decide } from './decide.js';
import { crmStatusInput, crmStatusReportSchema } from './inputs.js';
import { initialState } from './state.js';
import type { DecideContext } from './state.js';
import type { SyncState } from './state.js';
import type { AgentStatusDef, AuditEntry, Notice, StatusSource, StatusSyncSettings, SyncAction, SyncInput, WriteAction } from './types.js';

export interface Clock {
  now(): number;
}
export interface Log {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}
export interface CrmApplyResult {
  ok: boolean;
  error?: { code?: string; message: string };
}
export interface StatusSyncPorts {
  /** Contact center `agent.setStatus {statusId, source: 'crm'}`. */
  sendCcStatus(statusId: string): Promise<Ack>;
  /**
   * Ask the Kustomer page to switch the user status. The preload should tag the change it causes
   * with `commandId` (CrmStatusReport.commandId) so its echo is recognised exactly.
   */
  applyCrmStatus(name: string, commandId: string): Promise<CrmApplyResult>;
  clock: Clock;
  log: Log;
}
export interface StatusSyncOptions {
  settings: StatusSyncSettings;
  statuses?: AgentStatusDef[];
  auditCapacity?: number;
  /** Tunables of decide(); see DecideContext. Set crmEchoTags when the preload tags its echoes. */
  echoTtlMs?: number;
  commandTimeoutMs?: number;
  crmEchoTags?: boolean;
}
export interface SyncChange {
  state: SyncState;
  entry: AuditEntry;
  notices: Notice[];
}
export type ChangeListener = (change: SyncChange) => void;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class StatusSyncService {
  private current: SyncState;
  private readonly ring: AuditRing;
  private readonly listeners = new Set<ChangeListener>();
  private readonly queue: SyncInput[] = [];
  private draining = false;
  private readonly calls = new Set<Promise<void>>();

  constructor(
    private readonly ports: StatusSyncPorts,
    private readonly options: StatusSyncOptions,
  ) {
    this.current = initialState(options.settings, options.statuses ?? []);
    this.ring = new AuditRing(options.auditCapacity);
  }

  get state(): SyncState {
    return this.current;
  }

  /** Oldest first, at most `auditCapacity` entries. */
  get audit(): AuditEntry[] {
    return this.ring.entries();
  }

  /** Newest first, only the decisions that changed or tried to change a status. */
  get statusChanges(): AuditEntry[] {
    return this.ring.statusChanges();
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Inputs are decided strictly one at a time, also when a listener feeds a new one. */
  dispatch(input: SyncInput): void {
    this.queue.push(input);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) this.step(next);
    } finally {
      this.draining = false;
    }
  }

  /** A report from the Kustomer webview, parsed here because it crosses a trust boundary. */
  reportCrmStatus(raw: unknown): { ok: true } | { ok: false; error: string } {
    const r = crmStatusReportSchema.safeParse(raw);
    if (!r.success) {
      const error = z.prettifyError(r.error).replace(/\n/g, '; ');
      this.ports.log.warn('status-sync: rejected Kustomer status report', { error });
      return { ok: false, error };
    }
    this.dispatch(crmStatusInput(r.data, this.ports.clock.now()));
    return { ok: true };
  }

  ccStatus(statusId: string, source: StatusSource, at: number = this.ports.clock.now()): void {
    this.dispatch({ type: 'cc.status', statusId, source, at });
  }

  login(statusId: string | null, statuses: AgentStatusDef[], settings?: StatusSyncSettings, at: number = this.ports.clock.now()): void {
    this.dispatch({ type: 'login', statusId, statuses, settings, at });
  }

  updateSettings(settings: StatusSyncSettings, at: number = this.ports.clock.now()): void {
    this.dispatch({ type: 'settings', settings, at });
  }

  /** Resolves once every write started so far, and the writes they led to, has settled. */
  async idle(): Promise<void> {
    while (this.calls.size > 0) await Promise.all([...this.calls]);
  }

  private step(input: SyncInput): void {
    const { echoTtlMs, commandTimeoutMs, crmEchoTags } = this.options;
    const ctx: DecideContext = {
      now: this.ports.clock.now(),
      ...(echoTtlMs === undefined ? {} : { echoTtlMs }),
      ...(commandTimeoutMs === undefined ? {} : { commandTimeoutMs }),
      ...(crmEchoTags === undefined ? {} : { crmEchoTags }),
    };
    const result = decide(this.current, input, ctx);
    this.current = result.state;
    this.ring.push(result.audit);
    const notices: Notice[] = [];
    for (const a of result.actions) this.perform(a, notices);
    this.ports.log.info('status-sync decision', { rule: result.audit.rule, before: result.audit.before, after: result.audit.after, note: result.audit.note });
    for (const l of this.listeners) {
      try {
        l({ state: this.current, entry: result.audit, notices });
      } catch (e) {
        this.ports.log.warn('status-sync: listener failed', { error: message(e) });
      }
    }
  }

  private perform(action: SyncAction, notices: Notice[]): void {
    if (action.type === 'notice') {
      notices.push(action.notice);
      return;
    }
    this.track(this.write(action));
  }

  private async write(action: WriteAction): Promise<void> {
    const { commandId } = action;
    const at = (): number => this.ports.clock.now();
    if (action.type === 'cc.setStatus') {
      try {
        const ack = await this.ports.sendCcStatus(action.statusId);
        if (ack.ok) {
          const statusId = typeof ack['statusId'] === 'string' ? ack['statusId'] : undefined;
          this.dispatch({ type: 'cc.ack', commandId, statusId, at: at() });
        } else this.dispatch({ type: 'cc.nack', commandId, error: ack.error, at: at() });
      } catch (e) {
        this.dispatch({ type: 'cc.nack', commandId, error: { code: 'unavailable', message: message(e) }, at: at() });
      }
      return;
    }
    try {
      const r = await this.ports.applyCrmStatus(action.name, commandId);
      if (r.ok) this.dispatch({ type: 'crm.applied', commandId, at: at() });
      else {
        const error = { code: r.error?.code ?? 'failed', message: r.error?.message ?? 'the Kustomer page did not apply the status' };
        this.dispatch({ type: 'crm.failed', commandId, error, at: at() });
      }
    } catch (e) {
      this.dispatch({ type: 'crm.failed', commandId, error: { code: 'unavailable', message: message(e) }, at: at() });
    }
  }

  private track(p: Promise<void>): void {
    const tracked = p.finally(() => this.calls.delete(tracked));
    this.calls.add(tracked);
  }
}
