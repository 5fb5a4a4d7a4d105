// The typed IPC wrapper (GitHub Desktop style): `handle(channel, fn)` over ipcMain.handle for every
// contract channel, and one listener for the Kustomer view's channel. The trusted-sender check and
// the schema check run here, before any handler, so handlers never see an untrusted or malformed
// request. Takes ipcMain as a narrow interface: tested under Node with fakes (ipc.ts passes the real one).
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC_CHANNELS, ipcContract, kustomerPageMessageSchema, KUSTOMER_TO_MAIN, type IpcChannel, type IpcRequest, type IpcResult, type KustomerPageMessage } from '../../common/ipc/index.js';
import type { IpcSender, Log } from '../app/ports.js';
import { isAppUrl, isOnOrigin } from './origins.js';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>;

/** What the checks read of an event: which webContents sent it, and from which frame. */
export interface SenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcTrust {
  /** The main window's webContents id (null while there is none). */
  appWebContentsId(): number | null;
  /** Our own page: app://agentdesk/... */
  isAppUrl(url: string): boolean;
  /** The Kustomer view's webContents id (null while there is none). */
  kustomerWebContentsId(): number | null;
  /** A URL on the configured Kustomer origin. */
  isKustomerUrl(url: string): boolean;
}

/** The trust main.ts gives the wrapper: our page on app://agentdesk, the Kustomer view on its origin. */
export function ipcTrust(live: { appWebContentsId(): number | null; kustomerWebContentsId(): number | null; kustomerOrigin(): string | null }): IpcTrust {
  return {
    appWebContentsId: () => live.appWebContentsId(),
    isAppUrl,
    kustomerWebContentsId: () => live.kustomerWebContentsId(),
    isKustomerUrl: (url) => isOnOrigin(url, live.kustomerOrigin()),
  };
}

const forbidden = (channel: string): IpcResult<never> => ({ ok: false, error: { code: 'forbidden', message: `${channel}: sender not allowed` } });

/** The main window's top frame, showing our own page. */
export function isAppSender(e: SenderLike, trust: IpcTrust): boolean {
  const id = trust.appWebContentsId();
  return id !== null && e.sender.id === id && e.senderFrame !== null && e.senderFrame.parent === null && trust.isAppUrl(e.senderFrame.url);
}

/** The Kustomer view's top frame, on the Kustomer origin. */
export function isKustomerSender(e: SenderLike, trust: IpcTrust): boolean {
  const id = trust.kustomerWebContentsId();
  return id !== null && e.sender.id === id && e.senderFrame !== null && e.senderFrame.parent === null && trust.isKustomerUrl(e.senderFrame.url);
}

export type ContractHandler<C extends IpcChannel> = (request: IpcRequest<C>, sender: IpcSender) => Promise<IpcResult<unknown>> | IpcResult<unknown>;

export interface TypedIpc {
  handle<C extends IpcChannel>(channel: C, fn: ContractHandler<C>): void;
  /** Every contract channel to the core. */
  handleContract(core: { handle(channel: string, request: unknown, sender: IpcSender): Promise<IpcResult<unknown>> }): void;
  /** The Kustomer view's messages, sender- and schema-checked. */
  onKustomerMessage(fn: (msg: KustomerPageMessage, viewId: string) => void): void;
  dispose(): void;
}

export function createTypedIpc(ipcMain: IpcMainLike, trust: IpcTrust, log: Log): TypedIpc {
  const channels = new Set<string>();
  const listeners: [string, (e: IpcMainEvent, ...a: unknown[]) => void][] = [];

  const api: TypedIpc = {
    handle(channel, fn) {
      if (channels.has(channel)) throw new Error(`${channel} already has a handler`);
      channels.add(channel);
      const schema = ipcContract[channel].request;
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
        if (!isAppSender(event, trust)) {
          log.warn('ipc.untrusted_sender', { channel, senderId: event.sender.id, url: event.senderFrame?.url ?? null });
          return forbidden(channel);
        }
        if (args.length !== 1) return { ok: false, error: { code: 'bad_request', message: `${channel}: takes exactly one request object` } };
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) return { ok: false, error: { code: 'bad_request', message: `${channel}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}` } };
        return fn(parsed.data as IpcRequest<typeof channel>, { host: 'electron', id: String(event.sender.id) });
      });
    },
    handleContract(core) {
      for (const channel of IPC_CHANNELS) api.handle(channel, (request, sender) => core.handle(channel, request, sender));
    },
    onKustomerMessage(fn) {
      const listener = (event: IpcMainEvent, ...args: unknown[]) => {
        if (!isKustomerSender(event, trust)) {
          log.warn('ipc.untrusted_kustomer_sender', { senderId: event.sender.id, url: event.senderFrame?.url ?? null });
          return;
        }
        const parsed = args.length === 1 ? kustomerPageMessageSchema.safeParse(args[0]) : null;
        if (!parsed?.success) {
          log.warn('ipc.kustomer_message_rejected', { error: parsed ? z.prettifyError(parsed.error) : 'takes exactly one message' });
          return;
        }
        fn(parsed.data, `electron:${event.sender.id}`);
      };
      ipcMain.on(KUSTOMER_TO_MAIN, listener);
      listeners.push([KUSTOMER_TO_MAIN, listener]);
    },
    dispose() {
      for (const c of channels) ipcMain.removeHandler(c);
      channels.clear();
      for (const [c, l] of listeners.splice(0)) ipcMain.removeListener(c, l);
    },
  };
  return api;
}
