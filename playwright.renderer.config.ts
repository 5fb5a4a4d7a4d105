// Component-level Playwright specs of the renderer: the built renderer in Debian's Chromium with
// a test double of AgentDeskApi (test/e2e/renderer). Launch flags per /work/shared/RECIPES.md.
import { defineConfig } from '@playwright/test';
import { debianChromium } from './test/support/debian-chromium.js';

export default defineConfig({
  testDir: './test/e2e/renderer',
  globalSetup: './test/e2e/renderer/support/build.ts',
  timeout: 60_000,
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  reporter: 'list',
  outputDir: 'test-results/renderer',
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Seoul',
    locale: 'en-US',
    permissions: ['microphone'],
    launchOptions: debianChromium(),
  },
  projects: [{ name: 'renderer-chromium', use: { browserName: 'chromium' } }],
});
