// The browser host's wire protocol (main/browser-host <-> renderer/bridge): the IPC contract over
// one WebSocket on 127.0.0.1. JSON text messages only.
import type { AppState } from './app-state.js';
import type { IpcResult } from './contract.js';
import type { KustomerApply } from './kustomer-page.js';

/** The socket's path; the per-launch token goes in the `token` query parameter. */
export const BROWSER_HOST_WS_PATH = '/__agentdesk/ws';

/** Renderer -> host: one contract call. */
export interface HostRequest {
  id: string | number;
  channel: string;
  request: unknown;
}

/** Host -> renderer: a reply (id null when the request was not even readable), or a push. */
export type HostMessage =
  | { id: string | number | null; result: IpcResult<unknown> }
  | { type: 'state'; state: AppState }
  | { type: 'kustomer-apply'; apply: KustomerApply };
