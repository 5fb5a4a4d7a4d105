// Starts the Kustomer API emulator with the page mounted:
//   npx tsx emulators/kustomer-page/serve.ts [--port 4010] [--host 127.0.0.1] [--seed seed.json] [--frame-ancestors "'self'"]
// Prints the URLs; stops on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { seedSchema, type KustomerSeed } from '../kustomer/index.js';
import { startKustomerWithPage } from './page.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    'frame-ancestors': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`kustomer page emulator: ${message}`);
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

const k = await startKustomerWithPage({ port, host: values.host, seed, page: { frameAncestors: values['frame-ancestors'] } });
console.log(`Kustomer page:     ${k.page.appUrl} (sign in at ${k.page.loginUrl})`);
console.log(`Kustomer API:      ${k.api.url}/v1 (API keys: ${[...k.api.store.apiKeys.keys()].join(', ')})`);
console.log(`Users:             ${[...k.api.store.users.values()].filter((u) => u.userType === 'user').map((u) => u.email).join(', ')}`);

const stop = () => {
  void k.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
