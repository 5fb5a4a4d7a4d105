// The orchestration engine in-process against the Salesforce emulator on loopback, with a journal
// in a temp dir and the adapter made by createSalesforceAdapter (as create-crm.ts will); events are
// fed like the contact center sends them (seq, at).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Agent, CommandPayload, ServerEventName, ServerPayload, Settings } from '../../../common/protocol/index.js';
import { OrchestrationEngine } from '../../../main/engine/orchestration-engine.js';
import { FileJournal } from '../../../main/adapters/store/file-journal.js';
import { httpFileFetcher } from '../../../main/adapters/http-file-fetcher.js';
import { createSalesforceAdapter } from '../../../main/adapters/crm/salesforce/index.js';
import { silentLog, systemClock } from '../../../main/engine/ports.js';
import type { OutboxEvent } from '../../../main/engine/outbox/outbox-events.js';
import type { SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { AGENT_A, APP_URL, TOKEN } from './helpers.js';

export const SF_AGENT: Agent = { id: 'a1', email: 'alice@acme.example', name: 'Alice Agent', roles: ['agent'], crmUserId: AGENT_A };

export class SalesforceEngineRig {
  engine: OrchestrationEngine;
  readonly linked: CommandPayload<'record.linked'>[] = [];
  readonly events: OutboxEvent[] = [];
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-salesforce-'));
  private seq = 0;

  constructor(readonly emu: SalesforceEmulator) {
    this.engine = new OrchestrationEngine(
      {
        journal: new FileJournal(this.dir, { fsync: false }),
        crmFor: () => createSalesforceAdapter({ baseUrl: emu.url, apiKey: TOKEN, appUrl: APP_URL, apiVersion: 'v62.0', timeoutMs: 5_000 }, () => this.engine.state.settings, silentLog),
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
      { crmKind: 'salesforce', outbox: { backoff: { baseMs: 10, capMs: 100 } } },
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
