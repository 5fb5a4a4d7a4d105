// SEC-1: "the webview (remote page) can send only the status messages it is allowed to". The Kustomer
// view talks to main on exactly one channel each way (KUSTOMER_TO_MAIN / MAIN_TO_KUSTOMER). Proven
// on both ends: the shipped preload bundle, run in a Kustomer page against a fake `electron`, uses
// nothing else; and main's typed IPC wrapper (the real ipcTrust main.ts builds) listens on nothing
// else, takes page messages only from the view's top frame on the Kustomer origin, parses each with
// the page schema, and refuses every contract channel to the view.
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, kustomerPageMessageSchema, KUSTOMER_TO_MAIN, MAIN_TO_KUSTOMER, type KustomerPageMessage } from '../../common/ipc/index.js';
import { createTypedIpc, ipcTrust } from '../../main/electron/ipc-wrapper.js';
import { memoryLog } from '../unit/app/memory-log.js';
import { FakeIpcMain, subFrame, topFrame, type FakeIpcEvent } from './support/fakes.js';
import { runKustomerPreload } from './support/preloads.js';
import { PAGE_MESSAGES, VALID_REQUESTS } from './support/samples.js';

const KUSTOMER = 'https://acme.kustomerapp.com';
const APP_WC = 7;
const KUSTOMER_WC = 9;
const VIEW = topFrame(KUSTOMER_WC, `${KUSTOMER}/app/conversations/1`);

function wrapper(kustomerOrigin: string | null = KUSTOMER) {
  const ipcMain = new FakeIpcMain();
  const log = memoryLog();
  const core: string[] = [];
  const page: { msg: KustomerPageMessage; viewId: string }[] = [];
  const ipc = createTypedIpc(ipcMain.asIpcMain(), ipcTrust({ appWebContentsId: () => APP_WC, kustomerWebContentsId: () => KUSTOMER_WC, kustomerOrigin: () => kustomerOrigin }), log);
  ipc.handleContract({ handle: async (channel) => (core.push(channel), { ok: true, value: {} }) });
  ipc.onKustomerMessage((msg, viewId) => page.push({ msg, viewId }));
  return { ipcMain, log, core, page };
}

