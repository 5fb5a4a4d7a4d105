// `npm run engine -- --config <file.json>`: the orchestration engine as a service holding the
// contact center's orchestrator role (PROTOCOL.md). JSON log lines on stdout; SIGTERM finishes
// or persists in-flight work and exits 0.
import { parseArgs } from './headless/args.js';
import { loadHeadlessConfig } from './headless/config.js';
import { startHeadless } from './headless/run-headless.js';
import { jsonLog } from './adapters/log/json-log.js';

const log = jsonLog();
const args = parseArgs(process.argv.slice(2));
if (!args.ok) {
  if (args.help) {
    console.log(args.error);
    process.exit(0);
  }
  log.error('engine.usage', { error: args.error });
  process.exit(2);
}
const loaded = loadHeadlessConfig(args.config);
if (!loaded.ok) {
  log.error('engine.config', { error: loaded.error });
  process.exit(2);
}

// Signal handlers go in before anything starts: without a listener, the OS default for SIGTERM
// kills the process at once, even in the middle of a journal write.
let handle: ReturnType<typeof startHeadless> | null = null;
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info('engine.stopping', { signal });
  const done = handle ? handle.stop() : Promise.resolve();
  done.then(
    () => process.exit(0),
    (e: unknown) => {
      log.error('engine.stop_failed', { error: (e as Error).message });
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('uncaughtException', (e) => {
  // Everything accepted is already journalled; log, and let the supervisor restart us.
  log.error('engine.uncaught', { error: e.message, stack: e.stack });
  process.exit(1);
});
process.on('unhandledRejection', (e) => log.error('engine.unhandled_rejection', { error: e instanceof Error ? e.message : String(e) }));

try {
  handle = startHeadless(loaded.config, log);
} catch (e) {
  log.error('engine.start_failed', { error: (e as Error).message });
  process.exit(1);
}
