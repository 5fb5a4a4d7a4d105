// A fault-injection run (REL-1): many sessions through real engine processes, the contact-center
// simulator and the Kustomer emulator, while the CRM fails (5xx, 429 with Retry-After, dropped
// connections, timeouts after commit), engines are killed with SIGKILL mid-write, the contact
// center restarts and sockets drop. At the end the emulator's state is reconciled against what
// the sessions must have produced: every expected record and note exactly once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startContactCenter, simulatedAgent, DEFAULT_AGENTS, AGENT_EMAILS, QUEUE_IDS, type ContactCenterSim, type SimulatedAgent } from '../../emulators/contact-center/index.js';
import { startKustomer, type KustomerEmulator } from '../../emulators/kustomer/index.js';
import { spawnEngine, until, writeConfig, type EngineProcess } from './engine-process.js';

export interface SoakOptions {
  sessions: number;
  /** Probability of each CRM fault kind per request. */
  faults: { status5xx: number; drop: number; commitThenDrop: number; rateLimit: number };
  kills: number;
  ccRestarts: number;
  disconnects: number;
  /** Pause between chaos events (kills, restarts, disconnects), spread over the run. */
  chaosIntervalMs?: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  sessions: number;
  expectedRecords: number;
  expectedNotes: number;
  faults: { status5xx: number; rateLimit: number; drop: number; commitThenDrop: number; kills: number; ccRestarts: number; disconnects: number; total: number };
  missingRecords: string[];
  duplicatedRecords: string[];
  missingNotes: string[];
  duplicatedNotes: string[];
  unexpectedRecords: string[];
  durationMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Engine {
  email: string;
  role: string;
  config: string;
  proc: EngineProcess | null;
}

export async function runFaultSoak(opts: SoakOptions): Promise<SoakReport> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const sim: ContactCenterSim = await startContactCenter({
    settings: { recordCreation: { appendToOpenRecordSameLeafQueue: false, abandonedCalls: true, abandonedChats: 'all' } },
    wrapUpSec: 0,
  });
  const emu: KustomerEmulator = await startKustomer({
    seed: { users: DEFAULT_AGENTS.filter((a) => a.crmUserId).map((a) => ({ id: a.crmUserId as string, email: a.email, name: a.name })) },
    rateLimitPerMinute: 1_000_000,
    perCustomerCreatesPerMinute: 1_000_000,
    faultSeed: 7,
  });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-soak-'));
  const engines: Engine[] = [
    [AGENT_EMAILS.agent1, 'agent'],
    [AGENT_EMAILS.agent2, 'agent'],
    [AGENT_EMAILS.orchestrator, 'orchestrator'],
  ].map(([email, role]) => ({
    email: email as string,
    role: role as string,
    config: writeConfig(
      {
        contactCenter: { url: sim.url, token: `dev:${email}:${role}` },
        crm: { kind: 'kustomer', baseUrl: emu.url, apiKey: emu.apiKey, appUrl: 'https://acme.kustomerapp.com', timeoutMs: 2_000 },
        dataDir: path.join(root, `${email}-data`),
        fsync: false,
        retry: { baseMs: 20, capMs: 400 },
        shutdownGraceMs: 500,
      },
      fs.mkdtempSync(path.join(root, 'cfg-')),
    ),
    proc: null,
  }));
  const startEngine = (e: Engine) => (e.proc = spawnEngine(e.config));
  engines.forEach(startEngine);
  await Promise.all(engines.map((e) => e.proc!.waitFor((l) => l.event === 'cc.connected', 30_000)));

  // The agents' desktops: they answer and hang up on their own.
  const desktops: SimulatedAgent[] = [AGENT_EMAILS.agent1, AGENT_EMAILS.agent2].map((email) => simulatedAgent(sim.url, email, { autoAccept: true, acceptDelayMs: 5, autoEndAfterMs: 30 }));
  await Promise.all(desktops.map((d) => d.ready()));

  emu.fault([
    { path: '/v1/**', kind: 'rate_limit', retryAfterSec: 1, probability: opts.faults.rateLimit },
    { path: '/v1/**', kind: 'status', status: 503, probability: opts.faults.status5xx },
    { path: '/v1/**', kind: 'drop', probability: opts.faults.drop },
    { method: 'POST', path: '/v1/**', kind: 'commit_then_drop', probability: opts.faults.commitThenDrop },
    { method: 'PUT', path: '/v1/**', kind: 'commit_then_drop', probability: opts.faults.commitThenDrop },
  ]);

  const chaos = { kills: 0, ccRestarts: 0, disconnects: 0 };
  let stopChaos = false;
  const chaosLoop = (async () => {
    const plan: ('kill' | 'restart' | 'disconnect')[] = [
      ...Array<'kill'>(opts.kills).fill('kill'),
      ...Array<'restart'>(opts.ccRestarts).fill('restart'),
      ...Array<'disconnect'>(opts.disconnects).fill('disconnect'),
    ].sort((a, b) => (a + b).length % 3 - 1); // interleave deterministically
    for (const [i, step] of plan.entries()) {
      if (stopChaos) break;
      await sleep(opts.chaosIntervalMs ?? 250);
      if (step === 'kill') {
        const e = engines[i % engines.length]!;
        e.proc?.proc.kill('SIGKILL');
        await e.proc?.exited;
        chaos.kills++;
        await sleep(30);
        startEngine(e);
      } else if (step === 'restart') {
        await sim.restart();
        chaos.ccRestarts++;
      } else {
        sim.disconnectAll();
        chaos.disconnects++;
      }
    }
  })();

