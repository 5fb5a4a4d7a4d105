// Playwright global setup: build the renderer once into a private directory, so every run tests
// the current sources and no other build of dist/renderer (by another engineer's tests) can
// change the files under a running spec. Specs find it in AGENTDESK_RENDERER_DIST.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export default async function globalSetup(): Promise<() => void> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-renderer-e2e-'));
  await build({
    configFile: path.resolve(import.meta.dirname, '../../../../renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  process.env.AGENTDESK_RENDERER_DIST = outDir;
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
