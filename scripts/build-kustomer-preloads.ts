// Bundles the Kustomer page bridge with esbuild (IIFE, target Chromium), one file per transport:
//   dist/preload/kustomer-webview.js    Electron preload of the Kustomer webview ('electron' external)
//   dist/preload/kustomer-injected.js   browser host: served by the proxy into the Kustomer page
// Run: npx tsx scripts/build-kustomer-preloads.ts [--outdir dist/preload]
// The bundles define no globals: an IIFE, and `globalThis` (used by zod for its config) is mapped
// to a private object (preload/kustomer/private-global.ts).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const KUSTOMER_PRELOADS = {
  'kustomer-webview': 'preload/kustomer-webview.ts',
  'kustomer-injected': 'preload/kustomer-injected.ts',
} as const;
export type KustomerPreloadName = keyof typeof KUSTOMER_PRELOADS;

/** Electron 45's Chromium is newer; Debian's Chromium (tests) is 150. */
export const PRELOAD_TARGET = 'chrome120';

/**
 * zod re-exports every locale through `z.locales`, which the bundler cannot drop (~260 KB). The
 * bridge uses English messages only (zod's default), so the locale index is cut down to `en`.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(path.dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

function options(name: KustomerPreloadName, plugins: Plugin[]) {
  return {
    entryPoints: [path.join(root, KUSTOMER_PRELOADS[name])],
    bundle: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    target: PRELOAD_TARGET,
    external: ['electron'],
    inject: [path.join(root, 'preload/kustomer/private-global.ts')],
    define: { globalThis: 'bridgePrivateGlobal' },
    minify: true,
    legalComments: 'none' as const,
    logLevel: 'silent' as const,
    plugins: [zodEnglishOnly, ...plugins],
  };
}

/** One bundle as text (tests inject it; `plugins` may stand in for 'electron'). */
export async function bundleKustomerPreload(name: KustomerPreloadName, plugins: Plugin[] = []): Promise<string> {
  const r = await build({ ...options(name, plugins), write: false });
  const out = r.outputFiles[0];
  if (!out) throw new Error(`esbuild produced no output for ${name}`);
  return out.text;
}

/** Writes both bundles; returns their paths. */
export async function buildKustomerPreloads(outdir = path.join(root, 'dist/preload')): Promise<string[]> {
  const written: string[] = [];
  for (const name of Object.keys(KUSTOMER_PRELOADS) as KustomerPreloadName[]) {
    const outfile = path.join(outdir, `${name}.js`);
    await build({ ...options(name, []), outfile, write: true });
    written.push(outfile);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const files = await buildKustomerPreloads(values.outdir ? path.resolve(values.outdir) : undefined);
  for (const f of files) console.log(`built ${path.relative(process.cwd(), f)}`);
}
