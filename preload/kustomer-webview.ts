// Electron preload of the Kustomer webview (contextIsolation on, sandboxed). It runs the bridge
// in the preload's isolated world and uses one IPC channel each way; nothing is exposed through
// contextBridge, so the Kustomer page sees no API at all. Main checks the sender and parses every
// message again (SEC-1).
import { ipcRenderer } from 'electron';
import { KUSTOMER_TO_MAIN, MAIN_TO_KUSTOMER } from '../common/ipc/kustomer-page.js';
import { startKustomerBridge } from './kustomer/index.js';

startKustomerBridge({
  send: (msg) => ipcRenderer.send(KUSTOMER_TO_MAIN, msg),
  onApply: (handler) => {
    ipcRenderer.on(MAIN_TO_KUSTOMER, (_event, raw: unknown) => handler(raw));
  },
});
