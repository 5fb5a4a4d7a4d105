// The orchestration engine in-process against any CRM emulator (emulators/targets), fed events
// as the contact center sends them; the same sessions can then be checked in every CRM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settingsSchema, type Agent, type CommandPayload, type ServerEventName, type ServerPayload, type Settings, type SettingsInput } from '../../common/protocol/index.js';
import { OrchestrationEngine } from '../../main/engine/orchestration-engine.js';
import { FileJournal } from '../../main/adapters/store/file-journal.js';
import { createCrm } from '../../main/adapters/crm/create-crm.js';
import { httpFileFetcher } from '../../main/adapters/http-file-fetcher.js';
import { silentLog, systemClock } from '../../main/engine/ports.js';
import { DEFAULT_AGENTS } from '../../emulators/contact-center/index.js';
import type { CrmTarget } from '../../emulators/targets/index.js';
import type { OutboxEvent } from '../../main/engine/outbox/outbox-events.js';

export class CrmRig {
  engine!: OrchestrationEngine;
  readonly linked: CommandPayload<'record.linked'>[] = [];
  readonly events: OutboxEvent[] = [];
  private seq = 0;

  constructor(
    readonly target: CrmTarget,
    readonly dir: string = fs.mkdtempSync(path.join(os.tmpdir(), `agentdesk-${target.kind}-`)),
  ) {
    this.boot();
  }

  boot(): OrchestrationEngine {
    this.engine = new OrchestrationEngine(
      {
        journal: new FileJournal(this.dir, { fsync: false }),
        crmFor: (kind) => createCrm(kind, this.target.connection, () => this.engine.state.settings),
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
      { crmKind: this.target.kind, outbox: { backoff: { baseMs: 10, capMs: 100 } } },
    );
    this.engine.onOutboxEvent((e) => this.events.push(e));
    this.seq = this.engine.lastSeq('cc');
    this.engine.start();
    return this.engine;
  }

  /** A default contact-center agent, with this CRM's user id. */
  agent(n: 1 | 2 = 1): Agent {
    const a = DEFAULT_AGENTS[n - 1]!;
    return { id: a.id, email: a.email, name: a.name, roles: ['agent'], crmUserId: this.target.userIdFor(a.email) };
  }

  /** The target's settings with `recordCreation` changes. */
  settings(recordCreation: SettingsInput['recordCreation'] = {}): Settings {
    return settingsSchema.parse({ ...this.target.settings, recordCreation });
  }

  hello(me: Agent, settings: Settings): void {
    this.send('hello', { agent: me, statuses: [], settings, queues: [] });
  }

  send<N extends ServerEventName>(name: N, payload: Omit<ServerPayload<N>, 'seq' | 'at'>) {
    return this.engine.handle('cc', name, { at: new Date().toISOString(), ...payload, seq: ++this.seq });
  }

  async idle(ms = 20_000): Promise<void> {
    const until = Date.now() + ms;
    while (!this.engine.outbox.idle()) {
      if (Date.now() > until) throw new Error(`outbox not idle: ${JSON.stringify(this.engine.outbox.pending().map((e) => [e.intent.kind, e.lastError]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    await this.engine.stop(1000);
  }
}
