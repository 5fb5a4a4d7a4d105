// The orchestration engine in-process against the Freshdesk emulator on loopback, with a journal
// in a temp dir and the Freshdesk adapter made by createFreshdeskAdapter (as create-crm.ts will);
// events are fed like the contact center sends them (seq, at).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Agent, CommandPayload, ServerEventName, ServerPayload, Settings } from '../../../common/protocol/index.js';
import { OrchestrationEngine } from '../../../main/engine/orchestration-engine.js';
import { FileJournal } from '../../../main/adapters/store/file-journal.js';
import { httpFileFetcher } from '../../../main/adapters/http-file-fetcher.js';
import { createFreshdeskAdapter } from '../../../main/adapters/crm/freshdesk/index.js';
import { silentLog, systemClock } from '../../../main/engine/ports.js';
import type { OutboxEvent } from '../../../main/engine/outbox/outbox-events.js';
import type { FreshdeskEmulator } from '../../../emulators/freshdesk/index.js';
import { API_KEY, APP_URL } from './helpers.js';

export class FreshdeskEngineRig {
  engine: OrchestrationEngine;
  readonly linked: CommandPayload<'record.linked'>[] = [];
  readonly events: OutboxEvent[] = [];
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-freshdesk-'));
  private seq = 0;

  constructor(readonly emu: FreshdeskEmulator) {
    this.engine = new OrchestrationEngine(
      {
        journal: new FileJournal(this.dir, { fsync: false }),
        crmFor: () => createFreshdeskAdapter({ baseUrl: emu.url, apiKey: API_KEY, appUrl: APP_URL, timeoutMs: 5_000 }, () => this.engine.state.settings, silentLog, { closedStatuses: [7] }),
        cc: {
          recordLinked: async (p) => {
            this.linked.push(p);
            return { ok: true };
          },
        },
        files: httpFileFetcher(),
        log: silentLog,
        clock: systemClock,
      },
      { crmKind: 'freshdesk', outbox: { backoff: { baseMs: 10, capMs: 100 } } },
    );
    this.engine.onOutboxEvent((e) => this.events.push(e));
    this.engine.start();
  }

  hello(me: Agent, settings: Settings): void {
    this.send('hello', { agent: me, statuses: [], settings, queues: [] });
  }

  send<N extends ServerEventName>(name: N, payload: Omit<ServerPayload<N>, 'seq' | 'at'>) {
    return this.engine.handle('cc', name, { at: new Date().toISOString(), ...payload, seq: ++this.seq });
  }

  /** Resolves when nothing is pending or running in the outbox (or rejects after `ms`). */
  async idle(ms = 15_000): Promise<void> {
    const until = Date.now() + ms;
    while (!this.engine.outbox.idle()) {
      if (Date.now() > until) throw new Error(`outbox not idle: ${JSON.stringify(this.engine.outbox.pending().map((e) => [e.intent.kind, e.lastError]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    await this.engine.stop(1000);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
