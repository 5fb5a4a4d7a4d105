// The orchestration engine in-process against a CRM on loopback: a journal in a temp dir (reused
// by `boot()`, which is what a restart sees), events fed like the contact center sends them (seq,
// at), and what the engine sends back (record.linked, outbox events) collected for assertions.
// Each CRM's rig only says how its adapter is made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Agent, CommandPayload, CrmKind, ServerEventName, ServerPayload, Settings } from '../../common/protocol/index.js';
import { OrchestrationEngine, type EngineOptions } from '../../main/engine/orchestration-engine.js';
import type { CrmPort } from '../../main/engine/crm-port.js';
import { FileJournal } from '../../main/adapters/store/file-journal.js';
import { httpFileFetcher } from '../../main/adapters/http-file-fetcher.js';
import { silentLog, systemClock } from '../../main/engine/ports.js';
import type { OutboxEvent } from '../../main/engine/outbox/outbox-events.js';

/** Makes the CRM adapter; `settings` reads the engine's current settings. */
export type CrmFactory = (kind: CrmKind, settings: () => Settings) => CrmPort;

export class InProcessEngine {
  engine!: OrchestrationEngine;
  readonly linked: CommandPayload<'record.linked'>[] = [];
  readonly events: OutboxEvent[] = [];
  /** When false, record.linked fails as if the contact center were down. */
  linkOk = true;
  protected seq = 0;

  constructor(
    private readonly makeCrm: CrmFactory,
    readonly dir: string,
    private readonly options: Partial<EngineOptions> = {},
  ) {
    this.boot();
  }

  static tempDir(label: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `agentdesk-${label}-`));
  }

  /** A fresh engine over the same dataDir (what a restart sees). */
  boot(): OrchestrationEngine {
    this.engine = new OrchestrationEngine(
      {
        journal: new FileJournal(this.dir, { fsync: false }),
        crmFor: (kind) => this.makeCrm(kind, () => this.engine.state.settings),
        cc: {
          recordLinked: async (p) => {
            if (!this.linkOk) return { ok: false, error: { code: 'unavailable', message: 'contact center down' } };
            this.linked.push(p);
            return { ok: true };
          },
        },
        files: httpFileFetcher(),
        log: silentLog,
        clock: systemClock,
      },
      { outbox: { backoff: { baseMs: 10, capMs: 100 } }, ...this.options },
    );
    this.engine.onOutboxEvent((e) => this.events.push(e));
    this.seq = this.engine.lastSeq('cc');
    this.engine.start();
    return this.engine;
  }

  /** `hello` with the engine's current settings changed by `settings`. */
  hello(me: Agent, settings: Partial<Settings> = {}): void {
    this.send('hello', { agent: me, statuses: [], settings: { ...this.engine.state.settings, ...settings }, queues: [] });
  }

  send<N extends ServerEventName>(name: N, payload: Omit<ServerPayload<N>, 'seq' | 'at'>, seq = ++this.seq) {
    return this.engine.handle('cc', name, { at: new Date().toISOString(), ...payload, seq });
  }

  /** Resolves when nothing is pending or running in the outbox (or rejects after `ms`). */
  async idle(ms = 15_000): Promise<void> {
    const until = Date.now() + ms;
    while (!this.engine.outbox.idle()) {
      if (Date.now() > until) throw new Error(`outbox not idle: ${JSON.stringify(this.engine.outbox.pending().map((e) => [e.intent.kind, e.lastError]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Stops the engine; the dataDir stays for a later `boot()`. */
  async stop(): Promise<void> {
    await this.engine.stop(1000);
  }

  /** Stops the engine and removes its dataDir. */
  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
