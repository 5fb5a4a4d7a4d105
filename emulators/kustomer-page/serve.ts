// Starts the Kustomer API emulator with the page mounted:
//   npx tsx emulators/kustomer-page/serve.ts [--port 4010] [--host 127.0.0.1] [--seed seed.json] [--frame-ancestors "'self'"]
// Prints the URLs; stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { commonServeOptions, serveCli } from '../http-kit/serve-cli.js';
import { seedSchema } from '../kustomer/index.js';
import { startKustomerWithPage } from './page.js';

const { values } = parseArgs({ options: { ...commonServeOptions, 'frame-ancestors': { type: 'string' } } });
const cli = serveCli('kustomer page emulator');

const k = await startKustomerWithPage({
  port: cli.port(values.port),
  host: values.host,
  seed: cli.seed(values.seed, seedSchema),
  page: { frameAncestors: values['frame-ancestors'] },
});
console.log(`Kustomer page:     ${k.page.appUrl} (sign in at ${k.page.loginUrl})`);
console.log(`Kustomer API:      ${k.api.url}/v1 (API keys: ${[...k.api.store.apiKeys.keys()].join(', ')})`);
console.log(`Users:             ${[...k.api.store.users.values()].filter((u) => u.userType === 'user').map((u) => u.email).join(', ')}`);
cli.stopOnSignals(() => k.close());
