// Starts the Kustomer emulator standalone:
//   npx tsx emulators/kustomer/serve.ts [--port 4010] [--host 127.0.0.1] [--seed seed.json] [--rate-limit 1000]
// Prints its URL and API key(s); stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { commonServeOptions, serveCli } from '../http-kit/serve-cli.js';
import { startKustomer } from './emulator.js';
import { seedSchema } from './seed.js';

const { values } = parseArgs({ options: { ...commonServeOptions, 'rate-limit': { type: 'string' } } });
const cli = serveCli('kustomer emulator');

const emulator = await startKustomer({
  port: cli.port(values.port),
  host: values.host,
  seed: cli.seed(values.seed, seedSchema),
  rateLimitPerMinute: cli.intFlag('rate-limit', values['rate-limit'], 1),
});
console.log(`Kustomer emulator listening on ${emulator.url}`);
console.log(`API keys: ${[...emulator.store.apiKeys.keys()].join(', ')}`);
console.log(`Control: ${emulator.url}/__emulator/{faults,requests,state}`);
cli.stopOnSignals(() => emulator.close());
