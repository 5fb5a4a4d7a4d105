// PrefsPort on `conf` (what electron-store is built on) for plain Node: the browser host and
// tests. Same file layout, same versioned migrations as the Electron store.
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

export function createConfPrefs(dir: string, log?: Log): { prefs: PrefsPort; store: Conf<Stored> } {
  const store = new Conf<Stored>({ cwd: dir, configName: 'preferences', accessPropertiesByDotNotation: false, configFileMode: 0o600, ...prefsStoreMigrations() });
  return { prefs: prefsOnStore(store, log), store };
}
