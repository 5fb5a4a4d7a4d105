// Owns the Phone for the current SIP configuration, feeds it the core's sessions, rings the
// ringer while offers wait, and keeps the agent's audio preferences.
import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState } from '../../../common/ipc/app-state.js';
import { useApi, useAppState } from '../app/context.js';
import { ringingOffers } from '../store/selectors.js';
import { useReportFailure } from '../ui/feedback.js';
import { fromPrefs, loadAudioPrefs, saveAudioPrefs, toPrefsPatch, type AudioPrefs, type KeyValueStore } from './audio-prefs.js';
import { createPhone, type CreatedPhone } from './create-phone.js';
import type { Phone, PhoneSnapshot } from './phone.js';
import { Ringer } from './ringer.js';

interface PhoneContextValue {
  phone: Phone | null;
  snapshot: PhoneSnapshot | null;
  fallbackReason: string | null;
  prefs: AudioPrefs;
  setPrefs(p: AudioPrefs): void;
  ringer: Ringer;
}

const PhoneContext = createContext<PhoneContextValue | null>(null);

function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const noop = () => () => undefined;

export function PhoneProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const state = useAppState();
  const report = useReportFailure();
  const sipKey = JSON.stringify(state.softphone.sip);
  const [created, setCreated] = useState<CreatedPhone | null>(null);
  // The core's prefs when it sends them; else this computer's own copy.
  const [localPrefs, setLocalPrefs] = useState<AudioPrefs>(() => loadAudioPrefs(storage()));
  const corePrefs = state.prefs;
  const prefs = useMemo(() => (corePrefs ? fromPrefs(corePrefs) : localPrefs), [corePrefs, localPrefs]);
  const prefsRef = useRef(prefs);
  useEffect(() => {
    prefsRef.current = prefs;
  }, [prefs]);
  const [ringer] = useState(() => new Ringer());

  useEffect(() => {
    let cancelled = false;
    let phone: Phone | null = null;
    const sip = JSON.parse(sipKey) as AppState['softphone']['sip'];
    void createPhone(sip, api.invoke.bind(api), prefsRef.current.devices).then((c) => {
      if (cancelled) {
        c.phone.dispose();
        return;
      }
      phone = c.phone;
      setCreated(c);
      void c.phone.register();
    });
    return () => {
      cancelled = true;
      if (phone) {
        void phone.unregister();
        phone.dispose();
      }
      setCreated(null);
    };
  }, [sipKey, api]); // only a new SIP configuration (or API) makes a new phone

  const phone = created?.phone ?? null;
  useEffect(() => {
    phone?.syncSessions(state.sessions);
  }, [phone, state.sessions]);

  const subscribe = useMemo(() => (phone ? (cb: () => void) => phone.onStateChange(cb) : noop), [phone]);
  const snapshot = useSyncExternalStore(subscribe, () => phone?.getSnapshot() ?? null);

  // The phone follows the device choice, wherever it is kept.
  const devicesKey = JSON.stringify(prefs.devices);
  useEffect(() => {
    if (phone) void phone.setDevices(JSON.parse(devicesKey) as AudioPrefs['devices']);
  }, [phone, devicesKey]);

  const offers = ringingOffers(state).length;
  useEffect(() => {
    if (offers > 0) void ringer.start(prefs.ringtone, prefs.ringVolume, prefs.devices.ringerId);
    else ringer.stop();
  }, [offers, prefs, ringer]);
  useEffect(() => () => ringer.stop(), [ringer]);

  const value = useMemo<PhoneContextValue>(
    () => ({
      phone,
      snapshot,
      fallbackReason: created?.fallbackReason ?? null,
      prefs,
      ringer,
      setPrefs(p) {
        if (corePrefs) {
          void api.invoke('prefs:set', toPrefsPatch(p)).then(
            (r) => {
              if (!r.ok) report('audio.saveFailed', r.error);
            },
            (e: unknown) => report('audio.saveFailed', { code: 'unavailable', message: e instanceof Error ? e.message : String(e) }),
          );
        }
        else {
          setLocalPrefs(p);
          saveAudioPrefs(storage(), p);
        }
      },
    }),
    [phone, snapshot, created, prefs, ringer, corePrefs, api, report],
  );
  return <PhoneContext.Provider value={value}>{children}</PhoneContext.Provider>;
}

export function usePhone(): PhoneContextValue {
  const v = useContext(PhoneContext);
  if (!v) throw new Error('PhoneProvider missing');
  return v;
}
