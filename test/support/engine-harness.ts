// An orchestration engine in-process against the Kustomer emulator on loopback, with a journal
// in a temp dir; events are fed like the contact center sends them (seq, at).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandPayload, ServerEventName, ServerPayload, Agent, Settings } from '../../common/protocol/index.js';
import { OrchestrationEngine, type EngineOptions } from '../../main/engine/orchestration-engine.js';
import { FileJournal } from '../../main/adapters/store/file-journal.js';
import { createCrm } from '../../main/adapters/crm/create-crm.js';
import { httpFileFetcher } from '../../main/adapters/http-file-fetcher.js';
import { silentLog, systemClock } from '../../main/engine/ports.js';
import { startKustomer, type KustomerEmulator, type KustomerOptions } from '../../emulators/kustomer/index.js';
import type { OutboxEvent } from '../../main/engine/outbox/outbox-events.js';
import { AGENT, AGENT2 } from './orchestration-fixtures.js';

export const APP_URL = 'https://acme.kustomerapp.com';

export async function kustomerForAgents(opts: KustomerOptions = {}): Promise<KustomerEmulator> {
  return startKustomer({
    ...opts,
    seed: {
      users: [
        { id: AGENT.crmUserId as string, email: AGENT.email, name: AGENT.name },
        { id: AGENT2.crmUserId as string, email: AGENT2.email, name: AGENT2.name },
      ],
      ...opts.seed,
    },
  });
}

export class EngineRig {
  engine!: OrchestrationEngine;
  readonly linked: CommandPayload<'record.linked'>[] = [];
  readonly events: OutboxEvent[] = [];
  private seq = 0;
  linkOk = true;

  constructor(
    readonly emu: KustomerEmulator,
    readonly dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-engine-')),
    private readonly options: Partial<EngineOptions> = {},
  ) {
    this.boot();
  }

  /** A fresh engine over the same dataDir (what a restart sees). */
  boot(): OrchestrationEngine {
    this.engine = new OrchestrationEngine(
      {
        journal: new FileJournal(this.dir, { fsync: false }),
        crmFor: (kind) => createCrm(kind, { baseUrl: this.emu.url, apiKey: this.emu.apiKey, appUrl: APP_URL }, () => this.engine.state.settings),
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

  hello(me: Agent = AGENT, settings: Partial<Settings> = {}): void {
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

  conversations() {
    return [...this.emu.store.conversations.values()];
  }

  notes(conversationId: string) {
    return this.emu.store.notesOf(conversationId);
  }
}
