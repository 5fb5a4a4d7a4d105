// The narrow interfaces the core receives from its host (Signal style): Electron implements them
// with electron-store and safeStorage, the browser host and tests with conf and memory.
import type { KustomerApply } from '../../common/ipc/index.js';
import type { Clock, Log } from '../engine/ports.js';
import type { Prefs, PrefsPatch } from './prefs.js';

export type { Clock, Log };

/** Typed local preferences (locale, audio devices, ringtone, shortcuts). */
export interface PrefsPort {
  get(): Prefs;
  /** Merges the patch, validates, persists and returns the new preferences. */
  set(patch: PrefsPatch): Prefs;
}

export const SECRET_NAMES = ['crm.apiKey', 'sip.password', 'cc.token'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export type SecretWrite = { ok: true } | { ok: false; code: 'refused' | 'unavailable'; message: string };

/** Secrets by name (SEC-1): never written to disk in clear text. */
export interface SecretsPort {
  get(name: SecretName): string | null;
  set(name: SecretName, value: string): SecretWrite;
  /** Forget the secret (sign-out): the stored value and any development overlay. */
  delete(name: SecretName): void;
}

export interface KustomerBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  visible: boolean;
}

/** The Kustomer page as the host holds it (Electron: a WebContentsView; browser: an iframe). */
export interface KustomerPagePort {
  /** Send an apply request to the page (two-way status sync). */
  apply(apply: KustomerApply): void;
  /** Electron only: where the view sits in the window. */
  setBounds?(bounds: KustomerBounds): void;
}

export interface AppPorts {
  prefs: PrefsPort;
  secrets: SecretsPort;
  /** The orchestration journal lives in `<journalDir>/<agent identity>`. */
  journalDir: string;
  log: Log;
  clock: Clock;
  kustomerPage: KustomerPagePort;
}

/** Who sent an IPC request; the host checked it is our own UI before calling the core. */
export interface IpcSender {
  host: 'electron' | 'browser';
  /** A stable id of the sending UI (Electron webContents id, browser connection id). */
  id: string;
}
