// Component-level Playwright specs of the renderer: the built renderer in Debian's Chromium with
// a test double of AgentDeskApi (test/e2e/renderer). Launch flags per /work/shared/RECIPES.md.
import { defineConfig } from '@playwright/test';

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
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  projects: [{ name: 'renderer-chromium', use: { browserName: 'chromium' } }],
});
