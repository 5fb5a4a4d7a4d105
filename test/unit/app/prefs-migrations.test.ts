// Local preferences: versioned migrations (run by conf, which electron-store is built on; both the
// conf the Node store uses and the one electron-store bundles), per-key fallback of bad values,
// and merges through the PrefsPort.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import Conf from 'conf';
import { createConfPrefs, prefsOnStore } from '../../../main/app/conf-prefs.js';
import { defaultPrefs, PREFS_SCHEMA_VERSION, readPrefs } from '../../../main/app/prefs.js';
import { electronPrefsStoreOptions, PREFS_STORE_NAME } from '../../../main/electron/prefs-store-options.js';

type Stored = Record<string, unknown>;
type ConfClass = new (o: Record<string, unknown>) => { store: Stored; set(k: string, v: unknown): void; path: string };

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-prefs-'));

/** conf as electron-store 12 loads it (its own nested copy when npm did not hoist one). */
async function electronStoreConf(): Promise<{ Conf: ConfClass; version: string }> {
  const storeEntry = fileURLToPath(import.meta.resolve('electron-store'));
  const nested = path.join(path.dirname(storeEntry), 'node_modules/conf');
  const dir = fs.existsSync(nested) ? nested : path.dirname(fileURLToPath(import.meta.resolve('conf/package.json')));
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; exports: string | { default?: string } };
  const main = typeof pkg.exports === 'string' ? pkg.exports : (pkg.exports.default ?? './dist/source/index.js');
  const mod = (await import(pathToFileURL(path.join(dir, main)).href)) as { default: ConfClass };
  return { Conf: mod.default, version: pkg.version };
}

function writeStore(dir: string, name: string, content: Stored): void {
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(content));
}

const V1 = { language: 'korean', micId: 'mic-usb', speakerId: '', ringtone: 'ring-digital.wav', __internal__: { migrations: { version: '1.0.0' } } };

describe('preference migrations', () => {
  it('a 1.x store (flat language/micId, ringtone file) is migrated to the current layout by conf', () => {
    const dir = tmp();
    writeStore(dir, 'preferences', V1);
    const { prefs, store } = createConfPrefs(dir);
    expect(prefs.get()).toEqual({ ...defaultPrefs(), locale: 'ko', audio: { inputDeviceId: 'mic-usb', outputDeviceId: null, ringDeviceId: null }, ringtone: 'digital' });
    const onDisk = JSON.parse(fs.readFileSync(store.path, 'utf8')) as Stored;
    expect(onDisk).not.toHaveProperty('language');
    expect(onDisk).not.toHaveProperty('micId');
    expect(onDisk.__internal__).toEqual({ migrations: { version: PREFS_SCHEMA_VERSION } });
  });

  it('a 2.x store only gets the 3.0.0 step: an unknown ringtone falls back to the default', () => {
    const dir = tmp();
    writeStore(dir, 'preferences', { locale: 'en', ringtone: 'ring-trumpet.wav', shortcuts: 'F9', __internal__: { migrations: { version: '2.0.0' } } });
    const { prefs } = createConfPrefs(dir);
    expect(prefs.get().ringtone).toBe('classic');
    expect(prefs.get().shortcuts).toEqual(defaultPrefs().shortcuts);
  });

  it('a current store is left alone, and a new store starts from the defaults', () => {
    const dir = tmp();
    writeStore(dir, 'preferences', { locale: 'ko', ringtone: 'soft', __internal__: { migrations: { version: PREFS_SCHEMA_VERSION } } });
    expect(createConfPrefs(dir).prefs.get()).toMatchObject({ locale: 'ko', ringtone: 'soft' });
    expect(createConfPrefs(tmp()).prefs.get()).toEqual(defaultPrefs());
  });

  it('electron-store\'s options run the same migrations in the conf electron-store bundles', async () => {
    const { Conf: ElectronConf, version } = await electronStoreConf();
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(15);
    const dir = tmp();
    writeStore(dir, PREFS_STORE_NAME, V1);
    const { name, ...options } = electronPrefsStoreOptions();
    // electron-store passes `name` to conf as configName and userData as cwd.
    const store = new ElectronConf({ ...options, configName: name, cwd: dir });
    const prefs = prefsOnStore(store);
    expect(prefs.get()).toMatchObject({ locale: 'ko', ringtone: 'digital', audio: { inputDeviceId: 'mic-usb' } });
    prefs.set({ locale: 'en' });
    expect((JSON.parse(fs.readFileSync(store.path, 'utf8')) as Stored).locale).toBe('en');
  });

  it('the same options work with the conf the Node store uses', () => {
    const dir = tmp();
    writeStore(dir, PREFS_STORE_NAME, V1);
    const { name, ...options } = electronPrefsStoreOptions();
    const store = new Conf<Stored>({ ...options, configName: name, cwd: dir });
    expect(prefsOnStore(store).get().locale).toBe('ko');
  });
});

describe('preference values', () => {
  it('a bad stored value falls back to its default without losing the others', () => {
    const { prefs, invalid } = readPrefs({ locale: 'fr', ringtone: 'soft', audio: { inputDeviceId: 5 } });
    expect(invalid.sort()).toEqual(['audio', 'locale']);
    expect(prefs).toEqual({ ...defaultPrefs(), ringtone: 'soft' });
  });

  it('set merges nested objects, validates, and persists', () => {
    const dir = tmp();
    const { prefs, store } = createConfPrefs(dir);
    prefs.set({ audio: { outputDeviceId: 'spk' } });
    prefs.set({ audio: { inputDeviceId: 'mic' }, shortcuts: { hangUp: '' } });
    expect(prefs.get().audio).toEqual({ inputDeviceId: 'mic', outputDeviceId: 'spk', ringDeviceId: null });
    expect(prefs.get().shortcuts).toEqual({ answer: 'CommandOrControl+Shift+A', hangUp: '' });
    expect(createConfPrefs(dir).prefs.get().audio.outputDeviceId).toBe('spk');
    expect(() => prefs.set({ ringVolume: 2 })).toThrow();
    expect(fs.statSync(store.path).mode & 0o077).toBe(0);
  });
});
