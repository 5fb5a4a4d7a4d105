// `npm run demo`: the headless demo. Starts the contact-center simulator, the Kustomer emulator,
// two agents' desktops (headless: they answer what they are offered) each with its own
// orchestration engine, and the orchestrator engine; plays a working day; prints the records.
// Options: --speed <n> (default 10), --crm kustomer|zendesk|freshdesk|salesforce (default
// kustomer), --stay (keep everything running afterwards).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startContactCenter, simulatedAgent, loadScenario, runScenario, scaledClock, DEFAULT_AGENTS, AGENT_EMAILS } from '../emulators/contact-center/index.js';
import { CRM_TARGETS } from '../emulators/targets/index.js';
import { CRM_KINDS, type CrmKind } from '../common/protocol/index.js';
import { startHeadless, type HeadlessHandle } from '../main/headless/run-headless.js';
import { headlessConfigSchema } from '../main/headless/config.js';
import type { Log } from '../main/engine/ports.js';
import { DEMO_SETTINGS } from './demo-settings.js';
import { freePort } from './free-port.js';
import { recordReport } from './demo-report.js';

const { values: opts } = parseArgs({ options: { speed: { type: 'string', default: '10' }, crm: { type: 'string', default: 'kustomer' }, stay: { type: 'boolean', default: false } } });
const speed = Number(opts.speed);
if (!(speed > 0)) {
  console.error('--speed must be a number above 0');
  process.exit(2);
}
if (!(CRM_KINDS as readonly string[]).includes(opts.crm)) {
  console.error(`--crm must be one of ${CRM_KINDS.join(', ')}`);
  process.exit(2);
}
const crmKind = opts.crm as CrmKind;

const root = path.resolve(import.meta.dirname, '..');
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-demo-'));

// Engines log one line per interesting action, readable for a person watching the demo.
function demoLog(who: string): Log {
  const show = new Set(['record.written', 'record.retrying', 'record.failed', 'crm.addNote.written', 'crm.attachFile.written', 'crm.updateRecord.written', 'engine.started', 'cc.connected']);
  const line = (level: string, event: string, f: Record<string, unknown> = {}) => {
    if (!show.has(event) && level === 'info') return;
    const detail = [f.key, f.recordId, f.error].filter(Boolean).join(' ');
    console.log(`  [${who}] ${event}${detail ? ` ${detail}` : ''}`);
  };
  return { info: (e, f) => line('info', e, f), warn: (e, f) => line('warn', e, f), error: (e, f) => line('error', e, f) };
}

const crm = await CRM_TARGETS[crmKind]({ port: await freePort(4100) });
// The admin's settings for this CRM: its field names and tag field, with the demo's rules.
const settings = { ...crm.settings, recordCreation: DEMO_SETTINGS.recordCreation };
// Agents have the same e-mail in the contact center and the CRM, and the CRM's user ids.
const agents = DEFAULT_AGENTS.map((a) => ({ ...a, crmUserId: crm.userIdFor(a.email) }));
const sim = await startContactCenter({ port: await freePort(4000), clock: scaledClock(speed), seqStart: Date.now(), settings, agents });
console.log(`contact center ${sim.url} · ${crmKind} API ${crm.url} · data ${dataRoot}`);

const engines: HeadlessHandle[] = [];
for (const [email, role] of [[AGENT_EMAILS.agent1, 'agent'], [AGENT_EMAILS.agent2, 'agent'], [AGENT_EMAILS.orchestrator, 'orchestrator']] as const) {
  const config = headlessConfigSchema.parse({
    contactCenter: { url: sim.url, token: `dev:${email}:${role}` },
    crm: { kind: crmKind, ...crm.connection },
    dataDir: path.join(dataRoot, email),
    fsync: false,
  });
  engines.push(startHeadless(config, demoLog(email.split('@')[0] as string)));
}
const desktops = [AGENT_EMAILS.agent1, AGENT_EMAILS.agent2].map((email) => simulatedAgent(sim.url, email, { autoAccept: true, acceptDelayMs: 300 }));
await Promise.all(desktops.map((d) => d.ready()));

const scenario = await loadScenario(path.join(root, 'emulators/contact-center/scenarios/working-day.json'));
console.log(`playing "${scenario.name}" at ${speed}x (${scenario.steps.length} steps)`);
await runScenario(sim, scenario, { speed, log: (l) => console.log(`  [day] ${l}`) });

// Let late events (recordings, CSAT) arrive and every CRM write finish.
const deadline = Date.now() + 30_000;
await new Promise((r) => setTimeout(r, 1500));
while (engines.some((e) => !e.engine.outbox.idle()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
const unfinished = engines.reduce((n, e) => n + e.engine.outbox.pending().length + e.engine.outbox.dead().length, 0);

console.log('');
console.log(recordReport(crm, (id) => agents.find((a) => a.crmUserId === id)?.email ?? id));
if (unfinished) console.log(`\n${unfinished} CRM writes did not finish; see the log above.`);

if (opts.stay) {
  console.log('\nEverything keeps running (Ctrl-C to stop).');
} else {
  for (const d of desktops) d.close();
  for (const e of engines) await e.stop();
  await sim.close();
  await crm.close();
  process.exit(unfinished ? 1 : 0);
}
