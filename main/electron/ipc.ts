// The one place the real ipcMain is used (lint forbids it elsewhere): the typed wrapper over it.
import { ipcMain } from 'electron';
import type { Log } from '../app/ports.js';
import { createTypedIpc, type IpcTrust, type TypedIpc } from './ipc-wrapper.js';

export function createIpc(trust: IpcTrust, log: Log): TypedIpc {
  return createTypedIpc(ipcMain, trust, log);
}
