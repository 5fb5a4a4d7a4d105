// End-to-end tests of the whole desktop in Debian's Chromium (test/e2e/desktop): the real renderer
// on the real core through the browser host, one desk (core + host + page) per agent, the
// contact-center simulator, the Kustomer API and page emulators, Kamailio (SIP over WebSocket) and
// a sip.js caller page as the customer, all on loopback. Fake media devices; WebRTC needs a network
// interface besides loopback for ICE (RECIPES.md). Kamailio must be installed; nothing skips.
//   npm run test:e2e:desktop
import { defineConfig } from '@playwright/test';
import { debianChromium } from './test/support/debian-chromium.js';

export default defineConfig({
  testDir: './test/e2e/desktop',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './test/e2e/desktop/support/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // Each test runs several desks and WebRTC peers; on a loaded 2-core machine one worker keeps them steady.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results/desktop',
  use: {
    headless: true,
    actionTimeout: 20_000,
    launchOptions: debianChromium(),
  },
  projects: [{ name: 'desktop-chromium', use: { browserName: 'chromium' } }],
});
