// Playwright fixtures for the renderer specs: servers, the fake API, a fixed clock, and checks
// that run after every test (no CSP violation, no uncaught page error).
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import type { AppState } from '../../../../common/ipc/app-state.js';
import { FakeApi, installFakeApi, type FakeApiOptions } from './fake-api.js';
import { NOW } from './fixtures.js';
import { serveKustomer, serveRenderer, type Served } from './servers.js';

// The tests always take their screenshots; `npm run screenshots` (AGENTDESK_UPDATE_SCREENSHOTS=1)
// writes them into docs/ instead of test-results/, so an ordinary test run leaves docs/ alone.
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../..', process.env.AGENTDESK_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');

interface Servers {
  app: Served;
  kustomer: Served;
}

export interface OpenOptions extends Partial<Omit<FakeApiOptions, 'state'>> {
  state: AppState;
  /** Wait for the app to show (default); false for boot screens. */
  waitForApp?: boolean;
}

interface Fixtures {
  open(opts: OpenOptions): Promise<FakeApi>;
  pageErrors: string[];
}

export const test = base.extend<Fixtures, { servers: Servers }>({
  servers: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
    async ({}, use) => {
      const kustomer = await serveKustomer();
      const app = await serveRenderer(kustomer.origin);
      await use({ app, kustomer });
      await app.close();
      await kustomer.close();
    },
    { scope: 'worker' },
  ],
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await use(errors);
  },
  open: async ({ page, servers, pageErrors }, use) => {
    let fake: FakeApi | null = null;
    await use(async (opts) => {
      await installFakeApi(page, { host: opts.host ?? 'electron', state: opts.state, replies: opts.replies ?? {} });
      await page.clock.setFixedTime(new Date(NOW));
      await page.goto(servers.app.url);
      fake = new FakeApi(page, opts.state);
      if (opts.waitForApp === false) return fake;
      await expect(page.locator('.topbar')).toBeVisible();
      // The phone is created asynchronously; call shortcuts act once it exists.
      await expect(page.getByTestId('phone-state')).toBeAttached();
      return fake;
    });
    if (fake) expect(await (fake as FakeApi).cspViolations(), 'CSP violations').toEqual([]);
    expect(pageErrors, 'page errors').toEqual([]);
  },
});

export { expect };

/** axe-core: no serious or critical violations (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).exclude('iframe').analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(bad, `axe violations on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string, locale: 'en' | 'ko'): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${locale}.png`) });
}

export const LOCALES = ['en', 'ko'] as const;
