// The browser host: the WebSocket admits only this launch's token and the host's own Origin, every
// request is checked (envelope by the host, request by the core), state is pushed on connect and on
// change, Kustomer page messages relay to the core and apply requests reach the page, and the
// renderer is served with the security headers.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appStateSchema, type AppState } from '../../../common/ipc/index.js';
import { browserKustomerPort, startBrowserHost, WS_PATH, type BrowserHost } from '../../../main/browser-host/host-server.js';
import { CLOSE, OP } from '../../../main/browser-host/websocket.js';
import { CoreRig, KUSTOMER_APP_URL } from './core-rig.js';
import { TestWs, upgrade } from './ws-client.js';

let rig: CoreRig;
let host: BrowserHost;
let wsUrl: string;
const port = browserKustomerPort();
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-renderer-'));
const open: TestWs[] = [];

const isState = (m: unknown): m is { type: 'state'; state: AppState } => (m as { type?: unknown }).type === 'state';

async function connect(): Promise<TestWs> {
  const ws = await TestWs.open(wsUrl, host.origin);
  open.push(ws);
  return ws;
}

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>');
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log("app")');
  rig = await CoreRig.start({
    settings: { statusSync: { enabled: true, direction: 'two-way', mapping: { Available: 'available', Lunch: 'lunch' }, reverse: { lunch: 'Lunch' } } },
    kustomerPage: port,
  });
  await rig.ready();
  host = await startBrowserHost({ core: rig.core, kustomerPort: port, rendererDir, log: rig.log, kustomer: { upstream: KUSTOMER_APP_URL, injectedScript: async () => 'void 0;' } });
  wsUrl = `ws://127.0.0.1:${new URL(host.origin).port}${WS_PATH}?token=${encodeURIComponent(host.token)}`;
});

afterAll(async () => {
  for (const w of open) w.close();
  await host.close();
  await rig.close();
});

