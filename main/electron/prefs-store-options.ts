// The electron-store options of the preferences file: the same versioned migrations the Node
// (conf) store runs, so test/unit/app/prefs-migrations.test.ts proves them with conf, which
// electron-store is built on. No Electron import here.
import { prefsStoreMigrations } from '../app/conf-prefs.js';

export const PREFS_STORE_NAME = 'preferences';

export function electronPrefsStoreOptions() {
  return {
    name: PREFS_STORE_NAME,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    configFileMode: 0o600,
    ...prefsStoreMigrations(),
  } as const;
}
