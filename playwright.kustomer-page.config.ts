// Playwright in Debian's Chromium (no browser download): the Kustomer page emulator with the
// page bridge injected. Run: npx playwright test -c playwright.kustomer-page.config.ts
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './test/e2e/kustomer-page',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: 'list',
  use: {
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }],
});
