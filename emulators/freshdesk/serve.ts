// Starts the Freshdesk emulator standalone:
//   npx tsx emulators/freshdesk/serve.ts [--port 4020] [--host 127.0.0.1] [--seed seed.json]
//     [--rate-limit 700] [--search-delay-ms 0] [--unique-phones]
// Prints its URL and API key(s); stops on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFreshdesk } from './emulator.js';
import { seedSchema, type FreshdeskSeed } from './seed.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    'rate-limit': { type: 'string' },
    'search-delay-ms': { type: 'string' },
    'unique-phones': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`freshdesk emulator: ${message}`);
  process.exit(2);
}

function nonNegativeInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got ${raw}`);
  return n;
}

const port = nonNegativeInt('port', values.port) ?? 0;
if (port > 65535) fail(`--port must be 0-65535, got ${values.port}`);
let seed: FreshdeskSeed | undefined;
if (values.seed) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.seed, 'utf8'));
  } catch (e) {
    fail(`cannot read seed file ${values.seed}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) fail(`bad seed file ${values.seed}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  seed = raw as FreshdeskSeed;
}
const rateLimit = nonNegativeInt('rate-limit', values['rate-limit']);
if (rateLimit === 0) fail('--rate-limit must be positive');

const emulator = await startFreshdesk({
  port,
  host: values.host,
  seed,
  rateLimitPerMinute: rateLimit,
  searchIndexDelayMs: nonNegativeInt('search-delay-ms', values['search-delay-ms']),
  uniquePhones: values['unique-phones'],
});
console.log(`Freshdesk emulator listening on ${emulator.url} (API under ${emulator.url}/api/v2)`);
console.log(`API keys (Basic auth, password X): ${[...emulator.store.apiKeys.keys()].join(', ')}`);
console.log(`Agents: ${[...emulator.store.agents.values()].map((a) => `${a.id} ${a.email}`).join(', ')}`);
console.log(`Control: ${emulator.url}/__emulator/{faults,requests,state}`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
