// Standalone simulator for demos: `npx tsx emulators/contact-center/serve.ts --port 4000
// [--config sim.json] [--scenario scenarios/working-day.json --speed 5 --agents a@x,b@y]`.
// Prints its URL on the first stdout line; SIGINT/SIGTERM close it cleanly.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadScenario } from './scenario-schema.js';
import { runScenario } from './scenario-runner.js';
import { simulatedAgent, type SimulatedAgent } from './simulated-agent.js';
import { startContactCenter } from './sim.js';
import type { SimOptions } from './options.js';
import { scaledClock } from './time.js';

const { values: o } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    config: { type: 'string' },
    scenario: { type: 'string' },
    speed: { type: 'string' },
    agents: { type: 'string' },
    'accept-delay': { type: 'string' },
  },
  strict: true,
});

async function config(): Promise<SimOptions> {
  if (!o.config) return {};
  const raw = JSON.parse(await readFile(o.config, 'utf8')) as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${o.config}: expected a JSON object`);
  return raw as SimOptions;
}

const fromFile = await config();
const speed = Number(o.speed ?? 1);
if (!(speed > 0)) throw new Error('--speed must be a number > 0');
const sim = await startContactCenter({
  // A scenario played faster keeps its durations on the simulator's clock.
  ...(speed !== 1 ? { clock: scaledClock(speed) } : {}),
  // A restarted standalone simulator must not reuse seq numbers a persisted client already saw.
  seqStart: Date.now(),
  ...fromFile,
  port: o.port !== undefined ? Number(o.port) : (fromFile.port ?? 4000),
  host: o.host ?? fromFile.host ?? '127.0.0.1',
});
process.stdout.write(`${sim.url}\n`);
process.stderr.write(`contact-center simulator on ${sim.url} (socket.io namespace /agent, control ${sim.url}/control/state)\n`);

const agents: SimulatedAgent[] = (o.agents ?? '')
  .split(',')
  .filter(Boolean)
  .map((email) => simulatedAgent(sim.url, email.trim(), { autoAccept: true, acceptDelayMs: Number(o['accept-delay'] ?? 500) }));

const stop = new AbortController();
let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  stop.abort();
  for (const a of agents) a.close();
  await sim.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

if (o.scenario) {
  const scenario = await loadScenario(o.scenario);
  await Promise.all(agents.map((a) => a.ready()));
  process.stderr.write(`running scenario "${scenario.name}" (${scenario.steps.length} steps)\n`);
  try {
    await runScenario(sim, scenario, {
      speed,
      signal: stop.signal,
      log: (line) => process.stderr.write(`[scenario] ${line}\n`),
    });
    process.stderr.write('scenario finished; the simulator keeps running\n');
  } catch (err) {
    if (!closing) process.stderr.write(`scenario failed: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}
