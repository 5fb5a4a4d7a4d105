// Starts the Kustomer emulator standalone:
//   npx tsx emulators/kustomer/serve.ts [--port 4010] [--host 127.0.0.1] [--seed seed.json] [--rate-limit 1000]
// Prints its URL and API key(s); stops on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startKustomer } from './emulator.js';
import { seedSchema, type KustomerSeed } from './seed.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    'rate-limit': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`kustomer emulator: ${message}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`);
let seed: KustomerSeed | undefined;
if (values.seed) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.seed, 'utf8'));
  } catch (e) {
    fail(`cannot read seed file ${values.seed}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) fail(`bad seed file ${values.seed}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  seed = raw as KustomerSeed;
}
const rateLimit = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit > 0)) fail('--rate-limit must be a positive integer');

const emulator = await startKustomer({ port, host: values.host, seed, rateLimitPerMinute: rateLimit });
console.log(`Kustomer emulator listening on ${emulator.url}`);
console.log(`API keys: ${[...emulator.store.apiKeys.keys()].join(', ')}`);
console.log(`Control: ${emulator.url}/__emulator/{faults,requests,state}`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
