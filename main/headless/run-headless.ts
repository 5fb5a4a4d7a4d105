// Wires the orchestration engine to the contact center and the CRM for the headless service
// (and for tests that run it in-process). The Electron app wires the same pieces its own way.
import type { CountryCode } from 'libphonenumber-js';
import type { Log } from '../engine/ports.js';
import { systemClock } from '../engine/ports.js';
import { OrchestrationEngine } from '../engine/orchestration-engine.js';
import { FileJournal } from '../adapters/store/file-journal.js';
import { lockDataDir } from '../adapters/store/data-dir-lock.js';
import { CcConnection, tokenIdentity } from '../adapters/contact-center/cc-connection.js';
import { httpFileFetcher } from '../adapters/http-file-fetcher.js';
import { createCrm } from '../adapters/crm/create-crm.js';
import type { HeadlessConfig } from './config.js';

export interface HeadlessHandle {
  engine: OrchestrationEngine;
  cc: CcConnection;
  stop(): Promise<void>;
}

export function startHeadless(config: HeadlessConfig, log: Log): HeadlessHandle {
  const unlock = lockDataDir(config.dataDir);
  let engine: OrchestrationEngine;
  try {
    const identityHolder: { cc: CcConnection | null } = { cc: null };
    engine = new OrchestrationEngine(
      {
        journal: new FileJournal(config.dataDir, { fsync: config.fsync }),
        crmFor: (kind) => createCrm(kind, config.crm, () => engine.state.settings, log),
        cc: { recordLinked: (p) => (identityHolder.cc ? identityHolder.cc.recordLinked(p) : Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not connected' } })) },
        files: httpFileFetcher(),
        log,
        clock: systemClock,
      },
      { defaultCountry: config.defaultCountry as CountryCode, crmKind: config.crm.kind ?? null, outbox: { concurrency: config.concurrency, backoff: config.retry } },
    );
    const identity = tokenIdentity(config.contactCenter.token);
    const cc: CcConnection = new CcConnection({ url: config.contactCenter.url, token: config.contactCenter.token, lastSeq: () => engine.lastSeq(identity), log });
    identityHolder.cc = cc;
    cc.onEvent((name, payload) => engine.handle(cc.identity, name, payload));
    engine.onOutboxEvent((e) => {
      if (e.state === 'pending') return;
      const level = e.state === 'failed' ? 'error' : e.state === 'retrying' ? 'warn' : 'info';
      log[level](e.kind === 'openRecord' ? `record.${e.state}` : `crm.${e.kind}.${e.state}`, { key: e.key, attempts: e.attempts, recordId: e.link?.recordId, url: e.link?.url, error: e.error, retryInMs: e.retryInMs });
    });
    engine.start();
    cc.connect();
    log.info('engine.started', { dataDir: config.dataDir, contactCenter: config.contactCenter.url, crm: engine.crmKind(), lastSeq: engine.lastSeq(cc.identity), pending: engine.outbox.pending().length });
    let stopped: Promise<void> | null = null;
    return {
      engine,
      cc,
      stop() {
        stopped ??= (async () => {
          cc.close();
          const pending = engine.outbox.pending().length;
          await engine.stop(config.shutdownGraceMs);
          unlock();
          log.info('engine.stopped', { pendingPersisted: engine.outbox.pending().length, pendingAtStop: pending });
        })();
        return stopped;
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
