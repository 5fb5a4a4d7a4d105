// Fault tolerance (SEC-1, "Ship it"): well over 10,000 seeded malformed inputs (wrong types, missing
// and unknown fields, huge strings, deep nesting, prototype-pollution keys, non-JSON, unknown event
// names) fed to every boundary that takes outside input:
//   (a) the orchestration engine's `handle` (contact-center events),
//   (b) the app core's `handle` on every IPC channel, and its `kustomerPageMessage`,
//   (c) the preferences, managed-configuration and headless-configuration files,
//   (d) the status-sync report parser (the Kustomer page's status reports).
// Each must return a clear error value (never throw), nothing may pollute a prototype, and each
// boundary still does its job with a good input afterwards. Seeded: a failure names its case.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS, ipcContract, kustomerPageMessageSchema, type IpcResult } from '../../common/ipc/index.js';
import { isServerEventName, SERVER_EVENT_NAMES, serverEventSchemas, settingsSchema, type ServerEventName } from '../../common/protocol/index.js';
import { createAppCore, type AppCore } from '../../main/app/core.js';
import { parseAppConfig } from '../../main/app/config.js';
import { createConfPrefs } from '../../main/app/conf-prefs.js';
import { loadManagedConfig } from '../../main/app/managed-config.js';
import { memorySecrets } from '../../main/app/memory-secrets.js';
import { jsonLog } from '../../main/adapters/log/json-log.js';
import { FileJournal } from '../../main/adapters/store/file-journal.js';
import { OrchestrationEngine } from '../../main/engine/orchestration-engine.js';
import type { CrmPort } from '../../main/engine/crm-port.js';
import type { Log } from '../../main/engine/ports.js';
import { crmStatusReportSchema, StatusSyncService } from '../../main/engine/status-sync/index.js';
import { loadHeadlessConfig } from '../../main/headless/config.js';
import { assertNotPolluted, junk, junkText, mutate, prototypeSnapshot, rng, type Rng } from './support/fuzz.js';
import { event, EVENT_BODIES, PAGE_MESSAGES, VALID_REQUESTS } from './support/samples.js';

const SEED = 20261122;
const IDENTITY = 'agent1@acme.test';
// Thousands of small files: on tmpfs when there is one, so the run measures parsing, not fsync.
const TMP_ROOT = fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').isDirectory() ? '/dev/shm' : os.tmpdir();
const tmp = (p: string) => fs.mkdtempSync(path.join(TMP_ROOT, `agentdesk-fuzz-${p}-`));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A log that goes through the real JSON log (so redaction runs on every hostile error too) and remembers the longest line. */
function countingLog(): Log & { lines: number; longest: number } {
  const sink = { lines: 0, longest: 0 };
  const log = jsonLog((l) => {
    sink.lines++;
    sink.longest = Math.max(sink.longest, l.length);
  });
  return Object.assign(log, sink, {
    get lines() {
      return sink.lines;
    },
    get longest() {
      return sink.longest;
    },
  });
}

/** A clear error: a non-empty message (never an exception, never `undefined`). */
function expectClearError(error: unknown, what: string): void {
  expect(typeof error, what).toBe('string');
  expect((error as string).trim().length, what).toBeGreaterThan(0);
}

const counts = { engine: 0, ipc: 0, page: 0, files: 0, reports: 0 };
const protoBefore = prototypeSnapshot();

/** Picks a damaged payload that the schema really rejects (a mutation may leave it valid). */
function malformed(r: Rng, valid: unknown, accepts: (v: unknown) => boolean, cloneable = false, adjust: (v: unknown) => void = () => {}): unknown {
  for (let i = 0; i < 20; i++) {
    const v = r.chance(0.75) ? mutate(valid, r, { cloneable }) : junk(r, 4, { cloneable });
    adjust(v);
    if (!accepts(v)) return v;
  }
  return null; // null is malformed everywhere here
}

