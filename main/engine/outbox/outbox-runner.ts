// Runs the durable outbox (REL-1): one entry at a time per record key (so a record's writes
// keep their order), several keys at once, retries with capped exponential backoff and jitter,
// honours Retry-After (and pauses every write while the CRM says it is rate limited), folds
// consecutive updates of one record into one call, dead-letters what the CRM will never accept.
import type { StateStore } from '../state-store.js';
import type { OutboxEntry, Progress } from '../durable-state.js';
import type { CrmPort } from '../crm-port.js';
import { CrmError } from '../crm-port.js';
import type { Clock, ContactCenterLink, FileFetcher, Log } from '../ports.js';
import type { Intent } from '../orchestration/types.js';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff.js';
import { executeIntent } from './execute-intent.js';
import { RecordNotFound, type ExecEnv } from './exec-env.js';
import type { OutboxEvent, OutboxListener } from './outbox-events.js';
import { KeyQueues } from './key-queues.js';

export interface OutboxDeps {
  crm: () => CrmPort;
  cc: ContactCenterLink;
  files: FileFetcher;
  log: Log;
  clock: Clock;
}

export interface OutboxOptions {
  concurrency: number;
  backoff: BackoffPolicy;
  /** Attempts to find a record that another process is still creating before giving up. */
  notFoundAttempts: number;
  random: () => number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = { concurrency: 8, backoff: DEFAULT_BACKOFF, notFoundAttempts: 6, random: Math.random };

export class OutboxRunner {
  private readonly queues: KeyQueues;
  private readonly inFlight = new Map<number, { controller: AbortController; done: Promise<void> }>();
  private readonly listeners = new Set<OutboxListener>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private pausedUntil = 0;
  private stopped = false;
  private readonly opts: OutboxOptions;
  /** Entries found in the journal at start: any of their steps may have reached the CRM already. */
  private readonly recovered: Set<number>;

  constructor(
    private readonly store: StateStore,
    private readonly deps: OutboxDeps,
    opts: Partial<OutboxOptions> = {},
  ) {
    this.opts = { ...DEFAULT_OUTBOX_OPTIONS, ...opts };
    this.queues = new KeyQueues(Object.values(store.state.entries));
    this.recovered = new Set(Object.values(store.state.entries).map((e) => e.id));
  }

