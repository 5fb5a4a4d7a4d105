// Launches the built AgentDesk (dist/main/index.mjs via package.json "main") with Playwright's
// Electron driver against the demo services on random loopback ports, in a throwaway profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import type { AppState, IpcResult } from '../../common/ipc/index.js';
import { RANDOM_PORTS, startDemoServices, type DemoServices } from '../../scripts/demo-services.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const AGENT = 'agent1@acme.test';

export function electronEnv(services: DemoServices, profile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return {
    ...env,
    AGENTDESK_USER_DATA_DIR: profile,
    AGENTDESK_CC_URL: services.sim.url,
    AGENTDESK_CC_TOKEN: `dev:${AGENT}`,
    AGENTDESK_CRM_KIND: 'kustomer',
    AGENTDESK_CRM_BASE_URL: services.kustomer.url,
    AGENTDESK_CRM_API_KEY: services.kustomer.apiKey,
    ...(services.kustomerAppUrl ? { AGENTDESK_KUSTOMER_APP_URL: services.kustomerAppUrl, AGENTDESK_CRM_APP_URL: new URL(services.kustomerAppUrl).origin } : {}),
    AGENTDESK_MANAGED_CONFIG: path.join(profile, 'no-managed-config.json'),
  };
}

export interface Launched {
  app: ElectronApplication;
  window: Page;
  services: DemoServices;
  profile: string;
}

export const test = base.extend<{ desk: Launched }>({
  // Playwright reads the fixture's dependencies from this pattern: none.
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    if (!fs.existsSync(path.join(ROOT, 'dist/main/index.mjs'))) throw new Error('dist/ is not built: run `npm run build` first');
    const services = await startDemoServices({ ports: RANDOM_PORTS, kamailio: false });
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-electron-'));
    const app = await electron.launch({ args: [ROOT, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'], env: electronEnv(services, profile) });
    const window = await app.firstWindow();
    await use({ app, window, services, profile });
    await app.close();
    await services.close();
  },
});

export { expect };

export function invoke<T = unknown>(page: Page, channel: string, request: unknown): Promise<IpcResult<T>> {
  return page.evaluate(([c, r]) => (window as unknown as { agentdesk: { invoke(c: string, r: unknown): Promise<IpcResult<T>> } }).agentdesk.invoke(c as string, r), [channel, request] as const);
}

export async function state(page: Page): Promise<AppState> {
  const r = await invoke<AppState>(page, 'app:getState', {});
  if (!r.ok) throw new Error(`app:getState failed: ${r.error.message}`);
  return r.value;
}
