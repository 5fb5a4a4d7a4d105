// The one window: our page in a locked-down BrowserWindow (context isolation, sandbox, no Node,
// web security on), with every navigation and window.open denied. Links the agent means to open
// (https only, checked) go to the OS browser.
import { BrowserWindow, shell, type WebContents } from 'electron';
import type { Log } from '../app/ports.js';
import { APP_ENTRY, isAppUrl, safeExternalUrl } from './origins.js';
import { appWebPreferences } from './web-preferences.js';

export function openExternalIfSafe(url: string, log: Log): void {
  if (safeExternalUrl(url)) void shell.openExternal(url).catch((e: unknown) => log.warn('window.open_external_failed', { error: String(e) }));
  else log.warn('window.external_refused', { url: url.slice(0, 200) });
}

/** No navigation away from our page, no new windows, no <webview>. */
export function lockNavigation(contents: WebContents, log: Log): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url) && isAppUrl(contents.getURL())) return; // a reload of our own page
    event.preventDefault();
    openExternalIfSafe(event.url, log);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url, log);
    return { action: 'deny' };
  });
}

export function createMainWindow(preload: string, log: Log): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'AgentDesk',
    webPreferences: appWebPreferences(preload),
  });
  lockNavigation(win.webContents, log);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
