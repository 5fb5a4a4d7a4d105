// A plain fake of Electron's ipcMain (Electron cannot run here) and of the events it hands to
// handlers: `invoke` and `send` deliver like Electron does, so the real IPC wrapper's sender and
// schema checks run unchanged under Node.
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { IpcResult } from '../../common/ipc/index.js';
import type { IpcMainLike } from '../../main/electron/ipc-wrapper.js';

export interface FakeIpcEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}
type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type OnListener = (event: IpcMainEvent, ...args: unknown[]) => void;

/** ipcMain: `invoke` and `send` deliver like Electron does (no handler: Electron rejects / drops). */
export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  readonly listeners = new Map<string, OnListener[]>();
  handle(channel: string, fn: InvokeListener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  on(channel: string, fn: OnListener) {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), fn]);
    return this;
  }
  removeListener(channel: string, fn: OnListener) {
    this.listeners.set(channel, (this.listeners.get(channel) ?? []).filter((f) => f !== fn));
    return this;
  }
  async invoke(channel: string, event: FakeIpcEvent, ...args: unknown[]): Promise<IpcResult<unknown>> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return (await h(event as unknown as IpcMainInvokeEvent, ...args)) as IpcResult<unknown>;
  }
  /** Returns how many listeners got the message (0: Electron drops it). */
  send(channel: string, event: FakeIpcEvent, ...args: unknown[]): number {
    const ls = this.listeners.get(channel) ?? [];
    for (const l of ls) l(event as unknown as IpcMainEvent, ...args);
    return ls.length;
  }
  asIpcMain(): IpcMainLike {
    return this as unknown as IpcMainLike;
  }
}

export const topFrame = (id: number, url: string): FakeIpcEvent => ({ sender: { id }, senderFrame: { url, parent: null } });
export const subFrame = (id: number, url: string): FakeIpcEvent => ({ sender: { id }, senderFrame: { url, parent: { url: 'x' } } });
