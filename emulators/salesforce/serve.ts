// Starts the Salesforce emulator standalone:
//   npx tsx emulators/salesforce/serve.ts [--port 4030] [--host 127.0.0.1] [--seed seed.json]
//     [--daily-limit 100000] [--burst-per-minute N] [--assignment-owner <userId>]
// Prints its URL, the instance URL, access token and OAuth client; stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { commonServeOptions, serveCli } from '../http-kit/serve-cli.js';
import { startSalesforce } from './emulator.js';
import { DEFAULT_CLIENT, seedSchema } from './seed.js';

const { values } = parseArgs({
  options: {
    ...commonServeOptions,
    'daily-limit': { type: 'string' },
    'burst-per-minute': { type: 'string' },
    'assignment-owner': { type: 'string' },
  },
});
const cli = serveCli('salesforce emulator');

const emulator = await startSalesforce({
  port: cli.port(values.port),
  host: values.host,
  seed: cli.seed(values.seed, seedSchema),
  dailyApiLimit: cli.intFlag('daily-limit', values['daily-limit'], 1),
  burstPerMinute: cli.intFlag('burst-per-minute', values['burst-per-minute'], 1) ?? null,
  caseAssignmentOwnerId: values['assignment-owner'] ?? null,
});
console.log(`Salesforce emulator listening on ${emulator.url} (instance URL; API under /services/data/v62.0/...)`);
console.log(`Access token: ${emulator.accessToken}`);
console.log(`OAuth client: ${DEFAULT_CLIENT.clientId} / ${DEFAULT_CLIENT.clientSecret} (POST /services/oauth2/token, grant_type=client_credentials)`);
console.log(`Control: ${emulator.url}/__emulator/{faults,requests,state}`);
cli.stopOnSignals(() => emulator.close());
