// Starts the Salesforce emulator standalone:
//   npx tsx emulators/salesforce/serve.ts [--port 4030] [--host 127.0.0.1] [--seed seed.json]
//     [--daily-limit 100000] [--burst-per-minute N] [--assignment-owner <userId>]
// Prints its URL, the instance URL, access token and OAuth client; stops on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSalesforce } from './emulator.js';
import { DEFAULT_CLIENT, seedSchema, type SalesforceSeed } from './seed.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    'daily-limit': { type: 'string' },
    'burst-per-minute': { type: 'string' },
    'assignment-owner': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`salesforce emulator: ${message}`);
  process.exit(2);
}

function positive(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive integer, got ${raw}`);
  return n;
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`);
let seed: SalesforceSeed | undefined;
if (values.seed) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.seed, 'utf8'));
  } catch (e) {
    fail(`cannot read seed file ${values.seed}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) fail(`bad seed file ${values.seed}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  seed = raw as SalesforceSeed;
}

const emulator = await startSalesforce({
  port,
  host: values.host,
  seed,
  dailyApiLimit: positive('daily-limit', values['daily-limit']),
  burstPerMinute: positive('burst-per-minute', values['burst-per-minute']) ?? null,
  caseAssignmentOwnerId: values['assignment-owner'] ?? null,
});
console.log(`Salesforce emulator listening on ${emulator.url} (instance URL; API under /services/data/v62.0/...)`);
console.log(`Access token: ${emulator.accessToken}`);
console.log(`OAuth client: ${DEFAULT_CLIENT.clientId} / ${DEFAULT_CLIENT.clientSecret} (POST /services/oauth2/token, grant_type=client_credentials)`);
console.log(`Control: ${emulator.url}/__emulator/{faults,requests,state}`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
