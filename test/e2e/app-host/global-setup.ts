// Builds what the specs serve: the bridge test page (esbuild, into test-results/app-host/bridge-page),
// the Kustomer page bridge bundle, and the real renderer (vite) into dist/renderer.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { buildPreloads, buildRenderer, ROOT } from '../../../scripts/build.js';

export const BRIDGE_PAGE_DIR = path.join(ROOT, 'test-results/app-host/bridge-page');

export default async function globalSetup(): Promise<void> {
  fs.mkdirSync(BRIDGE_PAGE_DIR, { recursive: true });
  await build({ entryPoints: [path.join(ROOT, 'test/e2e/app-host/bridge-page.ts')], outfile: path.join(BRIDGE_PAGE_DIR, 'bridge-page.js'), bundle: true, format: 'esm', platform: 'browser', target: 'chrome120', logLevel: 'warning' });
  fs.writeFileSync(path.join(BRIDGE_PAGE_DIR, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>bridge test</title><script type="module" src="./bridge-page.js"></script></head><body></body></html>');
  await buildPreloads();
  buildRenderer();
}
