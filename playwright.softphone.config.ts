// SOFT-1: the SIP softphone in Debian's Chromium against a real Kamailio on loopback
// (test/e2e/softphone). The agent's SipPhone runs in a harness page with a test double of the
// contract; a sip.js "caller" page is the customer. Kamailio must be installed
// (apt-get install -y kamailio kamailio-websocket-modules kamailio-tls-modules); the specs fail, never skip, without it.
// Run: npx playwright test -c playwright.softphone.config.ts
import { defineConfig } from '@playwright/test';
import { debianChromium } from './test/support/debian-chromium.js';

export default defineConfig({
  testDir: './test/e2e/softphone',
  testMatch: /.*\.spec\.ts$/,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // Each test runs several WebRTC peers; on a loaded 2-core machine one worker keeps them steady.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results/softphone',
  use: {
    headless: true,
    permissions: ['microphone'],
    launchOptions: debianChromium(),
  },
  projects: [{ name: 'softphone-chromium', use: { browserName: 'chromium' } }],
});
