// electron-store behind the ports: typed preferences (versioned migrations shared with conf) and
// the blob store for safeStorage ciphertexts, in one file under userData.
import Store from 'electron-store';
import type { Log, PrefsPort, SecretName } from '../app/ports.js';
import { prefsOnStore } from '../app/conf-prefs.js';
import { electronPrefsStoreOptions } from './prefs-store-options.js';
import type { BlobStore } from './safe-storage-secrets.js';

type Stored = Record<string, unknown>;

export function openElectronStore(log: Log): { prefs: PrefsPort; blobs: BlobStore } {
  const store = new Store<Stored>(electronPrefsStoreOptions());
  const secrets = (): Record<string, string> => {
    const v = store.get('secrets');
    return typeof v === 'object' && v !== null ? (v as Record<string, string>) : {};
  };
  return {
    prefs: prefsOnStore(store, log),
    blobs: {
      get: (name: SecretName) => secrets()[name],
      set: (name: SecretName, base64: string) => store.set('secrets', { ...secrets(), [name]: base64 }),
    },
  };
}
