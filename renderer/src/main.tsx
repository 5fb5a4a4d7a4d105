// Entry: find the API (preload or browser bridge), start the store, render.
import { StrictMode, useSyncExternalStore, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { getAgentDeskApi } from './api/api.js';
import { createAppStore, type AppStore } from './store/app-store.js';
import { ServicesContext, type Services } from './app/context.js';
import { App } from './app/app.js';
import { SignInScreen } from './auth/sign-in-screen.js';
import { isSignedIn } from './store/selectors.js';
import { guessLocale, translate } from './i18n/translate.js';
import type { AgentDeskApi } from '../../common/ipc/contract.js';

const bootLocale = guessLocale(navigator.languages ?? [navigator.language]);

function Boot({ store }: { store: AppStore }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const status = useSyncExternalStore(store.subscribe, store.getStatus);
  // Signed out (or signing in): the sign-in screen; the desk mounts only for a signed-in agent,
  // so nothing of it (softphone registration, Kustomer view) runs without one.
  if (state) return isSignedIn(state) ? <App /> : <SignInScreen />;
  if (status.phase === 'failed') {
    return (
      <main className="boot boot--failed" role="alert">
        <h1>{translate(bootLocale, 'boot.failed')}</h1>
        <p>{status.message}</p>
      </main>
    );
  }
  return (
    <main className="boot" role="status">
      <p>{translate(bootLocale, 'boot.loading')}</p>
    </main>
  );
}

function render(content: ReactNode) {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(<StrictMode>{content}</StrictMode>);
}

getAgentDeskApi().then(
  (api: AgentDeskApi) => {
    const store = createAppStore(api);
    const services: Services = { api, store };
    render(
      <ServicesContext.Provider value={services}>
        <Boot store={store} />
      </ServicesContext.Provider>,
    );
    void store.start();
  },
  (e: unknown) => {
    render(
      <main className="boot boot--failed" role="alert">
        <h1>{translate(bootLocale, 'boot.failed')}</h1>
        <p>{e instanceof Error ? e.message : String(e)}</p>
      </main>,
    );
  },
);
