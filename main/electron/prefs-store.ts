// electron-store behind the ports: typed preferences (versioned migrations shared with conf) and
// the blob store for safeStorage ciphertexts, in one file under userData.
import path from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import type { Log, PrefsPort } from '../app/ports.js';
import { openStoreRecovering, prefsOnStore } from '../app/conf-prefs.js';
import { electronPrefsStoreOptions, PREFS_STORE_NAME } from './prefs-store-options.js';
import { secretBlobStore, type BlobStore } from './safe-storage-secrets.js';

type Stored = Record<string, unknown>;

export function openElectronStore(log: Log): { prefs: PrefsPort; blobs: BlobStore } {
  // electron-store keeps the file in userData; one it cannot read is set aside, not fatal.
  const store = openStoreRecovering(() => new Store<Stored>(electronPrefsStoreOptions()), path.join(app.getPath('userData'), `${PREFS_STORE_NAME}.json`), log);
  return { prefs: prefsOnStore(store, log), blobs: secretBlobStore(store) };
}
