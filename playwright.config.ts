// Playwright in Debian's Chromium (no browser download) for the browser host: the real core behind
// the renderer bridge and the real renderer (test/e2e/app-host). Not part of `npm test`:
//   npm run test:e2e:host
// Launch flags per /work/shared/RECIPES.md.
import { defineConfig } from '@playwright/test';

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
  projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }],
});
