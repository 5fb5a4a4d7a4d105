// The whole desktop on loopback for the browser-host specs: the demo services (simulator, Kustomer
// API + page emulator; no SIP), the real core, and the browser host serving either the bridge test
// page or the real renderer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { AppState } from '../../../common/ipc/index.js';
import { createAppCore, type AppCore } from '../../../main/app/core.js';
import { parseAppConfig } from '../../../main/app/config.js';
import { createConfPrefs } from '../../../main/app/conf-prefs.js';
import { memorySecrets } from '../../../main/app/memory-secrets.js';
import { browserKustomerPort, startBrowserHost, type BrowserHost } from '../../../main/browser-host/host-server.js';
import { systemClock } from '../../../main/engine/ports.js';
import { RANDOM_PORTS, startDemoServices, type DemoServices } from '../../../scripts/demo-services.js';
import { memoryLog } from '../../unit/app/memory-log.js';
import { BRIDGE_PAGE_DIR } from './global-setup.js';

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
  const bundle = fs.readFileSync(path.join(BRIDGE_PAGE_DIR, '..', '..', '..', 'dist/preload/kustomer-injected.js'), 'utf8');
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

export const test = base.extend<{ stack: Stack; renderer: string }>({
  renderer: [BRIDGE_PAGE_DIR, { option: true }],
  stack: async ({ renderer }, use) => {
    const s = await startStack(renderer);
    await use(s);
    await s.close();
  },
});

export { expect };

/** The newest state the bridge test page received. */
export function lastState(page: Page): Promise<AppState | null> {
  return page.evaluate(() => (window as unknown as { t: { last(): AppState | null } }).t.last());
}

export async function untilState(page: Page, pred: (s: AppState) => boolean, what: string): Promise<AppState> {
  let found: AppState | null = null;
  await expect
    .poll(async () => {
      const s = await lastState(page);
      if (s && pred(s)) found = s;
      return found !== null;
    }, { message: what })
    .toBe(true);
  return found as unknown as AppState;
}
