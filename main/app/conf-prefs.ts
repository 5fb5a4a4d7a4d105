// PrefsPort on `conf` (what electron-store is built on) for plain Node: the browser host and
// tests. Same file layout, same versioned migrations as the Electron store.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { PrefsPort, Log } from './ports.js';
import { mergePrefs, PREFS_MIGRATIONS, PREFS_SCHEMA_VERSION, readPrefs, type MigrationStore, type Prefs } from './prefs.js';

type Stored = Record<string, unknown>;

/**
 * The `projectVersion` and `migrations` options for conf and electron-store (which bundles its own
 * conf): typed structurally so one list serves both.
 */
export function prefsStoreMigrations(): { projectVersion: string; migrations: Record<string, (store: MigrationStore) => void> } {
  const migrations: Record<string, (store: MigrationStore) => void> = {};
  for (const [version, step] of Object.entries(PREFS_MIGRATIONS)) {
    migrations[version] = (store) => step(store);
  }
  return { projectVersion: PREFS_SCHEMA_VERSION, migrations };
}

/** A PrefsPort over any conf-compatible store (conf under Node, electron-store under Electron). */
export function prefsOnStore(store: { readonly store: Stored; set(key: string, value: unknown): void }, log?: Log): PrefsPort {
  const { prefs: initial, invalid } = readPrefs(store.store);
  if (invalid.length) log?.warn('prefs.invalid_values_reset', { keys: invalid });
  let current: Prefs = initial;
  return {
    get: () => structuredClone(current),
    set(patch) {
      current = mergePrefs(current, patch);
      for (const [k, v] of Object.entries(current)) store.set(k, v);
      return structuredClone(current);
    },
  };
}

export const PREFS_FILE_NAME = 'preferences.json';

/**
 * Opens a preferences store (conf or electron-store). A file the store cannot read (not JSON,
 * truncated, a broken migration marker) is moved aside as `<file>.corrupt-<time>` (kept for support)
 * and a fresh store is opened, so a damaged file never stops the app from starting.
 */
export function openStoreRecovering<S>(open: () => S, file: string, log?: Log): S {
  try {
    return open();
  } catch (e) {
    if (!fs.existsSync(file)) throw e;
    const aside = `${file}.corrupt-${Date.now()}`;
    fs.renameSync(file, aside);
    log?.warn('prefs.corrupt_file_set_aside', { file: path.basename(file), aside: path.basename(aside), error: e instanceof Error ? e.message : String(e) });
    return open();
  }
}

export function createConfPrefs(dir: string, log?: Log): { prefs: PrefsPort; store: Conf<Stored> } {
  const store = openStoreRecovering(
    () => new Conf<Stored>({ cwd: dir, configName: 'preferences', accessPropertiesByDotNotation: false, configFileMode: 0o600, ...prefsStoreMigrations() }),
    path.join(dir, PREFS_FILE_NAME),
    log,
  );
  return { prefs: prefsOnStore(store, log), store };
}