describe('malformed inputs: no crash, clear errors, no pollution', { timeout: 60_000 }, () => {
  it('(a) the orchestration engine: 3,500 malformed contact-center events, then good events still work', async () => {
    const r = rng(SEED);
    const dir = tmp('engine');
    dirs.push(dir);
    const log = countingLog();
    const crm = new Proxy({ kind: 'kustomer' } as unknown as CrmPort, { get: (t, p) => (p in t ? (t as unknown as Record<PropertyKey, unknown>)[p] : async () => Promise.reject(new Error('no CRM in this test'))) });
    const engine = new OrchestrationEngine(
      { journal: new FileJournal(dir, { fsync: false }), crmFor: () => crm, cc: { recordLinked: async () => ({ ok: true }) }, files: { fetch: async () => Promise.reject(new Error('no files')) }, log, clock: { now: () => new Date('2026-11-21T09:00:00Z') } },
      { outbox: { concurrency: 0 } },
    );
    let seq = 0;
    for (let i = 0; i < 3_500; i++) {
      const roll = r.int(10);
      const name: string = roll < 7 ? r.pick(SERVER_EVENT_NAMES) : roll < 9 ? r.pick(['', 'hello ', 'HELLO', '__proto__', 'constructor', 'toString', 'session.assigned.x', 'x'.repeat(10_000), 'agent.setStatus']) : junkName(r);
      const valid = isServerEventName(name) ? event(name, ++seq) : event('hello', ++seq);
      const accepts = (v: unknown) => isServerEventName(name) && serverEventSchemas[name].safeParse(v).success;
      // An integer seq beyond 2^53 would poison the journal: the known gap pinned by the test below.
      const payload = malformed(r, valid, accepts, false, (v) => {
        if (typeof v === 'object' && v !== null && !Object.isFrozen(v) && unsafeSeq((v as { seq?: unknown }).seq)) (v as { seq: number }).seq = ++seq;
      });
      let result: ReturnType<OrchestrationEngine['handle']> | undefined;
      expect(() => (result = engine.handle(IDENTITY, name, payload)), `case ${i}: ${name.slice(0, 40)}`).not.toThrow();
      if (result?.ok && result.duplicate) continue; // a seq at or below one already seen: dropped as a duplicate, by design
      expect(result?.ok, `case ${i}: ${name.slice(0, 40)}`).toBe(false);
      if (result && !result.ok) expectClearError(result.error, `case ${i}`);
      counts.engine++;
    }
    assertNotPolluted();
    expect(log.longest).toBeLessThan(64_000);

    // Good events afterwards: the engine still decides (a new call gets its record intents).
    const next = engine.lastSeq(IDENTITY) + 1;
    expect(engine.handle(IDENTITY, 'hello', event('hello', next))).toEqual({ ok: true, duplicate: false, intents: 0 });
    expect(engine.state.me?.email).toBe('agent1@acme.test');
    const assigned = engine.handle(IDENTITY, 'session.assigned', event('session.assigned', next + 1));
    expect(assigned).toMatchObject({ ok: true, duplicate: false });
    expect(assigned.ok && assigned.intents).toBeGreaterThan(0);
    await engine.stop(0);
  });

  let core: AppCore;
  it('(b) the app core: 100 malformed requests on every IPC channel and 1,500 malformed Kustomer page messages, then it still answers', async () => {
    const r = rng(SEED + 1);
    const dir = tmp('core');
    dirs.push(dir);
    const log = countingLog();
    const parsed = parseAppConfig({ contactCenter: { url: 'http://127.0.0.1:9' }, kustomerAppUrl: 'https://acme.kustomerapp.com', fsync: false });
    if (!parsed.ok) throw new Error(parsed.error);
    core = createAppCore(
      { prefs: createConfPrefs(path.join(dir, 'prefs'), log).prefs, secrets: memorySecrets(), journalDir: path.join(dir, 'journal'), log, clock: { now: () => new Date() }, kustomerPage: { apply: () => {} } },
      parsed.config,
    );
    const sender = { host: 'electron' as const, id: '7' };
    for (const channel of IPC_CHANNELS) {
      const schema = ipcContract[channel].request;
      for (let i = 0; i < 100; i++) {
        const request = malformed(r, VALID_REQUESTS[channel], (v) => schema.safeParse(v).success, true);
        let result: IpcResult<unknown> | undefined;
        try {
          result = await core.handle(channel, request, sender);
        } catch (e) {
          throw new Error(`${channel} case ${i} threw: ${String(e)}`, { cause: e });
        }
        expect(result, `${channel} case ${i}`).toMatchObject({ ok: false, error: { code: 'bad_request' } });
        if (result && !result.ok) expectClearError(result.error.message, `${channel} case ${i}`);
        counts.ipc++;
      }
    }
    // Unknown channels, including the prototype's own names.
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'kustomer:page', 'secrets:get', 'x'.repeat(100_000)]) {
      expect(await core.handle(channel, {}, sender)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      counts.ipc++;
    }

    for (let i = 0; i < 1_500; i++) {
      const message = malformed(r, r.pick(PAGE_MESSAGES), (v) => kustomerPageMessageSchema.safeParse(v).success, true);
      let result: ReturnType<AppCore['kustomerPageMessage']> | undefined;
      expect(() => (result = core.kustomerPageMessage(message, `electron:${r.int(3)}`)), `page case ${i}`).not.toThrow();
      expect(result?.ok, `page case ${i}`).toBe(false);
      if (result && !result.ok) expectClearError(result.error, `page case ${i}`);
      counts.page++;
    }
    assertNotPolluted();
    expect(log.longest).toBeLessThan(64_000);

    // Still answering, and still changing state on a good request.
    expect(await core.handle('app:setLocale', { locale: 'ko' }, sender)).toEqual({ ok: true, value: {} });
    const state = await core.handle('app:getState', {}, sender);
    expect(state).toMatchObject({ ok: true, value: { locale: 'ko' } });
    expect(core.kustomerPageMessage(PAGE_MESSAGES[0], 'electron:9')).toEqual({ ok: true });
    await core.stop();
  });

  it('REL-1: a malformed event whose seq is beyond 2^53 does not stop the engine', async () => {
    // The schema refuses seq 1e308; the engine must not consume it either (Number.isSafeInteger),
    // or every later event would read as a duplicate.
    const dir = tmp('engine-seq');
    dirs.push(dir);
    const engine = new OrchestrationEngine(
      { journal: new FileJournal(dir, { fsync: false }), crmFor: () => { throw new Error('no CRM'); }, cc: { recordLinked: async () => ({ ok: true }) }, files: { fetch: async () => Promise.reject(new Error('no files')) }, log: countingLog(), clock: { now: () => new Date('2026-11-21T09:00:00Z') } },
      { outbox: { concurrency: 0 } },
    );
    expect(engine.handle(IDENTITY, 'agent.status', { seq: 1e308, statusId: 42 })).toMatchObject({ ok: false });
    const after = engine.handle(IDENTITY, 'hello', event('hello', 1));
    await engine.stop(0);
    expect(after).toEqual({ ok: true, duplicate: false, intents: 0 });
  });

  it('(c) settings files: 800 managed configurations, 800 headless configurations and 100 preference files', () => {
    const r = rng(SEED + 2);
    const dir = tmp('files');
    dirs.push(dir);
    const managedValid = { version: 1, settings: { recordCreation: { platformTag: 'ACME' } }, locked: ['recordCreation.abandonedCalls'], app: { contactCenterUrl: 'https://cc.acme.example', allowPlaintextSecrets: false } };
    const headlessValid = { contactCenter: { url: 'https://cc.acme.example', token: 'dev:engine@acme.test:orchestrator' }, crm: { kind: 'kustomer', baseUrl: 'https://api.kustomerapp.com' }, dataDir: '.data' };
    const file = path.join(dir, 'config.json');

    for (let i = 0; i < 800; i++) {
      const text = junkText(r, managedValid);
      fs.writeFileSync(file, text);
      let m: ReturnType<typeof loadManagedConfig> | undefined;
      expect(() => (m = loadManagedConfig(file)), `managed case ${i}`).not.toThrow();
      // A damaged file is refused with a reason (fail closed), and then grants nothing.
      if (m?.error) {
        expectClearError(m.error, `managed case ${i}`);
        expect(m.app.allowPlaintextSecrets).toBe(false);
        expect(m.overridePaths).toEqual([]);
      }
      counts.files++;
    }
    // A hostile key the schema would silently drop is refused too.
    fs.writeFileSync(file, '{"version":1,"settings":{"__proto__":{"recordCreation":{"platformTag":"X"}}}}');
    expect(loadManagedConfig(file).error).toMatch(/__proto__/);

    for (let i = 0; i < 800; i++) {
      fs.writeFileSync(file, junkText(r, headlessValid));
      let h: ReturnType<typeof loadHeadlessConfig> | undefined;
      expect(() => (h = loadHeadlessConfig(file, {})), `headless case ${i}`).not.toThrow();
      if (h && !h.ok) expectClearError(h.error, `headless case ${i}`);
      counts.files++;
    }

    const log = countingLog();
    const prefsValid = { locale: 'ko', audio: { inputDeviceId: 'mic', outputDeviceId: null, ringDeviceId: null }, ringtone: 'soft', ringVolume: 0.5, shortcuts: { answer: 'CommandOrControl+Shift+A', hangUp: '' }, __internal__: { migrations: { version: '3.0.0' } } };
    for (let i = 0; i < 100; i++) {
      const prefsDir = path.join(dir, `prefs-${i}`);
      fs.mkdirSync(prefsDir);
      fs.writeFileSync(path.join(prefsDir, 'preferences.json'), junkText(r, prefsValid));
      let prefs: ReturnType<typeof createConfPrefs>['prefs'] | undefined;
      expect(() => (prefs = createConfPrefs(prefsDir, log).prefs), `prefs case ${i}`).not.toThrow();
      // Whatever was on disk, the app gets valid preferences and can still save them.
      expect(settingsOk(prefs?.get()), `prefs case ${i}`).toBe(true);
      expect(prefs?.set({ locale: 'en' }).locale).toBe('en');
      counts.files++;
    }
    assertNotPolluted();
  });

  it('(d) the status-sync report parser: 2,500 malformed Kustomer status reports, then a good one is applied', () => {
    const r = rng(SEED + 3);
    const warnings: string[] = [];
    const sync = new StatusSyncService(
      { sendCcStatus: async () => ({ ok: true }), applyCrmStatus: async () => ({ ok: true }), clock: { now: () => Date.parse('2026-11-21T09:00:00Z') }, log: { info: () => {}, warn: (m) => void warnings.push(m) } },
      { settings: settingsSchema.parse({ statusSync: { enabled: true, mapping: { Lunch: 'lunch' } } }).statusSync, crmEchoTags: true },
    );
    const valid = { name: 'Lunch', origin: 'change', at: 1 };
    for (let i = 0; i < 2_500; i++) {
      const report = malformed(r, valid, (v) => crmStatusReportSchema.safeParse(v).success, true);
      let result: ReturnType<StatusSyncService['reportCrmStatus']> | undefined;
      expect(() => (result = sync.reportCrmStatus(report)), `report case ${i}`).not.toThrow();
      expect(result?.ok, `report case ${i}`).toBe(false);
      if (result && !result.ok) expectClearError(result.error, `report case ${i}`);
      counts.reports++;
    }
    expect(warnings).toHaveLength(2_500);
    assertNotPolluted();
    const before = sync.audit.length;
    expect(sync.reportCrmStatus(valid)).toEqual({ ok: true });
    expect(sync.audit.length).toBe(before + 1);
  });

  it('adds up to more than 10,000 malformed inputs, and no built-in prototype changed', () => {
    const total = counts.engine + counts.ipc + counts.page + counts.files + counts.reports;
    console.info(`malformed inputs: ${total} (engine ${counts.engine}, IPC ${counts.ipc}, page messages ${counts.page}, files ${counts.files}, status reports ${counts.reports})`);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(prototypeSnapshot()).toBe(protoBefore);
    assertNotPolluted();
    // Every event name and channel was attacked.
    expect(Object.keys(EVENT_BODIES).sort()).toEqual([...SERVER_EVENT_NAMES].sort());
    expect(counts.ipc).toBeGreaterThanOrEqual(IPC_CHANNELS.length * 100);
  });
});

const unsafeSeq = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v);

/** An event name as the socket could deliver it: any string. */
function junkName(r: Rng): string {
  const j = junk(r, 1);
  return typeof j === 'string' ? j : typeof j === 'number' ? String(j) : typeof j;
}

function settingsOk(p: unknown): boolean {
  return typeof p === 'object' && p !== null && ['en', 'ko'].includes((p as { locale?: string }).locale ?? '');
}

export type { ServerEventName };