  onEvent(l: OutboxListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Entries were journalled by the engine: index them and start what can start. */
  added(entries: OutboxEntry[]): void {
    for (const e of entries) {
      this.queues.add(e);
      this.emit(e, 'pending');
    }
    this.kick();
  }

  pending(): OutboxEntry[] {
    return Object.values(this.store.state.entries).filter((e) => e.status === 'pending');
  }

  dead(): OutboxEntry[] {
    return Object.values(this.store.state.entries).filter((e) => e.status === 'dead');
  }

  /** An admin's "try again" on a dead-lettered write. */
  revive(id: number): boolean {
    const e = this.store.state.entries[id];
    if (!e || e.status !== 'dead') return false;
    this.store.write({ t: 'revive', id, nextAt: this.deps.clock.now().getTime() });
    this.kick();
    return true;
  }

  kick(): void {
    if (this.stopped) return;
    const now = this.deps.clock.now().getTime();
    if (now < this.pausedUntil) return this.schedule(this.pausedUntil);
    let next = Infinity;
    for (const entry of this.queues.heads(this.store.state.entries)) {
      if (this.inFlight.size >= this.opts.concurrency) break;
      if (this.inFlight.has(entry.id) || this.queues.busy(entry.key)) continue;
      if (entry.nextAt > now) {
        next = Math.min(next, entry.nextAt);
        continue;
      }
      this.start(entry);
    }
    if (next < Infinity) this.schedule(next);
  }

  /** Stop starting writes; let running ones finish for up to `graceMs`, then abort them. Pending work stays journalled. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const running = [...this.inFlight.values()];
    const all = Promise.all(running.map((r) => r.done));
    let t: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((res) => (t = setTimeout(() => res('timeout'), graceMs)));
    if ((await Promise.race([all.then(() => 'done' as const), timeout])) === 'timeout') {
      for (const r of running) r.controller.abort();
      await all;
    }
    if (t) clearTimeout(t);
  }

  idle(): boolean {
    return this.inFlight.size === 0 && this.pending().length === 0;
  }

  private schedule(at: number): void {
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.kick();
    }, Math.max(0, at - this.deps.clock.now().getTime()));
    this.timer.unref?.();
  }

  private start(entry: OutboxEntry): void {
    const controller = new AbortController();
    const merged = entry.intent.kind === 'updateRecord' ? this.queues.followingUpdates(entry, this.store.state.entries) : [];
    this.queues.setBusy(entry.key, true);
    const done = this.run(entry, merged, controller).finally(() => {
      this.inFlight.delete(entry.id);
      this.queues.setBusy(entry.key, false);
      this.kick();
    });
    this.inFlight.set(entry.id, { controller, done });
  }

  private env(entry: OutboxEntry, signal: AbortSignal): ExecEnv {
    const { store } = this;
    return {
      crm: this.deps.crm(),
      cc: this.deps.cc,
      files: this.deps.files,
      log: this.deps.log,
      now: () => this.deps.clock.now(),
      signal,
      binding: (key) => store.state.bindings[key] ?? null,
      beginStep: async (step) => {
        // An attempt record lost in an OS crash is harmless: a recovered entry treats every step as
        // possibly sent. What must be on disk before the CRM sees a step is the entry itself.
        const ranBefore = this.recovered.has(entry.id) || (store.state.entries[entry.id]?.progress.attempted.includes(step) ?? false);
        const attempt = { t: 'attempt', id: entry.id, step } as const;
        if (store.enqueueOnDisk(entry.id)) store.write(attempt);
        else await store.writeDurable(attempt);
        return ranBefore;
      },
      saveProgress: (p: Progress) => {
        const attempted = store.state.entries[entry.id]?.progress.attempted ?? [];
        store.write({ t: 'progress', id: entry.id, progress: { ...p, attempted: [...new Set([...attempted, ...p.attempted])] } });
      },
    };
  }

  private async run(entry: OutboxEntry, merged: OutboxEntry[], controller: AbortController): Promise<void> {
    const started = this.deps.clock.now().getTime();
    try {
      const result = await executeIntent(entry, this.env(entry, controller.signal), merged.map((m) => m.intent));
      const followUps = result.followUps ?? [];
      const ids = this.store.allocateIds(followUps.length);
      const enq = followUps.map((intent, n) => ({ id: ids[n] as number, intent, at: this.deps.clock.now().getTime() }));
      this.store.write({ t: 'done', ids: [entry.id, ...merged.map((m) => m.id)], ...(result.bind ? { bind: result.bind } : {}), ...(enq.length ? { enq } : {}) });
      for (const m of [entry, ...merged]) this.queues.remove(m);
      this.emit(entry, 'written', { ...(result.bind ? { link: result.bind.link } : {}) });
      this.deps.log.info('crm.write', { kind: entry.intent.kind, key: entry.key, merged: merged.length, ms: this.deps.clock.now().getTime() - started });
      const added = enq.map((e) => this.store.state.entries[e.id]).filter((e): e is OutboxEntry => !!e);
      for (const e of added) this.queues.add(e);
    } catch (err) {
      if (controller.signal.aborted && this.stopped) return; // stays pending for the next start
      this.failed(entry, err);
    }
  }

  private failed(entry: OutboxEntry, err: unknown): void {
    const current = this.store.state.entries[entry.id];
    const attempts = current?.attempts ?? entry.attempts;
    const message = err instanceof Error ? err.message : String(err);
    const permanent =
      (err instanceof CrmError && (err.kind === 'invalid' || err.kind === 'not_found')) ||
      (err instanceof RecordNotFound && attempts >= this.opts.notFoundAttempts);
    if (permanent) {
      this.store.write({ t: 'dead', id: entry.id, error: message });
      this.emit(entry, 'failed', { error: message });
      this.deps.log.error('crm.write.failed', { kind: entry.intent.kind, key: entry.key, attempts, error: message });
      return;
    }
    const retryAfter = err instanceof CrmError ? err.retryAfterMs : null;
    const delay = retryDelay(Math.max(1, attempts), this.opts.backoff, retryAfter, this.opts.random);
    const now = this.deps.clock.now().getTime();
    // An account-wide limit holds back every write; a per-record limit only this record's (its entry waits anyway).
    if (err instanceof CrmError && err.kind === 'rate_limited' && err.scope === 'account') this.pausedUntil = Math.max(this.pausedUntil, now + (retryAfter ?? delay));
    this.store.write({ t: 'retry', id: entry.id, nextAt: now + delay, error: message });
    this.emit(entry, 'retrying', { error: message, retryInMs: delay });
    this.deps.log.warn('crm.write.retry', { kind: entry.intent.kind, key: entry.key, attempts, retryInMs: delay, error: message });
  }

  private emit(entry: OutboxEntry, state: OutboxEvent['state'], extra: Partial<OutboxEvent> = {}): void {
    const e: OutboxEvent = {
      entryId: entry.id,
      key: entry.key,
      kind: entry.intent.kind,
      state,
      attempts: this.store.state.entries[entry.id]?.attempts ?? entry.attempts,
      ...(entry.intent.kind === 'openRecord' ? { subject: (entry.intent as Extract<Intent, { kind: 'openRecord' }>).record.subject } : {}),
      ...extra,
    };
    for (const l of this.listeners) l(e);
  }
}
