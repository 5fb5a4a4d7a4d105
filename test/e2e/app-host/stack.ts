// The whole desktop on loopback: the demo services (simulator, Kustomer API + page emulator; no
// SIP), the real core, and the browser host serving a renderer. Used by the browser-host specs and
// by bench/status-sync.ts, so it does not import Playwright.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppCore, type AppCore } from '../../../main/app/core.js';
import { parseAppConfig } from '../../../main/app/config.js';
import { createConfPrefs } from '../../../main/app/conf-prefs.js';
import { memorySecrets } from '../../../main/app/memory-secrets.js';
import { browserKustomerPort, startBrowserHost, type BrowserHost } from '../../../main/browser-host/host-server.js';
import { systemClock } from '../../../main/engine/ports.js';
import { RANDOM_PORTS, startDemoServices, type DemoServices } from '../../../scripts/demo-services.js';
import { ROOT } from '../../../scripts/build.js';
import { memoryLog } from '../../unit/app/memory-log.js';

export const AGENT = 'agent1@acme.test';

export interface Stack {
  services: DemoServices;
  core: AppCore;
  host: BrowserHost;
  log: ReturnType<typeof memoryLog>;
}

export async function startStack(rendererDir: string): Promise<Stack & { close(): Promise<void> }> {
  const services = await startDemoServices({ ports: RANDOM_PORTS, kamailio: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-host-e2e-'));
  const log = memoryLog();
  const parsed = parseAppConfig({
    contactCenter: { url: services.sim.url, token: `dev:${AGENT}` },
    crm: { kind: 'kustomer', baseUrl: services.kustomer.url },
    kustomerAppUrl: services.kustomerAppUrl,
    fsync: false,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const kustomerPort = browserKustomerPort();
  const core = createAppCore(
    { prefs: createConfPrefs(path.join(dir, 'prefs')).prefs, secrets: memorySecrets({ 'crm.apiKey': services.kustomer.apiKey }), journalDir: path.join(dir, 'journal'), log, clock: systemClock, kustomerPage: kustomerPort },
    parsed.config,
    { outbox: { backoff: { baseMs: 20, capMs: 200 } } },
  );
  const bundle = fs.readFileSync(path.join(ROOT, 'dist/preload/kustomer-injected.js'), 'utf8');
  const host = await startBrowserHost({ core, kustomerPort, rendererDir, log, kustomer: { upstream: new URL(services.kustomerAppUrl as string).origin, injectedScript: async () => bundle } });
  core.start();
  return {
    services,
    core,
    host,
    log,
    async close() {
      await host.close();
      await core.stop();
      await services.close();
    },
  };
}

