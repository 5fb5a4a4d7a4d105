// Preload of AgentDesk's own window (contextIsolation, sandbox): exposes `window.agentdesk`, the
// AgentDeskApi of common/ipc/contract.ts, and nothing else. `invoke` only reaches the contract's
// channels (allowlist); main checks the sender and the schema again. The renderer never gets
// ipcRenderer, events or Electron objects: only plain data crosses the bridge.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, STATE_CHANNEL } from '../common/ipc/channel-names.js';
import type { AgentDeskApi, IpcResult } from '../common/ipc/contract.js';
import type { AppState } from '../common/ipc/app-state.js';

// The zod-free list of contract channels (common/ipc/channel-names.ts keeps it equal to the contract).
const ALLOWED: ReadonlySet<string> = new Set(CHANNEL_NAMES);

const api: AgentDeskApi = {
  host: 'electron',
  async invoke(channel, request) {
    if (typeof channel !== 'string' || !ALLOWED.has(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `"${String(channel).slice(0, 100)}" is not an AgentDesk channel` } };
    }
    try {
      return (await ipcRenderer.invoke(channel, request)) as IpcResult<never>;
    } catch (e) {
      return { ok: false, error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) } };
    }
  },
  onState(listener) {
    const handler = (_event: IpcRendererEvent, state: AppState) => listener(state);
    ipcRenderer.on(STATE_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(STATE_CHANNEL, handler);
    };
  },
  // Electron: the Kustomer page is a view owned by main, which applies statuses itself.
  onKustomerApply() {
    return () => {};
  },
};

contextBridge.exposeInMainWorld('agentdesk', api);
