// Builds the renderer to dist/renderer with a relative base (Electron loads it from file://,
// the browser host serves it from any path). No inline scripts: the host applies a strict CSP
// (default-src 'self', no eval). Admin, supervisor and the SIP softphone are lazy chunks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const BRIDGE_ID = '#browser-bridge';

/**
 * `#browser-bridge` is the browser host's WebSocket bridge (renderer/bridge/browser-bridge.ts,
 * written by the core engineer). Until that file exists the renderer builds against a stand-in
 * that fails clearly at run time. renderer/tsconfig.json resolves the same id the same way.
 */
function browserBridge(): Plugin {
  const real = path.join(here, 'bridge/browser-bridge.ts');
  const fallback = path.join(here, 'src/api/browser-bridge-missing.ts');
  return {
    name: 'agentdesk-browser-bridge',
    enforce: 'pre',
    resolveId(id) {
      if (id !== BRIDGE_ID) return null;
      return fs.existsSync(real) ? real : fallback;
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [browserBridge(), react()],
  build: {
    outDir: path.join(here, '../dist/renderer'),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'chrome120',
    // Keep the modulepreload helper in a chunk, never inline (CSP).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: { host: '127.0.0.1' },
});
