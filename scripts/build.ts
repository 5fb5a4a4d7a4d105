// Builds the desktop into dist/ (what electron-builder packages):
//   dist/main/index.mjs            Electron main process (main/electron/main.ts; only `electron` external)
//   dist/preload/app-bridge.js     preload of our window (preload/app-bridge.ts)
//   dist/preload/kustomer-*.js     Kustomer view preload and browser-host page bridge (scripts/build-kustomer-preloads.ts)
//   dist/renderer/                 the React UI (renderer/vite.config.ts)
// Usage: npx tsx scripts/build.ts [--only main|preload|renderer]...
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
const PARTS = ['main', 'preload', 'renderer'] as const;
type Part = (typeof PARTS)[number];

/** Electron 45 ships Node 22 and Chromium 142. */
const MAIN_TARGET = 'node22';
const PRELOAD_TARGET = 'chrome120';

export async function buildMain(): Promise<string> {
  const outfile = path.join(DIST, 'main/index.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'main/electron/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: MAIN_TARGET,
    external: ['electron', 'bufferutil', 'utf-8-validate'],
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
    banner: { js: "import { createRequire as __agentdeskRequire } from 'node:module'; const require = __agentdeskRequire(import.meta.url);" },
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

export async function buildPreloads(): Promise<string[]> {
  const outfile = path.join(DIST, 'preload/app-bridge.js');
  await build({
    entryPoints: [path.join(ROOT, 'preload/app-bridge.ts')],
    outfile,
    bundle: true,
    // Sandboxed preloads get a CommonJS `require` that only knows 'electron' (and a few others).
    platform: 'browser',
    format: 'cjs',
    target: PRELOAD_TARGET,
    external: ['electron'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const out = [outfile];
  const kustomer = path.join(ROOT, 'scripts/build-kustomer-preloads.ts');
  if (fs.existsSync(kustomer)) {
    const mod = (await import(pathToFileURL(kustomer).href)) as { buildKustomerPreloads(outdir?: string): Promise<string[]> };
    out.push(...(await mod.buildKustomerPreloads(path.join(DIST, 'preload'))));
  } else {
    console.warn('build: scripts/build-kustomer-preloads.ts is missing: no Kustomer preloads');
  }
  return out;
}

export function buildRenderer(): string {
  const config = path.join(ROOT, 'renderer/vite.config.ts');
  if (!fs.existsSync(config)) throw new Error('renderer/vite.config.ts is missing: the renderer cannot be built');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', config, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
  return path.join(DIST, 'renderer');
}

export async function buildAll(parts: readonly Part[] = PARTS): Promise<void> {
  if (parts.includes('main')) console.log(`built ${path.relative(ROOT, await buildMain())}`);
  if (parts.includes('preload')) for (const f of await buildPreloads()) console.log(`built ${path.relative(ROOT, f)}`);
  if (parts.includes('renderer')) console.log(`built ${path.relative(ROOT, buildRenderer())}/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
  const only = (values.only ?? [...PARTS]) as Part[];
  const unknown = only.filter((p) => !PARTS.includes(p));
  if (unknown.length) {
    console.error(`build: unknown part(s) ${unknown.join(', ')}; use ${PARTS.join(', ')}`);
    process.exit(2);
  }
  try {
    await buildAll(only);
  } catch (e) {
    console.error(`build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
