// The webPreferences of our window and of the Kustomer view (Electron security checklist), and the
// constructor options window.ts and kustomer-view.ts pass to Electron, in one pure module so the
// security tests hold exactly those objects to the checklist without Electron.
import type { BrowserWindowConstructorOptions, WebContentsViewConstructorOptions, WebPreferences } from 'electron';

const LOCKED: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  webviewTag: false,
  safeDialogs: true,
};

export const KUSTOMER_PARTITION = 'persist:kustomer';

/** Our page: the app bridge preload only. */
export function appWebPreferences(preload: string): WebPreferences {
  return { ...LOCKED, preload, spellcheck: true };
}

/** The Kustomer page: its own persistent partition, the Kustomer preload only. */
export function kustomerWebPreferences(preload: string): WebPreferences {
  return { ...LOCKED, preload, partition: KUSTOMER_PARTITION, spellcheck: true };
}

/** Exactly what createMainWindow passes to `new BrowserWindow`. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return { width: 1400, height: 900, minWidth: 960, minHeight: 600, show: false, title: 'AgentDesk', webPreferences: appWebPreferences(preload) };
}

/** Exactly what KustomerView passes to `new WebContentsView`. */
export function kustomerViewOptions(preload: string): WebContentsViewConstructorOptions {
  return { webPreferences: kustomerWebPreferences(preload) };
}
