// Playwright in Debian's Chromium (no browser download): the Kustomer page emulator with the
// page bridge injected. Run: npx playwright test -c playwright.kustomer-page.config.ts
import { defineConfig } from '@playwright/test';
import { debianChromium } from './test/support/debian-chromium.js';

export default defineConfig({
  testDir: './test/e2e/kustomer-page',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: 'list',
  use: {
    headless: true,
    launchOptions: debianChromium({ media: false }),
  },
  projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }],
});
