// Starts the Zendesk emulator standalone:
//   npx tsx emulators/zendesk/serve.ts [--port 4020] [--host 127.0.0.1] [--seed seed.json] [--rate-limit 700] [--search-lag-ms 0]
// Prints its URL and credentials; stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { commonServeOptions, serveCli } from '../http-kit/serve-cli.js';
import { startZendesk } from './emulator.js';
import { seedSchema } from './seed.js';

const { values } = parseArgs({
  options: { ...commonServeOptions, 'rate-limit': { type: 'string' }, 'search-lag-ms': { type: 'string' } },
});
const cli = serveCli('zendesk emulator');

const emulator = await startZendesk({
  port: cli.port(values.port),
  host: values.host,
  seed: cli.seed(values.seed, seedSchema),
  rateLimitPerMinute: cli.intFlag('rate-limit', values['rate-limit'], 1),
  searchLagMs: cli.intFlag('search-lag-ms', values['search-lag-ms'], 0),
});
console.log(`Zendesk emulator listening on ${emulator.url}`);
console.log(`API token auth: ${emulator.email}/token:${emulator.apiToken}`);
console.log(`OAuth bearer token: ${emulator.oauthToken}`);
console.log(`Control: ${emulator.url}/__emulator/{faults,requests,state}`);
cli.stopOnSignals(() => emulator.close());
