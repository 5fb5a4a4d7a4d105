// REL-1: what must be on disk before the CRM sees a write, and what a restart assumes.
// - An outbox entry is on disk (its enqueueing record flushed) before the CRM sees its first call;
//   the entry's later steps do not wait for the disk again (an attempt record lost in an OS crash
//   is harmless, see the next point).
// - After a restart, every step of an entry found in the journal counts as possibly sent
//   (ctx.retry), even with no attempt record, so it looks before it creates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrchestrationEngine } from '../../../main/engine/orchestration-engine.js';
import { FileJournal } from '../../../main/adapters/store/file-journal.js';
import { createCrm } from '../../../main/adapters/crm/create-crm.js';
import { httpFileFetcher } from '../../../main/adapters/http-file-fetcher.js';
import { silentLog, systemClock, type Journal } from '../../../main/engine/ports.js';
import type { CrmPort } from '../../../main/engine/crm-port.js';
import type { OutboxOptions } from '../../../main/engine/outbox/outbox-runner.js';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { APP_URL, kustomerForAgents } from '../../support/engine-harness.js';
import { AGENT, session, settings } from '../../support/orchestration-fixtures.js';

type LogLine =
  | { at: number; kind: 'append'; t: string; id?: number; enq: number[] }
  | { at: number; kind: 'flushed'; upTo: number }
  | { at: number; kind: 'call'; method: string; retry: boolean };

/** A FileJournal that writes its appends and completed flushes into a shared log. */
function loggingJournal(dir: string, log: LogLine[]): Journal {
  const inner = new FileJournal(dir, { fsync: true });
  let appended = 0;
  return {
    load: () => inner.load(),
    append(record, sync) {
      const r = record as { t: string; id?: number; enq?: { id: number }[] };
      appended += 1;
      log.push({ at: appended, kind: 'append', t: r.t, ...(r.id !== undefined ? { id: r.id } : {}), enq: (r.enq ?? []).map((e) => e.id) });
      inner.append(record, sync);
    },
    async flush() {
      const upTo = appended;
      await inner.flush();
      log.push({ at: appended, kind: 'flushed', upTo });
    },
    compact: (s) => inner.compact(s),
    close: () => inner.close(),
  };
}

