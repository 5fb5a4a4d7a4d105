// The agent's audio preferences: devices, ringtone and ring volume. The core keeps them per
// machine (AppState.prefs, changed with `prefs:set`); a core that does not send prefs yet falls
// back to this computer's localStorage. Parsing is defensive: a corrupt entry gives the defaults.
import type { Prefs, PrefsPatch } from '../../../common/ipc/prefs.js';
import { NO_DEVICES, type AudioDeviceChoice } from './phone.js';

export type RingtoneId = Prefs['ringtone'];
/** In the order the picker shows them; ringer.ts has a pattern for each (a Record, so none is missed). */
export const RINGTONES: readonly RingtoneId[] = ['classic', 'digital', 'soft', 'none'];

export interface AudioPrefs {
  devices: AudioDeviceChoice;
  ringtone: RingtoneId;
  /** 0..1 */
  ringVolume: number;
}

export const DEFAULT_AUDIO_PREFS: AudioPrefs = { devices: NO_DEVICES, ringtone: 'classic', ringVolume: 0.8 };
export const AUDIO_PREFS_KEY = 'agentdesk.audio.v1';

export function fromPrefs(p: Prefs): AudioPrefs {
  return {
    devices: { microphoneId: p.audio.inputDeviceId, speakerId: p.audio.outputDeviceId, ringerId: p.audio.ringDeviceId },
    ringtone: p.ringtone,
    ringVolume: p.ringVolume,
  };
}

export function toPrefsPatch(a: AudioPrefs): PrefsPatch {
  return {
    audio: { inputDeviceId: a.devices.microphoneId, outputDeviceId: a.devices.speakerId, ringDeviceId: a.devices.ringerId },
    ringtone: a.ringtone,
    ringVolume: a.ringVolume,
  };
}

const idOrNull = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= 256 ? v : null);

export function parseAudioPrefs(raw: string | null): AudioPrefs {
  if (!raw) return DEFAULT_AUDIO_PREFS;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return DEFAULT_AUDIO_PREFS;
  }
  if (typeof v !== 'object' || v === null) return DEFAULT_AUDIO_PREFS;
  const o = v as Record<string, unknown>;
  const d = (typeof o.devices === 'object' && o.devices !== null ? o.devices : {}) as Record<string, unknown>;
  const ringtone = RINGTONES.find((r) => r === o.ringtone) ?? DEFAULT_AUDIO_PREFS.ringtone;
  const vol = typeof o.ringVolume === 'number' && Number.isFinite(o.ringVolume) ? Math.min(1, Math.max(0, o.ringVolume)) : DEFAULT_AUDIO_PREFS.ringVolume;
  return {
    devices: { microphoneId: idOrNull(d.microphoneId), speakerId: idOrNull(d.speakerId), ringerId: idOrNull(d.ringerId) },
    ringtone,
    ringVolume: vol,
  };
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadAudioPrefs(store: KeyValueStore | null): AudioPrefs {
  try {
    return parseAudioPrefs(store?.getItem(AUDIO_PREFS_KEY) ?? null);
  } catch {
    return DEFAULT_AUDIO_PREFS;
  }
}

export function saveAudioPrefs(store: KeyValueStore | null, prefs: AudioPrefs): void {
  try {
    store?.setItem(AUDIO_PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or disabled: the choice lasts for this session only.
  }
}
