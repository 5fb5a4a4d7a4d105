// The orchestration engine in-process with the Zendesk adapter against the Zendesk emulator on
// loopback (journal in a temp dir), fed events as the contact center sends them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Agent, CommandPayload, ServerEventName, ServerPayload, Settings } from '../../../common/protocol/index.js';
import type { ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { createZendeskAdapter } from '../../../main/adapters/crm/zendesk/index.js';
import { FileJournal } from '../../../main/adapters/store/file-journal.js';
import { httpFileFetcher } from '../../../main/adapters/http-file-fetcher.js';
import { OrchestrationEngine } from '../../../main/engine/orchestration-engine.js';
import { silentLog, systemClock } from '../../../main/engine/ports.js';
import { ADMIN_EMAIL, AGENT_A, AGENT_B, API_TOKEN, APP_URL } from './helpers.js';

export const ZD_AGENT: Agent = { id: 'a1', email: 'alice@acme.example', name: 'Alice Agent', roles: ['agent'], crmUserId: String(AGENT_A) };
export const ZD_AGENT2: Agent = { id: 'a2', email: 'bob@acme.example', name: 'Bob Agent', roles: ['agent'], crmUserId: String(AGENT_B) };

export class ZendeskEngineRig {
  engine!: OrchestrationEngine;
  readonly linked: CommandPayload<'record.linked'>[] = [];
  private seq = 0;

  constructor(
    readonly emu: ZendeskEmulator,
    readonly dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-zendesk-')),
  ) {
    this.boot();
  }

  /** A fresh engine over the same dataDir (what a restart sees). */
  boot(): OrchestrationEngine {
    this.engine = new OrchestrationEngine(
      {
        journal: new FileJournal(this.dir, { fsync: false }),
        crmFor: () => createZendeskAdapter({ baseUrl: this.emu.url, apiKey: API_TOKEN, email: ADMIN_EMAIL, appUrl: APP_URL }, () => this.engine.state.settings, silentLog),
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
      { crmKind: 'zendesk', outbox: { backoff: { baseMs: 10, capMs: 100 } } },
    );
    this.seq = this.engine.lastSeq('cc');
    this.engine.start();
    return this.engine;
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

  tickets() {
    return [...this.emu.store.tickets.values()];
  }
  comments(ticketId: number) {
    return this.emu.store.commentsOf(ticketId).map((c) => c.body);
  }
}
