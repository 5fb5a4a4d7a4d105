// The Kustomer page(s) as the core sees them (SEC-1: a page may send only the messages of
// common/ipc/kustomer-page.ts; anything else is dropped). Each host view (the Electron
// WebContentsView, a browser-host iframe) holds at most one page instance; instances count for
// SYNC-5. Apply requests (two-way sync) go out through the port and settle when the page answers.
import { z } from 'zod';
import { kustomerPageMessageSchema, type KustomerPageMessage } from '../../common/ipc/index.js';
import type { CrmApplyResult, CrmStatusReport } from '../engine/status-sync/index.js';
import type { KustomerPagePort, Log } from './ports.js';

export interface PageInstance {
  instanceId: string;
  userEmail: string | null;
  userId: string | null;
}

export interface KustomerBridgeDeps {
  port: KustomerPagePort;
  log: Log;
  /** The set of pages (or the signed-in user) changed. */
  onPages(): void;
  onStatus(report: CrmStatusReport): void;
  /** KUS-1: a phone number clicked in the page. */
  onDial(number: string): void;
  applyTimeoutMs?: number;
}

type Pending = { resolve: (r: CrmApplyResult) => void; timer: NodeJS.Timeout };

export class KustomerBridge {
  private readonly views = new Map<string, PageInstance>();
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: KustomerBridgeDeps) {}

  get pageInstances(): number {
    return this.views.size;
  }

  /** The user signed in to the page(s): the latest page that said, else null. */
  get userEmail(): string | null {
    let email: string | null = null;
    for (const v of this.views.values()) if (v.userEmail) email = v.userEmail;
    return email;
  }

  message(raw: unknown, viewId: string): { ok: true } | { ok: false; error: string } {
    const parsed = kustomerPageMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const error = z.prettifyError(parsed.error).replace(/\n/g, '; ');
      this.deps.log.warn('kustomer.page_message_rejected', { viewId, error });
      return { ok: false, error };
    }
    this.handle(parsed.data, viewId);
    return { ok: true };
  }

  private handle(m: KustomerPageMessage, viewId: string): void {
    switch (m.type) {
      case 'page':
        this.views.set(viewId, { instanceId: m.instanceId, userEmail: m.userEmail, userId: m.userId });
        this.deps.onPages();
        return;
      case 'status': {
        const view = this.views.get(viewId);
        if (view?.instanceId !== m.instanceId) {
          // A page that reports before introducing itself still counts as a page (its user unknown).
          this.views.set(viewId, { instanceId: m.instanceId, userEmail: null, userId: null });
          this.deps.onPages();
        }
        const { type: _type, instanceId: _id, ...report } = m;
        this.deps.onStatus(report);
        return;
      }
      case 'applied':
        this.settle(m.commandId, { ok: true });
        return;
      case 'apply-failed':
        this.settle(m.commandId, { ok: false, error: { code: 'failed', message: m.error } });
        return;
      case 'dial':
        this.deps.onDial(m.number);
        return;
    }
  }

  /** The host's view closed or navigated away: its page is gone. */
  viewClosed(viewId: string): void {
    if (this.views.delete(viewId)) this.deps.onPages();
  }

  /** Ask the page to set the user status (StatusSyncService port). */
  apply(name: string, commandId: string): Promise<CrmApplyResult> {
    if (this.views.size === 0) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'the Kustomer page is not open' } });
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(commandId, { ok: false, error: { code: 'timeout', message: 'the Kustomer page did not answer' } }), this.deps.applyTimeoutMs ?? 15_000);
      timer.unref?.();
      this.pending.set(commandId, { resolve, timer });
      try {
        this.deps.port.apply({ type: 'apply', commandId, name });
      } catch (e) {
        this.settle(commandId, { ok: false, error: { code: 'unavailable', message: (e as Error).message } });
      }
    });
  }

  private settle(commandId: string, r: CrmApplyResult): void {
    const p = this.pending.get(commandId);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(commandId);
    p.resolve(r);
  }

  close(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, error: { code: 'unavailable', message: 'AgentDesk is closing' } });
  }
}