describe('SEC-1 the Kustomer view: one status channel', () => {
  it('the shipped preload sends only on its one channel, listens only on its one channel, never invokes, and every message fits the page schema', async () => {
    const k = await runKustomerPreload();
    await k.settle();
    expect(k.use.sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(k.use.sent.map(([c]) => c))).toEqual(new Set([KUSTOMER_TO_MAIN]));
    expect(k.use.listening).toEqual([MAIN_TO_KUSTOMER]);
    expect(k.use.invoked).toEqual([]);
    expect(k.use.other).toEqual([]);
    const messages = k.use.sent.map(([, args]) => {
      expect(args).toHaveLength(1);
      return kustomerPageMessageSchema.parse(args[0]);
    });
    expect(messages.map((m) => m.type)).toEqual(['page', 'status']);
    expect(messages[0]).toMatchObject({ type: 'page', userEmail: 'agent1@acme.test' });
    expect(messages[1]).toMatchObject({ type: 'status', name: 'Available', origin: 'page-load' });

    // A tel: link click becomes a `dial` message on the same channel, nothing else.
    const link = k.dom.window.document.getElementById('tel');
    link?.dispatchEvent(new k.dom.window.MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    await k.settle();
    const last = k.use.sent.at(-1);
    expect(last?.[0]).toBe(KUSTOMER_TO_MAIN);
    expect(last?.[1][0]).toMatchObject({ type: 'dial', number: '+821012345678' });

    // Malformed apply requests from main are ignored: nothing is sent, nothing thrown.
    const before = k.use.sent.length;
    for (const bad of [null, 'apply', { type: 'apply' }, { type: 'apply', commandId: '', name: 'x' }, { type: 'apply', commandId: 'c', name: 'x', extra: 1 }, JSON.parse('{"__proto__": {"type": "apply"}}')]) k.use.deliver(MAIN_TO_KUSTOMER, bad);
    await k.settle();
    expect(k.use.sent.length).toBe(before);
    expect(k.console.filter((l) => /ignored a malformed apply request/.test(l))).toHaveLength(6);
    expect(k.newGlobals()).toEqual([]);
  });

  it('main listens to the view on exactly one channel; anything the view sends elsewhere has no listener and is dropped', () => {
    const { ipcMain, page } = wrapper();
    expect([...ipcMain.listeners.keys()]).toEqual([KUSTOMER_TO_MAIN]);
    for (const channel of ['kustomer:apply', 'state', 'secrets:set', 'kustomer:pageMessage', 'ELECTRON_BROWSER_REQUIRE', '__proto__']) expect(ipcMain.send(channel, VIEW, PAGE_MESSAGES[1]), channel).toBe(0);
    expect(page).toEqual([]);
  });

  it('every contract channel refuses the Kustomer view, with a valid request, before the core sees it', async () => {
    const { ipcMain, core } = wrapper();
    for (const channel of IPC_CHANNELS) {
      for (const event of [VIEW, subFrame(KUSTOMER_WC, `${KUSTOMER}/x`), topFrame(KUSTOMER_WC, 'app://agentdesk/index.html')]) {
        expect(await ipcMain.invoke(channel, event, VALID_REQUESTS[channel]), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(core).toEqual([]);
  });

  it('page messages are taken from the view\'s top frame on the Kustomer origin only', () => {
    const senders: [string, FakeIpcEvent][] = [
      ['our window', topFrame(APP_WC, 'app://agentdesk/index.html')],
      ['another webContents on the origin', topFrame(3, `${KUSTOMER}/app`)],
      ['an iframe in the Kustomer page', subFrame(KUSTOMER_WC, `${KUSTOMER}/embed`)],
      ['the view after navigating away', topFrame(KUSTOMER_WC, 'https://evil.example/')],
      ['a look-alike origin', topFrame(KUSTOMER_WC, 'https://acme.kustomerapp.com.evil.example/')],
      ['the origin over http', topFrame(KUSTOMER_WC, 'http://acme.kustomerapp.com/app')],
      ['a destroyed frame', { sender: { id: KUSTOMER_WC }, senderFrame: null }],
    ];
    const { ipcMain, page, log } = wrapper();
    for (const [, event] of senders) for (const m of PAGE_MESSAGES) ipcMain.send(KUSTOMER_TO_MAIN, event, m);
    expect(page).toEqual([]);
    expect(log.lines.filter((l) => l.event === 'ipc.untrusted_kustomer_sender')).toHaveLength(senders.length * PAGE_MESSAGES.length);
    // Before the view's origin is known, nothing is accepted at all.
    const early = wrapper(null);
    for (const m of PAGE_MESSAGES) early.ipcMain.send(KUSTOMER_TO_MAIN, VIEW, m);
    expect(early.page).toEqual([]);
    // The view itself: each message type gets through, tagged with the view's id.
    for (const m of PAGE_MESSAGES) ipcMain.send(KUSTOMER_TO_MAIN, VIEW, m);
    expect(page).toEqual(PAGE_MESSAGES.map((msg) => ({ msg, viewId: `electron:${KUSTOMER_WC}` })));
  });

  it('every page message is schema-checked: anything else from the view is dropped and logged', () => {
    const { ipcMain, page, log } = wrapper();
    const bad: unknown[][] = [
      [],
      [null],
      ['status'],
      [{ type: 'invoke', channel: 'secrets:set', request: { name: 'crm.apiKey', value: 'x' } }],
      [{ type: 'status', instanceId: 'p1', name: 'Lunch', origin: 'change', at: 1, statusId: 'available' }],
      [{ type: 'status', instanceId: 'p1', name: '', origin: 'change', at: 1 }],
      [{ type: 'status', instanceId: 'p1', name: 'x'.repeat(201), origin: 'change', at: 1 }],
      [{ type: 'page', instanceId: 'p1', userEmail: 'a@b.c', userId: 'u', __proto__: { admin: true }, role: 'admin' }],
      [JSON.parse('{"type":"applied","instanceId":"p1","commandId":"c1","__proto__":{"polluted":true}}')],
      [{ type: 'dial', instanceId: 'p1', number: '1'.repeat(41) }],
      [PAGE_MESSAGES[1], 'extra'],
      [new Map([['type', 'status']])],
    ];
    for (const args of bad) ipcMain.send(KUSTOMER_TO_MAIN, VIEW, ...args);
    expect(page).toEqual([]);
    expect(log.lines.filter((l) => l.event === 'ipc.kustomer_message_rejected')).toHaveLength(bad.length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
