// React access to the API, the store and the UI language.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { AgentDeskApi } from '../../../common/ipc/contract.js';
import type { AppState } from '../../../common/ipc/app-state.js';
import type { AppStore } from '../store/app-store.js';
import { translator, type Translate } from '../i18n/translate.js';
import type { UiLocale } from '../i18n/format.js';

export interface Services {
  api: AgentDeskApi;
  store: AppStore;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext missing');
  return s;
}

export function useApi(): AgentDeskApi {
  return useServices().api;
}

/** The whole AppState; only used below the point where the first state arrived. */
export function useAppState(): AppState {
  const { store } = useServices();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  if (!state) throw new Error('AppState not loaded');
  return state;
}

export function useSelector<T>(select: (s: AppState) => T): T {
  const state = useAppState();
  return useMemo(() => select(state), [state, select]);
}

export function useLocale(): UiLocale {
  return useAppState().locale;
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

/** A ticking clock for timers (time in status, call timer); one interval per user. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Stable callback that always sees the latest closure. */
export function useEvent<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const [ref] = useState(() => ({ current: fn }));
  useEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), [ref]);
}
