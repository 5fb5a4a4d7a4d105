// The webPreferences of our window and of the Kustomer view (Electron security checklist), in one
// pure module so a unit test can hold them to the checklist without Electron.
import type { WebPreferences } from 'electron';

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
