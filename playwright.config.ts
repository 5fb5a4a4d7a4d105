// Playwright in Debian's Chromium (no browser download) for the browser host: the real core behind
// the renderer bridge and the real renderer (test/e2e/app-host). Part of `npm test`; alone:
//   npm run test:e2e:host
import { defineConfig } from '@playwright/test';
import { debianChromium } from './test/support/debian-chromium.js';

export default defineConfig({
  testDir: './test/e2e/app-host',
  globalSetup: './test/e2e/app-host/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  reporter: 'list',
  outputDir: 'test-results/app-host',
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    permissions: ['microphone'],
    launchOptions: debianChromium(),
  },
  projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }],
});
