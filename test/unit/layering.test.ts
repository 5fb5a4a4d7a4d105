// The engines, the adapters and common/ must never need Electron: they run under plain Node in
// tests and as the headless service. This test loads every module of those layers in a Node
// process where importing Electron throws, and also scans the sources.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const LAYERS = ['common', 'main/engine', 'main/adapters', 'main/headless', 'emulators'];

function tsFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

describe('layering: no Electron below main/electron', () => {
  const files = LAYERS.flatMap(tsFiles);

  it('finds the layer sources', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain(path.join('main/engine', 'orchestration-engine.ts'));
  });

  it('no source imports electron (value imports; `import type` is allowed)', () => {
    const offenders = files.filter((f) => {
      const src = fs.readFileSync(path.join(root, f), 'utf8');
      return /^\s*import\s+(?!type\b)[^;]*from\s+['"](electron|electron-store|electron-updater)(\/[^'"]*)?['"]/m.test(src) ||
        /require\(\s*['"](electron|electron-store)['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(src);
    });
    expect(offenders).toEqual([]);
  });

  it('every module of those layers loads in plain Node where importing Electron throws', () => {
    const entries = files.filter((f) => !/\/(cli|serve)\.ts$/.test(f) && f !== 'main/headless.ts');
    const script = `for (const f of ${JSON.stringify(entries)}) { await import(${JSON.stringify(root)} + '/' + f); } console.log('LOADED', ${entries.length});`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--import', path.join(root, 'test/support/forbid-electron.mjs'), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(out).toContain(`LOADED ${entries.length}`);
  });

  it('the guard itself works: importing electron under it fails', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', path.join(root, 'test/support/forbid-electron.mjs'), '--input-type=module', '-e', "await import('electron')"], { cwd: root, encoding: 'utf8', stdio: 'pipe' }),
    ).toThrow(/FORBIDDEN_ELECTRON_IMPORT/);
  });
});
