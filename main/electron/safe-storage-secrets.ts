// Secrets in Electron (SEC-1, Element style): each value is encrypted with safeStorage (the OS
// keychain / DPAPI / libsecret key) and only the ciphertext is kept, base64, in the settings store.
// On Linux without a keyring Chromium falls back to `basic_text` (a fixed key, i.e. clear text in
// effect): storing is then refused unless IT's managed configuration opts in
// (`app.allowPlaintextSecrets`, for keyring-less kiosks and CI). Development builds may overlay
// values from the environment; they are never written.
import type { SafeStorage } from 'electron';
import type { ManagedConfig } from '../app/managed-config.js';
import { envSecretValues } from '../app/memory-secrets.js';
import type { Log, SecretName, SecretsPort } from '../app/ports.js';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/** Where the ciphertexts live (the electron-store file, key `secrets`). */
export interface BlobStore {
  get(name: SecretName): string | undefined;
  set(name: SecretName, base64: string): void;
  /** Sign-out forgets the contact-center token and the SIP password. */
  delete(name: SecretName): void;
}

/** The key of the electron-store file that holds the ciphertexts, by secret name. */
export const SECRETS_STORE_KEY = 'secrets';

/** The blob store over the preferences store (electron-store; conf in tests): base64 strings only. */
export function secretBlobStore(store: { get(key: string): unknown; set(key: string, value: unknown): void }): BlobStore {
  const all = (): Record<string, string> => {
    const v = store.get(SECRETS_STORE_KEY);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
  };
  return {
    get: (name) => (Object.hasOwn(all(), name) ? all()[name] : undefined),
    set: (name, base64) => store.set(SECRETS_STORE_KEY, { ...all(), [name]: base64 }),
    delete: (name) => {
      const { [name]: _gone, ...rest } = all();
      store.set(SECRETS_STORE_KEY, rest);
    },
  };
}

export interface SafeStorageSecretsOptions {
  allowPlaintextBackend: boolean;
  platform: NodeJS.Platform;
  /** Development only: values from the environment, in memory. */
  overlay?: Partial<Record<SecretName, string>>;
  log: Log;
}

export function safeStorageSecrets(safe: SafeStorageLike, blobs: BlobStore, opts: SafeStorageSecretsOptions): SecretsPort {
  const overlay = new Map(Object.entries(opts.overlay ?? {}).filter(([, v]) => !!v) as [SecretName, string][]);

  const backendProblem = (): string | null => {
    if (!safe.isEncryptionAvailable()) return 'the operating system offers no encryption for secrets (no keychain)';
    if (opts.platform === 'linux' && safe.getSelectedStorageBackend() === 'basic_text' && !opts.allowPlaintextBackend) {
      return 'no keyring is available (Chromium would use basic_text, which is not encryption); ask IT to set up a keyring, or to allow this machine with app.allowPlaintextSecrets';
    }
    return null;
  };

  return {
    get(name) {
      const dev = overlay.get(name);
      if (dev) return dev;
      const blob = blobs.get(name);
      if (!blob) return null;
      if (!safe.isEncryptionAvailable()) return null;
      try {
        return safe.decryptString(Buffer.from(blob, 'base64'));
      } catch (e) {
        opts.log.error('secrets.decrypt_failed', { name, error: e instanceof Error ? e.message : String(e) });
        return null;
      }
    },
    set(name, value) {
      const problem = backendProblem();
      if (problem) {
        opts.log.warn('secrets.refused', { name, reason: problem });
        return { ok: false, code: safe.isEncryptionAvailable() ? 'refused' : 'unavailable', message: problem };
      }
      blobs.set(name, safe.encryptString(value).toString('base64'));
      overlay.delete(name);
      return { ok: true };
    },
    delete(name) {
      overlay.delete(name);
      blobs.delete(name);
    },
  };
}

/**
 * The options main.ts uses: the plaintext (basic_text) backend only when IT's managed configuration
 * says `app.allowPlaintextSecrets: true`; the environment overlay only in unpackaged builds.
 */
export function secretsOptionsFor(o: { managed: Pick<ManagedConfig, 'app'>; platform: NodeJS.Platform; packaged: boolean; env: NodeJS.ProcessEnv; log: Log }): SafeStorageSecretsOptions {
  return {
    allowPlaintextBackend: o.managed.app.allowPlaintextSecrets === true,
    platform: o.platform,
    overlay: o.packaged ? {} : envSecretValues(o.env),
    log: o.log,
  };
}