  // The sessions: calls (some abandoned in the queue), chats, voicemails.
  const voicemails: string[] = [];
  const sessionIds: string[] = [];
  for (let n = 0; n < opts.sessions; n++) {
    const phone = `+8210${String(40_000_000 + n)}`;
    if (n % 10 === 9) {
      voicemails.push(sim.voicemail({ phone, queueId: QUEUE_IDS.billing, durationSec: 9 }));
    } else if (n % 10 === 8) {
      const id = sim.inbound({ type: 'chat_inbound_web', email: `soak${n}@example.test`, queueId: QUEUE_IDS.webChat });
      sessionIds.push(id);
    } else {
      const id = sim.inbound({ type: 'voice_inbound_ivr', phone, queueId: n % 2 ? QUEUE_IDS.billing : QUEUE_IDS.technical, recordingEnabled: true });
      sessionIds.push(id);
      if (n % 10 === 7) sim.abandon(id);
    }
    if (n % 20 === 19) log(`${n + 1}/${opts.sessions} sessions started`);
    await sleep(30);
  }

  // The stand-in desktops can miss an offer while their socket is down (the simulator does not
  // offer a session again to an agent who let it ring out): a sweeper plays the agent's part for
  // sessions left hanging, so every session reaches its end. The engines are not helped.
  const seen = new Map<string, number>();
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const s of sim.sessions()) {
      if (s.state === 'ended' || s.state === 'abandoned') continue;
      const key = `${s.session.id}:${s.state}`;
      const since = seen.get(key) ?? now;
      seen.set(key, since);
      if (now - since < 1_000) continue;
      try {
        if (s.state === 'offered') sim.accept(s.session.id);
        else if (s.state === 'connected') sim.end(s.session.id);
        else if (s.state === 'queued') for (const email of [AGENT_EMAILS.agent1, AGENT_EMAILS.agent2]) sim.setAgentStatus(email, 'available', 'agent');
      } catch {
        // the session moved on meanwhile
      }
    }
  }, 250);
  await until(() => sim.sessions().every((s) => s.state === 'ended' || s.state === 'abandoned'), 120_000, 'all sessions over').finally(() => clearInterval(sweeper));
  // What the sessions must have produced (REC-1 off: one record per session).
  const expectedKeys = new Map<string, string[]>(); // record key -> note keys
  for (const s of sim.sessions()) {
    const id = s.session.id;
    const notes = [`${id}:details`];
    if (s.state === 'abandoned') {
      notes.push(`${id}:abandoned`);
    } else if (s.session.channel === 'voice') {
      notes.push(`${id}:recording`);
    } else {
      notes.push(`${id}:transcript`);
    }
    expectedKeys.set(id, notes);
  }
  for (const vm of voicemails) expectedKeys.set(`vm:${vm}`, [`vm:${vm}:details`]);
  const expectedNotes = [...expectedKeys.values()].reduce((n, k) => n + k.length, 0);

  const snapshot = () => {
    const byKey = new Map<string, string[]>();
    for (const c of emu.store.conversations.values()) byKey.set(c.externalId ?? `(none):${c.id}`, [...(byKey.get(c.externalId ?? `(none):${c.id}`) ?? []), c.id]);
    const notes = new Map<string, number>();
    for (const n of emu.store.notes.values()) if (n.externalId) notes.set(n.externalId, (notes.get(n.externalId) ?? 0) + 1);
    return { byKey, notes };
  };
  const complete = () => {
    const { byKey, notes } = snapshot();
    return [...expectedKeys].every(([k, ns]) => byKey.has(k) && ns.every((n) => notes.has(n)));
  };
  // The engines catch up with the faults still armed: every write must get through them.
  await chaosLoop;
  stopChaos = true;
  await until(complete, 240_000, 'every expected record and note').catch((e: Error) => log(e.message));
  const firedTotals = emu.faults.list().reduce(
    (acc, f) => {
      if (f.kind === 'status') acc.status5xx += f.fired;
      else if (f.kind === 'rate_limit') acc.rateLimit += f.fired;
      else if (f.kind === 'drop') acc.drop += f.fired;
      else if (f.kind === 'commit_then_drop') acc.commitThenDrop += f.fired;
      return acc;
    },
    { status5xx: 0, rateLimit: 0, drop: 0, commitThenDrop: 0 },
  );
  log(`faults fired: ${JSON.stringify(emu.faults.list().map((f) => [f.kind, f.fired, f.seen]))}; requests ${emu.requests().length}`);
  emu.faults.clear();

  await sleep(500); // anything still in flight would show up as a duplicate now

  const { byKey, notes } = snapshot();
  const report: SoakReport = {
    sessions: opts.sessions,
    expectedRecords: expectedKeys.size,
    expectedNotes,
    faults: { ...firedTotals, ...chaos, total: 0 },
    missingRecords: [...expectedKeys.keys()].filter((k) => !byKey.has(k)),
    duplicatedRecords: [...byKey].filter(([, ids]) => ids.length > 1).map(([k]) => k),
    missingNotes: [...expectedKeys.values()].flat().filter((n) => !notes.has(n)),
    duplicatedNotes: [...notes].filter(([, c]) => c > 1).map(([k]) => k),
    unexpectedRecords: [...byKey.keys()].filter((k) => !expectedKeys.has(k)),
    durationMs: Date.now() - started,
  };
  report.faults.total = Object.entries(report.faults).reduce((n, [k, v]) => (k === 'total' ? n : n + v), 0);

  for (const d of desktops) d.close();
  for (const e of engines) {
    e.proc?.proc.kill('SIGTERM');
    await e.proc?.exited;
  }
  await sim.close();
  await emu.close();
  return report;
}