/** The CRM adapter with every call (and its ctx.retry) written into the log. */
function loggingCrm(crm: CrmPort, log: LogLine[]): CrmPort {
  return new Proxy(crm, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        // CRM calls are the methods that take a CallContext ({ retry }) last; the rest build URLs.
        const ctx = args.at(-1);
        if (typeof ctx === 'object' && ctx !== null && 'retry' in ctx) log.push({ at: 0, kind: 'call', method: String(prop), retry: ctx.retry === true });
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

let emu: KustomerEmulator;
let dir: string;
const engines: OrchestrationEngine[] = [];
beforeEach(async () => {
  emu = await kustomerForAgents();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-durability-'));
});
afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop(1000);
  await emu.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function engine(log: LogLine[], outbox: Partial<OutboxOptions>): OrchestrationEngine {
  const e: OrchestrationEngine = new OrchestrationEngine(
    {
      journal: loggingJournal(dir, log),
      crmFor: (kind) => loggingCrm(createCrm(kind, { baseUrl: emu.url, apiKey: emu.apiKey, appUrl: APP_URL }, () => e.state.settings), log),
      cc: { recordLinked: async () => ({ ok: true }) },
      files: httpFileFetcher(),
      log: silentLog,
      clock: systemClock,
    },
    { outbox: { backoff: { baseMs: 10, capMs: 100 }, ...outbox } },
  );
  engines.push(e);
  e.start();
  return e;
}

async function idle(e: OrchestrationEngine): Promise<void> {
  const until = Date.now() + 15_000;
  while (!e.outbox.idle()) {
    if (Date.now() > until) throw new Error('outbox not idle');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function feedCall(e: OrchestrationEngine, id: string, seq0: number, phone: string): void {
  const at = new Date().toISOString();
  e.handle('cc', 'session.assigned', { seq: seq0, at, session: session({ id, customer: { phone, identifier: null, email: null, name: null } }) });
  e.handle('cc', 'session.ended', { seq: seq0 + 1, at, sessionId: id, durationSec: 30, waitSec: 3, holdSec: 0 });
  e.handle('cc', 'session.recording', { seq: seq0 + 2, at, sessionId: id, url: `http://cc.test/r/${id}.wav`, mimeType: 'audio/wav', durationSec: 30 });
}

describe('REL-1 durability order', () => {
  it('every entry is on disk before the CRM sees its first call; its later steps do not wait for the disk again', async () => {
    const log: LogLine[] = [];
    // One write at a time, so each CRM call follows its own attempt record in the log.
    const e = engine(log, { concurrency: 1 });
    e.handle('cc', 'hello', { seq: 1, at: new Date().toISOString(), agent: AGENT, statuses: [], settings: settings(), queues: [] });
    feedCall(e, 'S-1', 2, '+821011110000');
    feedCall(e, 'S-2', 5, '+821022220000');
    await idle(e);

    const enqueuedAt = new Map<number, number>();
    let flushedUpTo = 0;
    let lastAttempt: number | null = null;
    const checked = new Set<number>();
    let attempts = 0;
    for (const line of log) {
      if (line.kind === 'append') {
        for (const id of line.enq) enqueuedAt.set(id, line.at);
        if (line.t === 'attempt') {
          lastAttempt = line.id ?? null;
          attempts += 1;
        }
      } else if (line.kind === 'flushed') {
        flushedUpTo = Math.max(flushedUpTo, line.upTo);
      } else if (lastAttempt !== null) {
        const at = enqueuedAt.get(lastAttempt);
        expect(at, `entry ${lastAttempt} was enqueued`).toBeDefined();
        expect(at!, `entry ${lastAttempt} on disk before ${line.method}`).toBeLessThanOrEqual(flushedUpTo);
        checked.add(lastAttempt);
      }
    }
    const calls = log.filter((l) => l.kind === 'call');
    const flushes = log.filter((l) => l.kind === 'flushed');
    const attempted = new Set(log.flatMap((l) => (l.kind === 'append' && l.t === 'attempt' ? [l.id] : [])));
    expect(checked).toEqual(attempted); // every entry that reached the CRM was checked
    expect(checked.size).toBeGreaterThanOrEqual(4); // two entries or more per call
    expect(calls.length).toBeGreaterThan(checked.size); // some entries make more than one call
    expect(flushes.length).toBeLessThan(attempts); // later steps of an entry did not flush again
    expect(flushes.length).toBeGreaterThanOrEqual(checked.size > 0 ? 1 : 0);
    // Nothing duplicated or lost on the way.
    expect([...emu.store.conversations.values()].map((c) => c.externalId).sort()).toEqual(['S-1', 'S-2']);
  });

  it('after a restart, an entry found in the journal looks before it creates even though no attempt of it was recorded', async () => {
    const first: LogLine[] = [];
    // No outbox slots: the entries are journalled and never attempted.
    const a = engine(first, { concurrency: 0 });
    a.handle('cc', 'hello', { seq: 1, at: new Date().toISOString(), agent: AGENT, statuses: [], settings: settings(), queues: [] });
    a.handle('cc', 'session.assigned', { seq: 2, at: new Date().toISOString(), session: session({ id: 'S-9' }) });
    expect(a.outbox.pending().length).toBeGreaterThan(0);
    expect(first.some((l) => l.kind === 'append' && l.t === 'attempt')).toBe(false);
    await a.stop(1000);
    engines.splice(engines.indexOf(a), 1);

    const second: LogLine[] = [];
    const b = engine(second, {});
    await idle(b);
    const calls = second.filter((l): l is Extract<LogLine, { kind: 'call' }> => l.kind === 'call');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.retry)).toBe(true);
    expect(calls.map((c) => c.method)).toContain('createRecord');
    expect([...emu.store.conversations.values()].map((c) => c.externalId)).toEqual(['S-9']);

    // A session that starts after the restart is new: its first create is not a retry.
    const fresh: LogLine[] = second;
    const before = fresh.length;
    b.handle('cc', 'session.assigned', { seq: 3, at: new Date().toISOString(), session: session({ id: 'S-10', customer: { phone: '+821055550000', identifier: null, email: null, name: null } }) });
    await idle(b);
    const created = fresh.slice(before).filter((l): l is Extract<LogLine, { kind: 'call' }> => l.kind === 'call' && l.method === 'createRecord');
    expect(created.map((c) => c.retry)).toEqual([false]);
  });
});
