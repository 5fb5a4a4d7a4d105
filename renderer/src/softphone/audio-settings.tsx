// Audio devices (microphone, speaker, a separate ringer) and the ringtone, kept on this computer.
import { useCallback, useEffect, useId, useState } from 'react';
import { useT } from '../app/context.js';
import { RINGTONES, type RingtoneId } from './audio-prefs.js';
import { usePhone } from './phone-context.js';
import type { MessageKey } from '../i18n/translate.js';

const RINGTONE_KEY: Record<RingtoneId, MessageKey> = {
  classic: 'audio.ringtone.classic',
  digital: 'audio.ringtone.digital',
  soft: 'audio.ringtone.soft',
  none: 'audio.ringtone.none',
};

interface Devices {
  inputs: MediaDeviceInfo[];
  outputs: MediaDeviceInfo[];
}

async function listDevices(): Promise<Devices> {
  if (!navigator.mediaDevices?.enumerateDevices) return { inputs: [], outputs: [] };
  const all = await navigator.mediaDevices.enumerateDevices();
  return { inputs: all.filter((d) => d.kind === 'audioinput'), outputs: all.filter((d) => d.kind === 'audiooutput') };
}

export function AudioSettings() {
  const t = useT();
  const id = useId();
  const { prefs, setPrefs, ringer } = usePhone();
  const [devices, setDevices] = useState<Devices>({ inputs: [], outputs: [] });
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    listDevices().then(setDevices, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    refresh();
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refresh);
  }, [refresh]);

  const unnamed = [...devices.inputs, ...devices.outputs].some((d) => !d.label);
  const askNames = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      for (const track of stream.getTracks()) track.stop();
      setError(null);
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const deviceSelect = (label: string, list: MediaDeviceInfo[], value: string | null, onChange: (v: string | null) => void, testId: string) => (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid={testId}>
        <option value="">{t('audio.systemDefault')}</option>
        {list
          .filter((d) => d.deviceId && d.deviceId !== 'default')
          .map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || t('audio.unnamed', { n: i + 1 })}
            </option>
          ))}
      </select>
    </label>
  );

  const d = prefs.devices;
  return (
    <div className="audio-settings">
      {deviceSelect(t('audio.microphone'), devices.inputs, d.microphoneId, (v) => setPrefs({ ...prefs, devices: { ...d, microphoneId: v } }), 'audio-mic')}
      {deviceSelect(t('audio.speaker'), devices.outputs, d.speakerId, (v) => setPrefs({ ...prefs, devices: { ...d, speakerId: v } }), 'audio-speaker')}
      {deviceSelect(t('audio.ringer'), devices.outputs, d.ringerId, (v) => setPrefs({ ...prefs, devices: { ...d, ringerId: v } }), 'audio-ringer')}
      <label className="field">
        <span>{t('audio.ringtone')}</span>
        <select value={prefs.ringtone} onChange={(e) => setPrefs({ ...prefs, ringtone: e.target.value as RingtoneId })}>
          {RINGTONES.map((r) => (
            <option key={r} value={r}>
              {t(RINGTONE_KEY[r])}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-vol`}>
        <span>{t('audio.volume', { value: Math.round(prefs.ringVolume * 100) })}</span>
        <input id={`${id}-vol`} type="range" min={0} max={100} step={5} value={Math.round(prefs.ringVolume * 100)} onChange={(e) => setPrefs({ ...prefs, ringVolume: Number(e.target.value) / 100 })} />
      </label>
      <div className="row">
        <button type="button" className="btn" onClick={() => void ringer.start(prefs.ringtone, prefs.ringVolume, d.ringerId, false)}>
          {t('audio.test')}
        </button>
        {unnamed && (
          <button type="button" className="btn btn--ghost" onClick={() => void askNames()}>
            {t('audio.showNames')}
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {t('audio.error', { error })}
        </p>
      )}
    </div>
  );
}
