// The user's local preferences on this machine (not admin settings): UI language, audio devices,
// ringtone, global shortcuts. The core stores them (main/app/prefs.ts: storage and migrations) and
// shows them in AppState.prefs; the renderer changes them with `prefs:set`.
import { z } from 'zod';

export const RINGTONES = ['classic', 'digital', 'soft', 'none'] as const;
export const LOCALES = ['en', 'ko'] as const;

const accelerator = z.string().max(64).regex(/^[A-Za-z0-9+]*$/, 'an Electron accelerator such as CommandOrControl+Shift+A, or empty to turn it off');
const deviceId = z.string().max(256).nullable();

export const prefsSchema = z.object({
  locale: z.enum(LOCALES).default('en'),
  audio: z
    .object({
      /** MediaDeviceInfo.deviceId; null = the system default. */
      inputDeviceId: deviceId.default(null),
      outputDeviceId: deviceId.default(null),
      /** Where the ringtone plays (a loudspeaker while the headset sits on the desk). */
      ringDeviceId: deviceId.default(null),
    })
    .prefault({}),
  ringtone: z.enum(RINGTONES).default('classic'),
  ringVolume: z.number().min(0).max(1).default(0.8),
  /** Global shortcuts (Electron accelerators) to answer and hang up; empty = off. */
  shortcuts: z
    .object({
      answer: accelerator.default('CommandOrControl+Shift+A'),
      hangUp: accelerator.default('CommandOrControl+Shift+H'),
    })
    .prefault({}),
});
export type Prefs = z.infer<typeof prefsSchema>;

export const prefsPatchSchema = z
  .object({
    locale: z.enum(LOCALES).optional(),
    audio: z.object({ inputDeviceId: deviceId, outputDeviceId: deviceId, ringDeviceId: deviceId }).partial().strict().optional(),
    ringtone: z.enum(RINGTONES).optional(),
    ringVolume: z.number().min(0).max(1).optional(),
    shortcuts: z.object({ answer: accelerator, hangUp: accelerator }).partial().strict().optional(),
  })
  .strict();
export type PrefsPatch = z.infer<typeof prefsPatchSchema>;