describe('browser host: who may connect', () => {
  it('the URL to open carries the token in its fragment only', () => {
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    ['no token', (u: string) => u.replace(/\?token=.*/, ''), (o: string) => o, 401],
    ['a wrong token', (u: string) => u.replace(/token=.*/, 'token=guess'), (o: string) => o, 401],
    ['a token one character short', (u: string) => u.slice(0, -1), (o: string) => o, 401],
    ['another origin', (u: string) => u, () => 'http://evil.example', 403],
    ['the Kustomer proxy origin', (u: string) => u, () => host.kustomerOrigin as string, 403],
    ['no origin', (u: string) => u, () => undefined, 403],
    ['another path', (u: string) => u.replace(WS_PATH, '/ws'), (o: string) => o, 404],
  ])('refuses %s', async (_what, url, origin, status) => {
    const r = await upgrade(url(wsUrl), { origin: origin(host.origin) });
    r.socket.destroy();
    expect(r.status).toBe(status);
  });

  it('refuses a foreign Host header (DNS rebinding), for the socket and for pages', async () => {
    const r = await upgrade(wsUrl, { origin: host.origin, host: 'attacker.example:80' });
    r.socket.destroy();
    expect(r.status).toBe(421);
    const status = await new Promise<number>((resolve, reject) => {
      http.get(`${host.origin}/`, { headers: { host: 'attacker.example' } }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('logs every refusal with its reason', () => {
    const why = rig.log.lines.filter((l) => l.event === 'browser_host.ws_refused').map((l) => l.fields?.why);
    expect(why).toEqual(expect.arrayContaining(['token', 'origin', 'path', 'host']));
  });
});

describe('browser host: the contract over the socket', () => {
  it('pushes the whole state on connect, with Kustomer URLs mapped onto the proxy', async () => {
    const ws = await connect();
    const first = await ws.next(isState);
    expect(ws.messages[0]).toBe(first);
    const state = appStateSchema.parse((first as { state: unknown }).state);
    expect(state.agent?.email).toBe('agent1@acme.test');
    expect(state.kustomer.appUrl).toBe(`${host.kustomerOrigin}/`);
  });

  it('answers {id, channel, request} with {id, result}; app:getState is mapped the same way', async () => {
    const ws = await connect();
    const r = await ws.invoke('app:getState', {});
    expect(r.ok).toBe(true);
    expect(appStateSchema.parse(r.value).kustomer.appUrl).toBe(`${host.kustomerOrigin}/`);
  });

  it('schema errors come back as bad_request values; the connection stays usable', async () => {
    const ws = await connect();
    expect(await ws.invoke('status:set', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ws.invoke('status:set', { statusId: 'lunch', extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ws.invoke('shell:exec', { cmd: 'rm -rf /' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    ws.sendText('{"id":"x1","channel":"app:getState"}');
    expect(await ws.next((m) => (m as { id?: unknown }).id === 'x1')).toMatchObject({ result: { ok: false, error: { code: 'bad_request' } } });
    ws.sendText('{"id":"x2","channel":"app:getState","request":{},"sender":"electron"}');
    expect(await ws.next((m) => (m as { id?: unknown }).id === 'x2')).toMatchObject({ result: { ok: false, error: { code: 'bad_request' } } });
    ws.sendText('not json');
    expect(await ws.next((m) => (m as { id?: unknown }).id === null)).toMatchObject({ result: { ok: false, error: { code: 'bad_request', message: 'not JSON' } } });
    expect(await ws.invoke('app:getState', {})).toMatchObject({ ok: true });
  });

  it('a change is pushed to every connection with a higher version', async () => {
    const a = await connect();
    const b = await connect();
    const v0 = ((await a.next(isState)) as { state: AppState }).state.version;
    await a.invoke('status:set', { statusId: 'meeting' });
    for (const ws of [a, b]) {
      const pushed = (await ws.next((m) => isState(m) && m.state.status.statusId === 'meeting')) as { state: AppState };
      expect(pushed.state.version).toBeGreaterThan(v0);
    }
  });

  it('Kustomer page messages relay to the core as this connection\'s page; closing the connection removes it', async () => {
    const ws = await connect();
    const before = rig.core.getState().kustomer.pageInstances;
    expect(await ws.invoke('kustomer:pageMessage', { type: 'page', instanceId: 'bh-1', userEmail: 'agent1@acme.test', userId: null })).toEqual({ ok: true, value: {} });
    await rig.until((s) => s.kustomer.pageInstances === before + 1, 'page added');
    expect(await ws.invoke('kustomer:pageMessage', { type: 'page', instanceId: 'bh-1', userEmail: 'agent1@acme.test', userId: null, admin: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    ws.close();
    await rig.until((s) => s.kustomer.pageInstances === before, 'page removed');
  });

  it('apply requests (two-way sync) are pushed as kustomer-apply, and the page\'s answer settles them', async () => {
    const ws = await connect();
    await ws.invoke('kustomer:pageMessage', { type: 'page', instanceId: 'bh-2', userEmail: 'agent1@acme.test', userId: null });
    await ws.invoke('kustomer:pageMessage', { type: 'status', instanceId: 'bh-2', name: 'Available', statusType: 'available', origin: 'page-load', at: Date.now() });
    await ws.invoke('status:set', { statusId: 'lunch' });
    const msg = (await ws.next((m) => (m as { type?: unknown }).type === 'kustomer-apply')) as { apply: { commandId: string; name: string } };
    expect(msg.apply).toMatchObject({ type: 'apply', name: 'Lunch' });
    await ws.invoke('kustomer:pageMessage', { type: 'applied', instanceId: 'bh-2', commandId: msg.apply.commandId });
    await rig.until((s) => s.audit.some((e) => e.rule === 'command-ack' && e.source === 'crm'), 'applied');
  });
});

describe('browser host: WebSocket protocol', () => {
  it('answers ping with pong', async () => {
    const ws = await connect();
    ws.sendRaw(OP.ping, Buffer.from('hi'));
    await expect.poll(() => ws.frames.some((f) => f.opcode === OP.pong && f.payload.toString() === 'hi')).toBe(true);
  });

  it('accepts a fragmented text message', async () => {
    const ws = await connect();
    const text = JSON.stringify({ id: 'frag', channel: 'app:getState', request: {} });
    ws.sendRaw(OP.text, Buffer.from(text.slice(0, 10)), { fin: false });
    ws.sendRaw(OP.continuation, Buffer.from(text.slice(10)));
    expect(await ws.next((m) => (m as { id?: unknown }).id === 'frag')).toMatchObject({ result: { ok: true } });
  });

  it.each([
    ['binary messages', (ws: TestWs) => ws.sendRaw(OP.binary, Buffer.from([1, 2, 3])), CLOSE.unsupported],
    ['unmasked frames', (ws: TestWs) => ws.sendRaw(OP.text, Buffer.from('{}'), { masked: false }), CLOSE.protocol],
    ['invalid UTF-8', (ws: TestWs) => ws.sendRaw(OP.text, Buffer.from([0xc3, 0x28])), CLOSE.invalidData],
    ['messages over 1 MB', (ws: TestWs) => ws.sendRaw(OP.text, Buffer.alloc(1024 * 1024 + 1, 0x20)), CLOSE.tooBig],
  ])('closes on %s with the RFC code', async (_what, act, code) => {
    const ws = await connect();
    act(ws);
    await ws.whenClosed();
    expect(ws.closeCode).toBe(code);
  });
});

describe('browser host: the page', () => {
  it('serves the renderer with a strict CSP and the other security headers', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain(`frame-src ${host.kustomerOrigin}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('./app.js');
    expect((await fetch(`${host.origin}/app.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/a%00.js']) {
      expect((await fetch(`${host.origin}${p}`)).status, p).toBe(404);
    }
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
