// `npm run engine -- --config <file>` as a real process against the contact-center simulator and
// the Kustomer emulator on loopback (PROTOCOL.md "Headless engine", REL-1): JSON log lines,
// SIGTERM exits 0 with work persisted, SIGKILL mid-write then restart with the same dataDir
// leaves no duplicate and nothing missing, events sent while the engine was down are replayed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startContactCenter, DEFAULT_AGENTS, AGENT_EMAILS, CRM_USER_IDS, QUEUE_IDS, type ContactCenterSim } from '../../../emulators/contact-center/index.js';
import { startKustomer, type KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { spawnEngine, until, writeConfig, type EngineProcess } from '../../support/engine-process.js';

let sim: ContactCenterSim;
let emu: KustomerEmulator;
let dataDir: string;
const running: EngineProcess[] = [];

beforeEach(async () => {
  sim = await startContactCenter({ settings: { recordCreation: { abandonedCalls: true } } });
  emu = await startKustomer({
    seed: { users: DEFAULT_AGENTS.filter((a) => a.crmUserId).map((a) => ({ id: a.crmUserId as string, email: a.email, name: a.name })) },
  });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-data-'));
});
afterEach(async () => {
  for (const e of running.splice(0)) if (e.proc.exitCode === null && e.proc.signalCode === null) e.proc.kill('SIGKILL');
  await sim.close();
  await emu.close();
});

function config(email: string = AGENT_EMAILS.agent1, role = 'agent') {
  return writeConfig({
    contactCenter: { url: sim.url, token: `dev:${email}:${role}` },
    crm: { kind: 'kustomer', baseUrl: emu.url, apiKey: emu.apiKey, appUrl: 'https://acme.kustomerapp.com' },
    dataDir,
  });
}

function start(file: string): EngineProcess {
  const e = spawnEngine(file);
  running.push(e);
  return e;
}

const phone = (i: number) => `+8210${String(20000000 + i)}`;
const conversationsByKey = () => {
  const m = new Map<string, number>();
  for (const c of emu.store.conversations.values()) m.set(c.externalId ?? '', (m.get(c.externalId ?? '') ?? 0) + 1);
  return m;
};

async function agentOnline(e: EngineProcess) {
  await e.waitFor((l) => l.event === 'cc.connected');
  await until(() => sim.agents().some((a) => a.email === AGENT_EMAILS.agent1 && a.online), 10_000, 'agent online');
  sim.setAgentStatus(AGENT_EMAILS.agent1, 'available');
}

describe('headless engine process', () => {
  it('logs one JSON line per action and creates the record of an assigned call', async () => {
    const e = start(config());
    await agentOnline(e);
    const id = sim.inbound({ type: 'voice_inbound_ivr', phone: phone(1), queueId: QUEUE_IDS.billing });
    const created = await e.waitFor((l) => l.event === 'record.written' && l.key === id);
    expect(created.recordId).toMatch(/^[0-9a-f]{24}$/);
    expect(e.lines.every((l) => typeof l.time === 'string' && typeof l.level === 'string' && typeof l.event === 'string')).toBe(true);
    // KUS-10 assigned to the agent, and the contact center knows the record (record.linked).
    const conv = [...emu.store.conversations.values()][0]!;
    expect(conv.assignedUsers).toEqual([CRM_USER_IDS.agent1]);
    await until(() => sim.linkedRecords().some((r) => r.sessionId === id), 10_000, 'record.linked');
    // Personal data is redacted in the log.
    expect(JSON.stringify(e.lines)).not.toContain(phone(1));
  });

  it('SIGTERM finishes or persists in-flight work and exits 0; the next start completes it', async () => {
    emu.fault({ method: 'POST', path: '/v1/conversations', kind: 'delay', delayMs: 3000, times: 1 });
    const e = start(config());
    await agentOnline(e);
    const id = sim.inbound({ type: 'voice_inbound_ivr', phone: phone(2), queueId: QUEUE_IDS.billing });
    await until(() => emu.requests().some((r) => r.method === 'POST' && r.path === '/v1/conversations'), 10_000, 'create in flight');
    e.proc.kill('SIGTERM');
    const exit = await e.exited;
    expect(exit, e.stderr.join('')).toEqual({ code: 0, signal: null });
    expect(e.lines.some((l) => l.event === 'engine.stopped')).toBe(true);
    const again = start(config());
    await again.waitFor((l) => l.event === 'engine.started');
    await until(() => conversationsByKey().get(id) === 1 && emu.store.notes.size >= 1, 15_000, 'record and note');
    again.proc.kill('SIGTERM');
    const exit2 = await again.exited;
    expect(exit2, again.stderr.join('') + JSON.stringify(again.lines.slice(-5))).toEqual({ code: 0, signal: null });
    expect(conversationsByKey().get(id)).toBe(1);
  });

  it('SIGKILL in mid-session, then restart with the same dataDir: no duplicate, nothing missing (REL-1)', { timeout: 60_000 }, async () => {
    // The create is slow, so the kill lands while it is in flight; the CRM still commits it.
    emu.fault({ method: 'POST', path: '/v1/conversations', kind: 'delay', delayMs: 800, times: 1 });
    const e = start(config());
    await agentOnline(e);
    const ids = [1, 2, 3].map((i) => sim.inbound({ type: 'voice_inbound_ivr', phone: phone(10 + i), queueId: QUEUE_IDS.billing, recordingEnabled: true }));
    await until(() => emu.requests().some((r) => r.method === 'POST' && r.path === '/v1/conversations'), 10_000, 'first create in flight');
    e.proc.kill('SIGKILL');
    await e.exited;
    // While the engine is down, the first call goes on: connected, ended (recording follows);
    // these events wait in the contact center's replay buffer for the agent.
    if (sim.session(ids[0]!)?.state === 'offered') sim.accept(ids[0]!);
    sim.end(ids[0]!);
    const again = start(config());
    // The write the kill interrupted is still pending in the journal, and is resumed.
    const resumed = await again.waitFor((l) => l.event === 'outbox.resume');
    expect(resumed.pending).toBeGreaterThanOrEqual(1);
    await again.waitFor((l) => l.event === 'engine.started');
    // The other calls reach the agent once it is back; take each one to its end.
    for (const id of ids.slice(1)) {
      await until(() => sim.session(id)?.state === 'offered', 20_000, `${id} offered`).catch((err: Error) => {
        throw new Error(`${err.message}: ${JSON.stringify({ sessions: sim.sessions().map((x) => [x.session.id, x.state, x.agentEmail]), agents: sim.agents().filter((a) => a.email === AGENT_EMAILS.agent1) })}`);
      });
      sim.accept(id);
      sim.end(id);
    }
    await until(() => ids.every((id) => conversationsByKey().get(id) === 1), 20_000, 'all records');
    await until(() => ids.every((id) => {
      const conv = [...emu.store.conversations.values()].find((c) => c.externalId === id);
      return !!conv && emu.store.notesOf(conv.id).some((n) => n.body.startsWith('Call recording'));
    }), 20_000, 'recordings written');
    const keys = conversationsByKey();
    for (const id of ids) expect(keys.get(id)).toBe(1);
    expect(emu.store.conversations.size).toBe(ids.length);
    const noteKeys = [...emu.store.notes.values()].map((n) => n.externalId);
    expect(new Set(noteKeys).size).toBe(noteKeys.length);
  });

  it('as orchestrator: abandoned calls and voicemails become records (REC-5, KUS-5)', async () => {
    const e = start(config(AGENT_EMAILS.orchestrator, 'orchestrator'));
    await e.waitFor((l) => l.event === 'cc.connected');
    const id = sim.inbound({ type: 'voice_inbound_ivr', phone: phone(30), queueId: QUEUE_IDS.technical });
    sim.abandon(id);
    const vm = sim.voicemail({ phone: phone(31), queueId: QUEUE_IDS.billing, durationSec: 12 });
    await e.waitFor((l) => l.event === 'record.written' && l.key === id);
    await e.waitFor((l) => l.event === 'record.written' && l.key === `vm:${vm}`);
    expect(conversationsByKey().get(id)).toBe(1);
    expect(conversationsByKey().get(`vm:${vm}`)).toBe(1);
  });

  it('a bad config file is refused with a clear error and exit code 2', async () => {
    const bad = writeConfig({ contactCenter: { url: 'not a url' }, crm: {}, dataDir: '' });
    const e = start(bad);
    const exit = await e.exited;
    expect(exit.code).toBe(2);
    const err = e.lines.find((l) => l.event === 'engine.config');
    expect(String(err?.error)).toMatch(/contactCenter\.url|must be an http\(s\) URL/);
    expect(String(err?.error)).toMatch(/token/);
  });

  it('a second engine on the same dataDir is refused', async () => {
    const e = start(config());
    await e.waitFor((l) => l.event === 'engine.started');
    const second = start(config());
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(String(second.lines.find((l) => l.event === 'engine.start_failed')?.error)).toMatch(/in use by another engine/);
  });
});
