// Storage of the local preferences (schema in common/ipc/prefs.ts): reading what is stored with a
// per-key fallback, and one list of versioned migrations shared by the conf-backed store (Node,
// tests) and the electron-store one (main/electron), which is built on conf.
import { prefsSchema, RINGTONES, type Prefs, type PrefsPatch } from '../../common/ipc/prefs.js';

export { prefsSchema, prefsPatchSchema, type Prefs, type PrefsPatch } from '../../common/ipc/prefs.js';

export const PREFS_KEYS = ['locale', 'audio', 'ringtone', 'ringVolume', 'shortcuts'] as const;

export function defaultPrefs(): Prefs {
  return prefsSchema.parse({});
}

export function mergePrefs(current: Prefs, patch: PrefsPatch): Prefs {
  return prefsSchema.parse({
    ...current,
    ...patch,
    audio: { ...current.audio, ...patch.audio },
    shortcuts: { ...current.shortcuts, ...patch.shortcuts },
  });
}

/**
 * Whatever is stored, as valid preferences: each top-level key that fails its schema falls back to
 * its default (one bad value does not throw away the others), and the keys that did are returned.
 */
export function readPrefs(stored: Record<string, unknown>): { prefs: Prefs; invalid: string[] } {
  const invalid: string[] = [];
  const picked: Record<string, unknown> = {};
  for (const key of PREFS_KEYS) {
    if (stored[key] === undefined) continue;
    const r = prefsSchema.shape[key].safeParse(stored[key]);
    if (r.success) picked[key] = r.data;
    else invalid.push(key);
  }
  return { prefs: prefsSchema.parse(picked), invalid };
}

// ---- versioned migrations -----------------------------------------------------------------

/** The layout version of the stored preferences (conf `projectVersion`, independent of the app's). */
export const PREFS_SCHEMA_VERSION = '3.0.0';

/** What a migration may do to the store: conf and electron-store both provide it. */
export interface MigrationStore {
  has(key: string): boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Each step runs once, in order, when a store written by an older version is opened (and on a new
 * store, where it finds nothing to do). Never edit a released step; add a new one.
 * - 2.0.0: the 0.x prototype kept a flat `language` ('english'/'korean' or 'en'/'ko') and
 *   `micId`/`speakerId`; they become `locale` and `audio.{inputDeviceId, outputDeviceId}`.
 * - 3.0.0: ringtone file names (`ring-classic.wav`) become ringtone ids (`classic`); unknown ones
 *   fall back to the default; `shortcuts` starts empty so the defaults apply.
 */
export const PREFS_MIGRATIONS: Record<string, (store: MigrationStore) => void> = {
  '2.0.0': (store) => {
    if (store.has('language')) {
      const lang = String(store.get('language')).toLowerCase();
      store.set('locale', lang === 'ko' || lang === 'korean' ? 'ko' : 'en');
      store.delete('language');
    }
    if (store.has('micId') || store.has('speakerId')) {
      const audio = { inputDeviceId: str(store.get('micId')), outputDeviceId: str(store.get('speakerId')), ringDeviceId: null };
      store.set('audio', audio);
      store.delete('micId');
      store.delete('speakerId');
    }
  },
  '3.0.0': (store) => {
    if (store.has('ringtone')) {
      const raw = String(store.get('ringtone'));
      const id = /^ring-([a-z]+)\.wav$/.exec(raw)?.[1] ?? raw;
      if ((RINGTONES as readonly string[]).includes(id)) store.set('ringtone', id);
      else store.delete('ringtone');
    }
    if (store.has('shortcuts') && typeof store.get('shortcuts') !== 'object') store.delete('shortcuts');
  },
};
