// bench/engine-load: the headless orchestration engine's throughput (sessions per second, each
// session a full call: customer, record, details note, end update, recording note) against the
// Kustomer emulator, and its memory. Baseline in the same run: the same CRM writes made directly
// through the adapter, with no engine, journal or outbox (what the CRM alone allows).
// The emulator runs in a worker thread, so the heap figures are this process's engine alone; run
// with --expose-gc (npm run bench does) for heap figures after a full collection.
// Usage: npm run bench:engine [-- --sessions 1000 --concurrency 8]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OrchestrationEngine } from '../main/engine/orchestration-engine.js';
import { FileJournal } from '../main/adapters/store/file-journal.js';
import { createCrm } from '../main/adapters/crm/create-crm.js';
import { httpFileFetcher } from '../main/adapters/http-file-fetcher.js';
import { silentLog, systemClock } from '../main/engine/ports.js';
import { settingsSchema, sessionSchema, type Agent } from '../common/protocol/index.js';
import { DEFAULT_AGENTS } from '../emulators/contact-center/index.js';
import { startTargetInWorker } from './lib/target-worker.js';

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '600' }, concurrency: { type: 'string', default: '8' } } });
const N = Number(values.sessions);
const concurrency = Number(values.concurrency);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

const first = DEFAULT_AGENTS[0] as Agent;
const target = await startTargetInWorker('kustomer', { unlimited: true }, [first.email]);
const settings = settingsSchema.parse({ ...target.settings, recordCreation: { appendToOpenRecordSameLeafQueue: false } });
const agent: Agent = { ...first, crmUserId: target.userIdFor(first.email) };
const queue = { id: 'q-billing', name: 'Billing', path: ['Support', 'Billing'], leaf: true };
const session = (id: string, n: number, block: number) =>
  sessionSchema.parse({ id, channel: 'voice', type: 'voice_inbound_ivr', queue, menuPath: 'Support > Billing', language: 'ko', dialedNumber: '+82215881234', customer: { phone: `+8210${String(block + n)}`, identifier: null, email: null, name: null }, startedAt: new Date().toISOString(), recordingEnabled: true });

// Baseline: the same writes straight through the adapter, `concurrency` at a time.
const crm = createCrm('kustomer', target.connection, () => settings);
async function direct(n: number): Promise<void> {
  const phone = `+8210${String(60_000_000 + n)}`;
  const q = { phoneE164: phone, phoneRaw: phone, identifier: null, email: null, name: null };
  const ctx = { retry: false };
  const c = (await crm.findCustomer(q, ctx)) ?? (await crm.createCustomer({ ...q, key: `phone:${phone}`, fields: {} }, ctx));
  const r = await crm.createRecord({ externalId: `D-${n}`, customerId: c.id, subject: `IVR call D-${n}`, channel: 'voice', sessionType: 'voice_inbound_ivr', direction: 'in', tags: ['Voice Inbound - IVR'], fields: {}, leafQueueId: 'q-billing', assigneeUserId: agent.crmUserId, startedAt: new Date().toISOString() }, ctx);
  await crm.addNote(r.id, { key: `D-${n}:details`, body: 'details' }, ctx);
  await crm.updateRecord(r.id, { fields: { callDurationNum: 60 } }, ctx);
  await crm.addNote(r.id, { key: `D-${n}:recording`, body: 'recording' }, ctx);
}
let next = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < N) await direct(next++);
}));
const directRate = N / ((performance.now() - t0) / 1000);

// The engine: every event journalled (fsync on), decided, written through the outbox.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-engine-load-'));
const heapNow = () => {
  global.gc?.();
  return process.memoryUsage().heapUsed;
};
const heapBefore = heapNow();
let heapPeak = heapBefore;
const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
const engine: OrchestrationEngine = new OrchestrationEngine(
  { journal: new FileJournal(dir, { fsync: process.env.BENCH_FSYNC !== '0' }), crmFor: (k) => createCrm(k, target.connection, () => engine.state.settings), cc: { recordLinked: async () => ({ ok: true }) }, files: httpFileFetcher(), log: silentLog, clock: systemClock },
  { crmKind: 'kustomer', outbox: { concurrency } },
);
engine.start();
let seq = 0;
const send = (name: string, payload: Record<string, unknown>) => engine.handle('bench', name, { ...payload, seq: ++seq, at: new Date().toISOString() });
send('hello', { agent, statuses: [], settings, queues: [] });
const t1 = performance.now();
for (let n = 0; n < N; n++) {
  const id = `E-${n}`;
  send('session.assigned', { session: session(id, n, 70_000_000) });
  send('session.connected', { sessionId: id });
  send('session.ended', { sessionId: id, durationSec: 60, waitSec: 5, holdSec: 0 });
  send('session.recording', { sessionId: id, url: `http://cc.test/r/${id}.wav`, mimeType: 'audio/wav', durationSec: 60 });
}
const acceptedMs = performance.now() - t1;
while (!engine.outbox.idle()) await new Promise((r) => setTimeout(r, 5));
const engineRate = N / ((performance.now() - t1) / 1000);
clearInterval(sampler);
const heapAfter = heapNow();
const rss = process.memoryUsage().rss;
const written = await target.countRecords('E-');
await engine.stop(1000);

console.log(`engine-load: ${N} calls (5 CRM writes each), ${concurrency} at a time, journal fsync on, Kustomer emulator on loopback`);
console.log(`baseline: the same writes straight through the adapter  ${directRate.toFixed(1)} calls/s`);
console.log(`engine (journal + outbox + adapter)                     ${engineRate.toFixed(1)} calls/s  (${(engineRate / directRate * 100).toFixed(0)}% of the baseline)`);
console.log(`events accepted (decided and journalled)                ${((N * 4) / (acceptedMs / 1000)).toFixed(0)} events/s`);
console.log(`records written: ${written}/${N}${written === N ? '' : '  MISSING'}`);
const gcNote = global.gc ? 'after a full GC' : 'no --expose-gc: includes garbage';
console.log(`engine heap (emulator in a worker): ${mb(heapBefore)} MB before, peak ${mb(heapPeak)} MB under load, ${mb(heapAfter)} MB after ${N} calls (${gcNote}; ${((heapAfter - heapBefore) / N / 1024).toFixed(1)} KB per call still held), process RSS ${mb(rss)} MB`);
console.log(`RESULT ${JSON.stringify({ engineCallsPerSec: +engineRate.toFixed(1), directCallsPerSec: +directRate.toFixed(1), heapMB: +mb(heapAfter), heapPeakMB: +mb(heapPeak), heapBeforeMB: +mb(heapBefore), retainedKBPerCall: +((heapAfter - heapBefore) / N / 1024).toFixed(1), rssMB: +mb(rss) })}`);
await target.close();
process.exit(written === N ? 0 : 1);
