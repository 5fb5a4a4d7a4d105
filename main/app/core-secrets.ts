// The secrets as the core uses them: the host's port (safeStorage in Electron) plus values held in
// memory for this run only, for an agent who signed in without "remember me" (SEC-1: those are
// never handed to the port, so never written anywhere).
import type { SecretName, SecretsPort } from './ports.js';

export interface CoreSecrets extends SecretsPort {
  /** Keep a value for this run only; it wins over a stored one until deleted or replaced. */
  hold(name: SecretName, value: string): void;
  /** Drop a held value (the stored one, if any, stays). */
  release(name: SecretName): void;
}

export function coreSecrets(port: SecretsPort): CoreSecrets {
  const held = new Map<SecretName, string>();
  return {
    get: (name) => held.get(name) ?? port.get(name),
    set(name, value) {
      const w = port.set(name, value);
      if (w.ok) held.delete(name);
      return w;
    },
    delete(name) {
      held.delete(name);
      port.delete(name);
    },
    hold(name, value) {
      held.set(name, value);
    },
    release(name) {
      held.delete(name);
    },
  };
}
