// Starts the Zendesk emulator standalone:
//   npx tsx emulators/zendesk/serve.ts [--port 4020] [--host 127.0.0.1] [--seed seed.json] [--rate-limit 700] [--search-lag-ms 0]
// Prints its URL and credentials; stops on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startZendesk } from './emulator.js';
import { seedSchema, type ZendeskSeed } from './seed.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    'rate-limit': { type: 'string' },
    'search-lag-ms': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`zendesk emulator: ${message}`);
  process.exit(2);
}
const positiveInt = (name: string, v: string | undefined, min = 1): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer >= ${min}`);
  return n;
};

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`);
let seed: ZendeskSeed | undefined;
if (values.seed) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.seed, 'utf8'));
  } catch (e) {
    fail(`cannot read seed file ${values.seed}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) fail(`bad seed file ${values.seed}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  seed = raw as ZendeskSeed;
}

const emulator = await startZendesk({
  port,
  host: values.host,
  seed,
  rateLimitPerMinute: positiveInt('rate-limit', values['rate-limit']),
  searchLagMs: positiveInt('search-lag-ms', values['search-lag-ms'], 0),
});
console.log(`Zendesk emulator listening on ${emulator.url}`);
console.log(`API token auth: ${emulator.email}/token:${emulator.apiToken}`);
console.log(`OAuth bearer token: ${emulator.oauthToken}`);
console.log(`Control: ${emulator.url}/__emulator/{faults,requests,state}`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
