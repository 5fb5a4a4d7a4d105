// The Electron IPC wrapper with plain fakes of ipcMain and the events' webContents/frames (Electron
// cannot run here): only our window's top frame on app://agentdesk reaches a handler, only with a
// request that parses; only the Kustomer view's top frame on the Kustomer origin may send page
// messages, and only messages of the page schema.
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, KUSTOMER_TO_MAIN } from '../../../common/ipc/index.js';
import { createTypedIpc, type IpcMainLike, type IpcTrust } from '../../../main/electron/ipc-wrapper.js';
import { isAppUrl, isOnOrigin } from '../../../main/electron/origins.js';
import { memoryLog } from './memory-log.js';
import { FakeIpcMain, topFrame } from '../../support/fake-ipc-main.js';

const APP_WC = 7;
const KUSTOMER_WC = 9;
const KUSTOMER_ORIGIN = 'https://acme.kustomerapp.com';
const trust: IpcTrust = {
  appWebContentsId: () => APP_WC,
  isAppUrl,
  kustomerWebContentsId: () => KUSTOMER_WC,
  isKustomerUrl: (u) => isOnOrigin(u, KUSTOMER_ORIGIN),
};

const top = topFrame;
const APP = top(APP_WC, 'app://agentdesk/index.html');

function setup() {
  const ipcMain = new FakeIpcMain();
  const log = memoryLog();
  const calls: { channel: string; request: unknown; sender: unknown }[] = [];
  const page: { msg: unknown; viewId: string }[] = [];
  const ipc = createTypedIpc(ipcMain as unknown as IpcMainLike, trust, log);
  ipc.handleContract({
    handle: async (channel, request, sender) => {
      calls.push({ channel, request, sender });
      return { ok: true, value: {} };
    },
  });
  ipc.onKustomerMessage((msg, viewId) => page.push({ msg, viewId }));
  return { ipcMain, log, calls, page, ipc };
}

describe('Electron IPC wrapper: contract channels', () => {
  it('registers exactly the contract channels, once', () => {
    const { ipcMain, ipc } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(() => ipc.handle('status:set', async () => ({ ok: true, value: {} }))).toThrow(/already/);
  });

  it('our window\'s top frame with a valid request reaches the handler, tagged as the electron host', async () => {
    const { ipcMain, calls } = setup();
    expect(await ipcMain.invoke('status:set', APP, { statusId: 'lunch' })).toEqual({ ok: true, value: {} });
    expect(calls).toEqual([{ channel: 'status:set', request: { statusId: 'lunch' }, sender: { host: 'electron', id: String(APP_WC) } }]);
  });

  it.each([
    ['another webContents', top(3, 'app://agentdesk/index.html')],
    ['the Kustomer view', top(KUSTOMER_WC, `${KUSTOMER_ORIGIN}/app`)],
    ['a subframe of our window', { sender: { id: APP_WC }, senderFrame: { url: 'app://agentdesk/index.html', parent: {} } }],
    ['our window showing another page', top(APP_WC, 'https://evil.example/')],
    ['our window on a file: URL', top(APP_WC, 'file:///tmp/index.html')],
    ['a look-alike app URL', top(APP_WC, 'app://agentdesk.evil/index.html')],
    ['an app URL with credentials', top(APP_WC, 'app://user:pw@agentdesk/index.html')],
    ['a destroyed frame', { sender: { id: APP_WC }, senderFrame: null }],
  ])('refuses %s before the handler runs', async (_what, event) => {
    const { ipcMain, calls, log } = setup();
    expect(await ipcMain.invoke('status:set', event, { statusId: 'lunch' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
    expect(log.lines.some((l) => l.event === 'ipc.untrusted_sender')).toBe(true);
  });

  it('refuses a request that breaks the schema, or the wrong number of arguments, before the handler runs', async () => {
    const { ipcMain, calls } = setup();
    expect(await ipcMain.invoke('status:set', APP, { statusId: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ipcMain.invoke('call:dial', APP, { number: '<script>' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ipcMain.invoke('app:getState', APP, {}, 'extra')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ipcMain.invoke('app:getState', APP)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(calls).toEqual([]);
  });

  it('refuses while the window does not exist', async () => {
    const ipcMain = new FakeIpcMain();
    const ipc = createTypedIpc(ipcMain as unknown as IpcMainLike, { ...trust, appWebContentsId: () => null }, memoryLog());
    ipc.handleContract({ handle: async () => ({ ok: true, value: {} }) });
    expect(await ipcMain.invoke('app:getState', APP, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('dispose removes every handler and listener', () => {
    const { ipcMain, ipc } = setup();
    ipc.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listeners.get(KUSTOMER_TO_MAIN)).toEqual([]);
  });
});

describe('Electron IPC wrapper: the Kustomer view channel', () => {
  const msg = { type: 'status', instanceId: 'p1', name: 'Lunch', origin: 'change', at: 1 };

  it('accepts page messages from the Kustomer view\'s top frame on the Kustomer origin', () => {
    const { ipcMain, page } = setup();
    ipcMain.send(KUSTOMER_TO_MAIN, top(KUSTOMER_WC, `${KUSTOMER_ORIGIN}/app/conversations/1`), msg);
    expect(page).toEqual([{ msg, viewId: `electron:${KUSTOMER_WC}` }]);
  });

  it.each([
    ['our own window', APP],
    ['the view after it navigated elsewhere', top(KUSTOMER_WC, 'https://evil.example/')],
    ['an iframe inside the Kustomer page', { sender: { id: KUSTOMER_WC }, senderFrame: { url: `${KUSTOMER_ORIGIN}/x`, parent: {} } }],
    ['another webContents', top(2, `${KUSTOMER_ORIGIN}/app`)],
  ])('drops messages from %s', (_what, event) => {
    const { ipcMain, page, log } = setup();
    ipcMain.send(KUSTOMER_TO_MAIN, event, msg);
    expect(page).toEqual([]);
    expect(log.lines.some((l) => l.event === 'ipc.untrusted_kustomer_sender')).toBe(true);
  });

  it('drops messages outside the page schema (SEC-1: the page may send only status messages)', () => {
    const { ipcMain, page } = setup();
    const view = top(KUSTOMER_WC, `${KUSTOMER_ORIGIN}/app`);
    ipcMain.send(KUSTOMER_TO_MAIN, view, { type: 'invoke', channel: 'secrets:set' });
    ipcMain.send(KUSTOMER_TO_MAIN, view, { ...msg, statusId: 'available' });
    ipcMain.send(KUSTOMER_TO_MAIN, view, msg, 'extra');
    expect(page).toEqual([]);
  });

  it('the Kustomer view cannot use the app\'s contract channels', async () => {
    const { ipcMain, calls } = setup();
    expect(await ipcMain.invoke('secrets:set', top(KUSTOMER_WC, `${KUSTOMER_ORIGIN}/app`), { name: 'crm.apiKey', value: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });
});
