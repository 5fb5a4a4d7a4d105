// Starts the Freshdesk emulator standalone:
//   npx tsx emulators/freshdesk/serve.ts [--port 4020] [--host 127.0.0.1] [--seed seed.json]
//     [--rate-limit 700] [--search-delay-ms 0] [--unique-phones]
// Prints its URL and API key(s); stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { commonServeOptions, serveCli } from '../http-kit/serve-cli.js';
import { startFreshdesk } from './emulator.js';
import { seedSchema } from './seed.js';

const { values } = parseArgs({
  options: {
    ...commonServeOptions,
    'rate-limit': { type: 'string' },
    'search-delay-ms': { type: 'string' },
    'unique-phones': { type: 'boolean', default: false },
  },
});
const cli = serveCli('freshdesk emulator');

const emulator = await startFreshdesk({
  port: cli.port(values.port),
  host: values.host,
  seed: cli.seed(values.seed, seedSchema),
  rateLimitPerMinute: cli.intFlag('rate-limit', values['rate-limit'], 1),
  searchIndexDelayMs: cli.intFlag('search-delay-ms', values['search-delay-ms'], 0),
  uniquePhones: values['unique-phones'],
});
console.log(`Freshdesk emulator listening on ${emulator.url} (API under ${emulator.url}/api/v2)`);
console.log(`API keys (Basic auth, password X): ${[...emulator.store.apiKeys.keys()].join(', ')}`);
console.log(`Agents: ${[...emulator.store.agents.values()].map((a) => `${a.id} ${a.email}`).join(', ')}`);
console.log(`Control: ${emulator.url}/__emulator/{faults,requests,state}`);
cli.stopOnSignals(() => emulator.close());
