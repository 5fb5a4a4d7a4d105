// The one window: our page in a locked-down BrowserWindow (context isolation, sandbox, no Node,
// web security on), with every navigation and window.open denied (navigation.ts). Links the agent
// means to open (https only, checked) go to the OS browser.
import { BrowserWindow, shell } from 'electron';
import type { Log } from '../app/ports.js';
import { lockAppNavigation } from './navigation.js';
import { APP_ENTRY } from './origins.js';
import { mainWindowOptions } from './web-preferences.js';

export function createMainWindow(preload: string, log: Log): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preload));
  lockAppNavigation(win.webContents, shell, log);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
