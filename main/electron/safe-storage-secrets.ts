// Secrets in Electron (SEC-1, Element style): each value is encrypted with safeStorage (the OS
// keychain / DPAPI / libsecret key) and only the ciphertext is kept, base64, in the settings store.
// On Linux without a keyring Chromium falls back to `basic_text` (a fixed key, i.e. clear text in
// effect): storing is then refused unless IT's managed configuration opts in
// (`app.allowPlaintextSecrets`, for keyring-less kiosks and CI). Development builds may overlay
// values from the environment; they are never written.
import type { SafeStorage } from 'electron';
import type { Log, SecretName, SecretsPort } from '../app/ports.js';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/** Where the ciphertexts live (the electron-store file, key `secrets`). */
export interface BlobStore {
  get(name: SecretName): string | undefined;
  set(name: SecretName, base64: string): void;
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
  };
}
