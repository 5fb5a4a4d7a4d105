// The desktop core and the browser host run under plain Node (no Electron), and so do the
// decision modules of the Electron layer (they take Electron objects as narrow interfaces). This
// loads all of them in a Node process where importing Electron throws, and checks the sources:
// raw ipcMain/ipcRenderer only in the wrappers (lint enforces the same).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const tsFiles = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));

const NODE_ONLY = [...tsFiles('main/app'), ...tsFiles('main/browser-host'), ...['ipc-wrapper', 'origins', 'permissions', 'safe-storage-secrets', 'prefs-store-options', 'web-preferences'].map((m) => `main/electron/${m}.ts`)];
const VALUE_IMPORT = /^\s*import\s+(?!type\b)[^;]*from\s+['"](electron|electron-store|electron-updater)(\/[^'"]*)?['"]/m;

describe('layering: the core and the browser host need no Electron', () => {
  it('finds the modules', () => {
    expect(NODE_ONLY).toContain('main/app/core.ts');
    expect(NODE_ONLY).toContain('main/browser-host/host-server.ts');
  });

  it('none of them imports Electron as a value', () => {
    expect(NODE_ONLY.filter((f) => VALUE_IMPORT.test(fs.readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });

  it('all of them load in plain Node where importing Electron throws', () => {
    const script = `for (const f of ${JSON.stringify(NODE_ONLY)}) { await import(${JSON.stringify(root)} + '/' + f); } console.log('LOADED', ${NODE_ONLY.length});`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--import', path.join(root, 'test/support/forbid-electron.mjs'), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(out).toContain(`LOADED ${NODE_ONLY.length}`);
  });

  it('raw ipcMain / ipcRenderer appear only in the typed wrappers and the two preloads', () => {
    const files = [...tsFiles('main'), ...tsFiles('preload')];
    const raw = files.filter((f) => /import\s*\{[^}]*\b(ipcMain|ipcRenderer)\b[^}]*\}\s*from\s*['"]electron['"]/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    const allowed = ['main/electron/ipc.ts', 'preload/app-bridge.ts', 'preload/kustomer-webview.ts'];
    expect(raw.filter((f) => !allowed.includes(f))).toEqual([]);
    expect(raw).toContain('main/electron/ipc.ts');
  });
});
