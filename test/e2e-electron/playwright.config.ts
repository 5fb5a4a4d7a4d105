// Playwright's Electron driver against the built app (dist/, `npm run build`), for machines that
// have the Electron binary. Not part of `npm test` (Electron cannot be downloaded everywhere):
//   npm run build && npm run test:e2e:electron
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: true,
  reporter: 'list',
  outputDir: '../../test-results/e2e-electron',
});
