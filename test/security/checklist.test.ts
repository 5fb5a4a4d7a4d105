// SEC-1: one test per item of Electron's security checklist
// (https://www.electronjs.org/docs/latest/tutorial/security), each inspecting what the Electron layer
// actually creates or installs: the exact constructor options it passes to BrowserWindow and
// WebContentsView, the navigation / redirect / window-open / <webview> handlers it installs on a
// webContents, the session permission handlers, the app:// handler's replies and CSP, the typed IPC
// wrapper over every contract channel, the preload bundles as shipped, and the packaging fuses.
// Electron cannot run here: the layer hands Electron objects to these seams as narrow interfaces,
// and the tests pass plain fakes of those interfaces (test/security/support/fakes.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, IPC_CHANNELS, ipcContract, KUSTOMER_TO_MAIN, type IpcChannel } from '../../common/ipc/index.js';
import { APP_SCHEME_PRIVILEGES, appSchemeHandler } from '../../main/electron/app-scheme.js';
import { createTypedIpc, ipcTrust } from '../../main/electron/ipc-wrapper.js';
import { denyWebviews, lockAppNavigation, lockKustomerNavigation } from '../../main/electron/navigation.js';
import { APP_ENTRY, APP_HOST, APP_SCHEME, isAppUrl, kustomerViewOrigin, safeExternalUrl } from '../../main/electron/origins.js';
import { lockAppSession, lockKustomerSession } from '../../main/electron/permissions.js';
import { KUSTOMER_PARTITION, kustomerViewOptions, mainWindowOptions } from '../../main/electron/web-preferences.js';
import { numberFromLink } from '../../main/app/tel-links.js';
import { installedElectronVersion } from '../../scripts/electronegativity-gate.js';
import { memoryLog } from '../unit/app/memory-log.js';
import { FakeContents, FakeIpcMain, FakeSession, FakeShell, subFrame, topFrame } from './support/fakes.js';
import { runAppBridge, runKustomerPreload } from './support/preloads.js';
import { VALID_REQUESTS } from './support/samples.js';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
/** Source without comments (the docs may name what the code must not do). */
const code = (f: string) => read(f).replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$|<!--[\s\S]*?-->/gm, '$1');
const sourcesOf = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|html)$/.test(f))
    .map((f) => path.join(dir, f));

const APP_URL = APP_ENTRY;
const KUSTOMER = 'https://acme.kustomerapp.com';
const APP_WC = 7;
const KUSTOMER_WC = 9;

/** Exactly what window.ts and kustomer-view.ts pass to Electron. */
const windowOptions = mainWindowOptions('/dist/preload/app-bridge.js');
const viewOptions = kustomerViewOptions('/dist/preload/kustomer-webview.js');
const BOTH = [
  ['our window', windowOptions.webPreferences ?? {}],
  ['the Kustomer view', viewOptions.webPreferences ?? {}],
] as const;

function appContents() {
  const wc = new FakeContents(APP_URL);
  const shell = new FakeShell();
  const log = memoryLog();
  lockAppNavigation(wc.asGuarded(), shell.asShell(), log);
  return { wc, shell, log };
}

function kustomerContents() {
  const wc = new FakeContents(`${KUSTOMER}/app`);
  const shell = new FakeShell();
  const log = memoryLog();
  lockKustomerNavigation(wc.asGuarded(), KUSTOMER, shell.asShell(), log);
  return { wc, shell, log };
}

/** Every permission name Electron 45's types know (setPermissionRequestHandler's union). */
function electronPermissions(): string[] {
  const dts = fs.readFileSync(require.resolve('electron/electron.d.ts'), 'utf8');
  const line = /setPermissionRequestHandler\(handler: \(\(webContents: WebContents, permission: ([^,]+(?:\|[^,]+)*), callback/.exec(dts)?.[1] ?? '';
  return [...line.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
}

let rendererDir = '';
beforeAll(() => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentdesk-renderer-'));
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets/index.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'agentdesk-secret.txt'), 'outside');
});
afterAll(() => {
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(rendererDir), 'agentdesk-secret.txt'), { force: true });
});

describe('SEC-1 Electron security checklist', () => {
  it('SEC-1 checklist 1: Only load secure content (our page on app://, the Kustomer view on https only)', async () => {
    expect(APP_URL).toBe(`${APP_SCHEME}://${APP_HOST}/index.html`);
    expect(APP_SCHEME_PRIVILEGES).toEqual([{ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    // The Kustomer view's origin comes from configuration or the contact center's settings.
    expect(kustomerViewOrigin('https://acme.kustomerapp.com/app/conversations')).toBe(KUSTOMER);
    expect(kustomerViewOrigin('http://127.0.0.1:4010/app')).toBe('http://127.0.0.1:4010'); // the emulators, development only
    expect(kustomerViewOrigin('http://localhost:4010/app')).toBe('http://localhost:4010');
    for (const bad of ['http://acme.kustomerapp.com/app', 'http://10.0.0.5/app', 'ftp://acme.kustomerapp.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@acme.kustomerapp.com/', 'not a url', '', null]) {
      expect(kustomerViewOrigin(bad), String(bad)).toBeNull();
    }
    // Everything our page loads comes from our own origin (CSP); nothing over plain http.
    const res = await appSchemeHandler(rendererDir, () => null)(new Request(APP_URL));
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of ['script-src', 'style-src', 'img-src', 'font-src', 'media-src', 'worker-src']) expect(directive(csp, d).some((s) => s.startsWith('http:')), d).toBe(false);
  });

  it('SEC-1 checklist 2: Do not enable Node.js integration for remote content (nor in workers or subframes)', () => {
    for (const [what, p] of BOTH) {
      expect(p.nodeIntegration, what).toBe(false);
      expect(p.nodeIntegrationInWorker, what).toBe(false);
      expect(p.nodeIntegrationInSubFrames, what).toBe(false);
    }
  });

  it('SEC-1 checklist 3: Enable context isolation', () => {
    for (const [what, p] of BOTH) expect(p.contextIsolation, what).toBe(true);
    // Each view gets its own preload, and only that one.
    expect(windowOptions.webPreferences?.preload).toBe('/dist/preload/app-bridge.js');
    expect(viewOptions.webPreferences?.preload).toBe('/dist/preload/kustomer-webview.js');
  });

  it('SEC-1 checklist 4: Enable process sandboxing', () => {
    for (const [what, p] of BOTH) expect(p.sandbox, what).toBe(true);
  });

  it('SEC-1 checklist 5: Handle session permission requests from remote content', () => {
    const permissions = electronPermissions();
    expect(permissions.length).toBeGreaterThan(30);
    expect(permissions).toEqual(expect.arrayContaining(['media', 'openExternal', 'notifications', 'geolocation', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb']));

    // The Kustomer partition (remote content): handlers installed (Electron's default grants), nothing granted.
    const k = new FakeSession();
    lockKustomerSession(k.asSession());
    expect(k.request && k.check && k.device).toBeTruthy();
    for (const p of permissions) {
      expect(k.ask(KUSTOMER_WC, p, { requestingUrl: `${KUSTOMER}/app`, mediaTypes: ['audio'] }), p).toBe(false);
      expect(k.check?.({ id: KUSTOMER_WC }, p, KUSTOMER, { requestingUrl: `${KUSTOMER}/app`, mediaType: 'audio', isMainFrame: true }), p).toBe(false);
    }
    expect(k.device?.({ deviceType: 'hid', origin: KUSTOMER })).toBe(false);

    // The view has its own persistent partition (its grants and cookies never mix with ours).
    expect(viewOptions.webPreferences?.partition).toBe(KUSTOMER_PARTITION);
    expect(KUSTOMER_PARTITION).toMatch(/^persist:/);
    expect(windowOptions.webPreferences?.partition).toBeUndefined();

    // Our session: the microphone for our own window's page, and nothing else for anyone.
    const s = new FakeSession();
    lockAppSession(s.asSession(), (id) => id === APP_WC);
    expect(s.ask(APP_WC, 'media', { requestingUrl: APP_URL, mediaTypes: ['audio'] })).toBe(true);
    expect(s.check?.({ id: APP_WC }, 'media', `${APP_SCHEME}://${APP_HOST}`, { requestingUrl: APP_URL, mediaType: 'audio', isMainFrame: true })).toBe(true);
    for (const p of permissions.filter((x) => x !== 'media')) {
      expect(s.ask(APP_WC, p, { requestingUrl: APP_URL }), p).toBe(false);
      expect(s.check?.({ id: APP_WC }, p, `${APP_SCHEME}://${APP_HOST}`, { requestingUrl: APP_URL, isMainFrame: true }), p).toBe(false);
    }
    expect(s.ask(APP_WC, 'media', { requestingUrl: APP_URL, mediaTypes: ['video'] })).toBe(false);
    expect(s.ask(APP_WC, 'media', { requestingUrl: APP_URL, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(s.ask(APP_WC + 1, 'media', { requestingUrl: APP_URL, mediaTypes: ['audio'] })).toBe(false); // another webContents
    expect(s.ask(APP_WC, 'media', { requestingUrl: 'https://evil.example/', mediaTypes: ['audio'] })).toBe(false); // our window showing another page
    expect(s.check?.(null, 'media', `${APP_SCHEME}://${APP_HOST}`, { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(s.device?.({ deviceType: 'usb', origin: APP_URL })).toBe(false);
  });

  it('SEC-1 checklist 6: Do not disable webSecurity', () => {
    for (const [what, p] of BOTH) expect(p.webSecurity, what).toBe(true);
  });

  it('SEC-1 checklist 7: Define a Content-Security-Policy (on every reply of our page, 404s included)', async () => {
    const handler = appSchemeHandler(rendererDir, () => 'wss://sip.acme.example:7443/ws');
    const replies = await Promise.all([APP_URL, `${APP_SCHEME}://${APP_HOST}/assets/index.js`, `${APP_SCHEME}://${APP_HOST}/missing.js`, `${APP_SCHEME}://${APP_HOST}/../../etc/passwd`].map((u) => handler(new Request(u))));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 404, 404]);
    for (const r of replies) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(directive(csp, 'default-src')).toEqual(["'none'"]);
      expect(directive(csp, 'script-src')).toEqual(["'self'"]); // no inline, no eval
      expect(directive(csp, 'object-src')).toEqual(["'none'"]);
      expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
      expect(directive(csp, 'form-action')).toEqual(["'none'"]);
      expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
      expect(directive(csp, 'frame-src')).toEqual(["'none'"]); // the Kustomer page is a view, not a frame
      expect(directive(csp, 'connect-src')).toEqual(["'self'", 'wss://sip.acme.example:7443']);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(replies[0]?.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('SEC-1 checklist 8: Do not enable allowRunningInsecureContent', () => {
    for (const [what, p] of BOTH) expect(p.allowRunningInsecureContent, what).toBe(false);
  });

  it('SEC-1 checklist 9: Do not enable experimental features', () => {
    for (const [what, p] of BOTH) expect(p.experimentalFeatures, what).toBe(false);
  });

  it('SEC-1 checklist 10: Do not use enableBlinkFeatures', () => {
    for (const [what, p] of BOTH) expect(p.enableBlinkFeatures, what).toBeUndefined();
    const offenders = [...sourcesOf('main'), ...sourcesOf('preload'), ...sourcesOf('renderer/src')].filter((f) => /enableBlinkFeatures|enable-blink-features/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('SEC-1 checklist 11: <webview>: Do not use allowpopups (no <webview> at all)', () => {
    for (const [what, p] of BOTH) expect(p.webviewTag, what).toBe(false);
    const offenders = [...sourcesOf('main'), ...sourcesOf('preload'), ...sourcesOf('renderer/src'), 'renderer/index.html'].filter((f) => /allowpopups|<webview|createElement\(\s*['"]webview|webviewTag:\s*true/i.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('SEC-1 checklist 12: <webview>: Verify options and params (every attach is refused, on every webContents)', () => {
    for (const { wc } of [appContents(), kustomerContents()]) expect(wc.emit('will-attach-webview', `${KUSTOMER}/`)).toBe(true);
    const any = new FakeContents();
    denyWebviews(any as unknown as Parameters<typeof denyWebviews>[0]);
    expect(any.emit('will-attach-webview', 'https://evil.example/')).toBe(true);
    // main.ts installs the same refusal on every webContents Electron creates.
    expect(read('main/electron/main.ts')).toMatch(/app\.on\('web-contents-created',\s*\(_event, contents\) => denyWebviews\(contents\)\)/);
  });

  it('SEC-1 checklist 13: Disable or limit navigation', () => {
    const app = appContents();
    expect(app.wc.emit('will-navigate', `${APP_SCHEME}://${APP_HOST}/index.html`)).toBe(false); // a reload of our page
    for (const url of ['https://evil.example/', 'file:///etc/passwd', `${APP_SCHEME}://evil/`, 'javascript:alert(1)', `${KUSTOMER}/app`]) {
      expect(app.wc.emit('will-navigate', url), url).toBe(true);
      expect(app.wc.emit('will-redirect', url), url).toBe(true);
    }
    const elsewhere = new FakeContents('https://evil.example/'); // if our window ever showed another page, it could not navigate to ours
    lockAppNavigation(elsewhere.asGuarded(), new FakeShell().asShell(), memoryLog());
    expect(elsewhere.emit('will-navigate', APP_URL)).toBe(true);

    const k = kustomerContents();
    expect(k.wc.emit('will-navigate', `${KUSTOMER}/app/conversations/1`)).toBe(false);
    expect(k.wc.emit('will-redirect', `${KUSTOMER}/login`)).toBe(false);
    for (const url of ['https://acme.kustomerapp.com.evil.example/', 'http://acme.kustomerapp.com/app', 'https://other.kustomerapp.com/', APP_URL, 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)']) {
      expect(k.wc.emit('will-navigate', url), url).toBe(true);
      expect(k.wc.emit('will-redirect', url), url).toBe(true);
    }
  });

  it('SEC-1 checklist 14: Disable or limit creation of new windows', () => {
    const app = appContents();
    const k = kustomerContents();
    for (const disposition of ['default', 'foreground-tab', 'background-tab', 'new-window', 'other'] as const) {
      for (const url of [APP_URL, 'https://help.example.com/a', 'about:blank', `${KUSTOMER}/app`]) {
        expect(app.wc.open(url, disposition), `${url} ${disposition}`).toBe('deny');
        expect(k.wc.open(url, disposition), `${url} ${disposition}`).toBe('deny');
      }
    }
    // A Kustomer link meant for a new tab stays in the view instead.
    expect(k.wc.loaded).toEqual(Array(5).fill(`${KUSTOMER}/app`));
  });

  it('SEC-1 checklist 15: Do not use shell.openExternal with untrusted content', async () => {
    const dangerous = ['file:///etc/passwd', 'smb://attacker/share', 'ms-msdt:/id PCWDiagnostic', 'javascript:alert(1)', 'http://example.com/', 'https://user:pw@example.com/', 'https://localhost/', 'https://127.0.0.1:4000/', 'https://intranet/', 'tel:+821012345678', `https://example.com/${'x'.repeat(3000)}`, 'vbscript:msgbox', 'data:text/html,<script>1</script>'];
    for (const { wc, shell, log } of [appContents(), kustomerContents()]) {
      for (const url of dangerous) {
        wc.emit('will-navigate', url);
        wc.open(url);
      }
      expect(shell.opened).toEqual([]);
      expect(log.lines.filter((l) => l.event === 'window.external_refused')).toHaveLength(dangerous.length * 2);
      wc.emit('will-navigate', 'https://help.kustomer.com/article');
      wc.open('https://docs.example.com/guide');
      await Promise.resolve();
      expect(shell.opened).toEqual(['https://help.kustomer.com/article', 'https://docs.example.com/guide']);
    }
    for (const url of dangerous) expect(safeExternalUrl(url), url).toBe(false);
  });

  it('SEC-1 checklist 16: Use a current version of Electron', () => {
    const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    const installed = installedElectronVersion(root);
    const declared = pkg.devDependencies.electron ?? '';
    // Reviewed 2026-11-22: Electron 45 is the current stable line; the supported window is the
    // latest three majors, so raise this floor with each upgrade review.
    const SUPPORTED_FLOOR = 45;
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(SUPPORTED_FLOOR);
    expect(declared.replace(/^[\^~]/, '').split('.')[0]).toBe(installed.split('.')[0]);
    // The build targets the Chromium/Node that version ships (scripts/build.ts).
    expect(read('scripts/build.ts')).toMatch(/Electron 45 ships Node 22/);
  });

  it('SEC-1 checklist 17: Validate the sender of all IPC messages (every contract channel, before any handler)', async () => {
    const ipcMain = new FakeIpcMain();
    const calls: string[] = [];
    const ipc = createTypedIpc(ipcMain.asIpcMain(), ipcTrust({ appWebContentsId: () => APP_WC, kustomerWebContentsId: () => KUSTOMER_WC, kustomerOrigin: () => KUSTOMER }), memoryLog());
    ipc.handleContract({ handle: async (channel) => (calls.push(channel), { ok: true, value: {} }) });
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect([...CHANNEL_NAMES].sort()).toEqual([...IPC_CHANNELS].sort());

    const foreign = {
      'another webContents': topFrame(3, APP_URL),
      'the Kustomer view': topFrame(KUSTOMER_WC, `${KUSTOMER}/app`),
      'a subframe of our window': subFrame(APP_WC, APP_URL),
      'our window on another page': topFrame(APP_WC, 'https://evil.example/'),
      'our window on file://': topFrame(APP_WC, 'file:///tmp/index.html'),
      'a look-alike app host': topFrame(APP_WC, 'app://agentdesk.evil/index.html'),
      'a destroyed frame': { sender: { id: APP_WC }, senderFrame: null },
    };
    for (const channel of IPC_CHANNELS) {
      const valid = VALID_REQUESTS[channel];
      expect(ipcContract[channel].request.safeParse(valid).success, channel).toBe(true);
      for (const [who, event] of Object.entries(foreign)) {
        expect(await ipcMain.invoke(channel, event, valid), `${channel} from ${who}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      for (const bad of malformedFor(channel)) {
        expect(await ipcMain.invoke(channel, topFrame(APP_WC, APP_URL), ...bad), `${channel} ${JSON.stringify(bad).slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }
    }
    expect(calls).toEqual([]);
    // The same valid requests from our window's top frame do reach the core, once each.
    for (const channel of IPC_CHANNELS) await ipcMain.invoke(channel, topFrame(APP_WC, APP_URL), VALID_REQUESTS[channel]);
    expect(calls).toEqual(IPC_CHANNELS);
    // The only other channel main listens on is the Kustomer view's.
    expect([...ipcMain.listeners.keys()]).toEqual([]);
    ipc.onKustomerMessage(() => {});
    expect([...ipcMain.listeners.keys()]).toEqual([KUSTOMER_TO_MAIN]);
  });

  it('SEC-1 checklist 18: Avoid usage of the file:// protocol and prefer usage of custom protocols', async () => {
    expect(new URL(APP_URL).protocol).toBe(`${APP_SCHEME}:`);
    expect(isAppUrl('file:///opt/AgentDesk/resources/app.asar/dist/renderer/index.html')).toBe(false);
    const privileges = APP_SCHEME_PRIVILEGES[0]?.privileges ?? {};
    expect(privileges).not.toHaveProperty('bypassCSP');
    expect(privileges).not.toHaveProperty('allowServiceWorkers');
    // The handler serves only files inside the renderer folder, only GET, only on our host.
    const handler = appSchemeHandler(rendererDir, () => null);
    const outside = ['/../agentdesk-secret.txt', '/%2e%2e/agentdesk-secret.txt', '/..%2fagentdesk-secret.txt', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/assets/..%2f..%2fagentdesk-secret.txt', '/..%5c..%5cagentdesk-secret.txt', '/%00index.html', '//etc/passwd', '/%2fetc%2fpasswd'];
    for (const p of outside) {
      const res = await handler(new Request(`${APP_SCHEME}://${APP_HOST}${p}`));
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toContain('outside');
    }
    expect((await handler(new Request(`${APP_SCHEME}://other/index.html`))).status).toBe(404);
    expect((await handler({ url: `${APP_SCHEME}://u:p@${APP_HOST}/index.html`, method: 'GET' } as Request)).status).toBe(404); // Request refuses credentials; Electron's may not
    expect((await handler({ url: 'not a url', method: 'GET' } as Request)).status).toBe(404);
    expect((await handler(new Request(APP_URL, { method: 'POST', body: 'x' }))).status).toBe(404);
    expect((await handler(new Request('https://agentdesk/index.html'))).status).toBe(404);
    expect((await handler(new Request(`${APP_SCHEME}://${APP_HOST}/`))).status).toBe(200);
    // window.ts loads APP_ENTRY only.
    expect(read('main/electron/window.ts')).toMatch(/loadURL\(APP_ENTRY\)/);
    expect([...sourcesOf('main/electron')].filter((f) => /loadFile\(|file:\/\//.test(code(f)))).toEqual([]);
  });

  it('SEC-1 checklist 19: Check which fuses you can change (electron-builder.yml electronFuses)', async () => {
    const yaml = require('js-yaml') as { load(s: string): unknown };
    const config = yaml.load(read('electron-builder.yml')) as { electronFuses?: Record<string, unknown> };
    expect(config.electronFuses, 'electron-builder.yml has no electronFuses section').toBeDefined();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    // We never serve file://, so its extra privileges are not needed either (when the fuse is set).
    if ('grantFileProtocolExtraPrivileges' in (config.electronFuses ?? {})) expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('SEC-1 checklist 20: Do not expose Electron APIs to untrusted web content', async () => {
    const app = await runAppBridge(async () => ({ ok: true, value: {} }));
    expect(app.required).toEqual(['electron']);
    expect(Object.keys(app.exposed)).toEqual(['agentdesk']);
    const api = app.exposed.agentdesk as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['host', 'invoke', 'onKustomerApply', 'onState']);
    for (const [k, v] of Object.entries(api)) expect(typeof v === 'function' || typeof v === 'string', k).toBe(true);
    // invoke reaches only contract channels; the page never gets ipcRenderer or an event object.
    const invoke = api.invoke as (c: string, r: unknown) => Promise<unknown>;
    for (const c of [KUSTOMER_TO_MAIN, 'state', 'ELECTRON_BROWSER_WINDOW_ALERT', '__proto__', 'constructor', 'toString']) expect(await invoke(c, {}), c).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(app.invoked).toEqual([]);
    const seen: unknown[] = [];
    (api.onState as (l: (...a: unknown[]) => void) => void)((...args) => seen.push(args));
    app.deliver('state', { version: 1 });
    expect(seen).toEqual([[{ version: 1 }]]);
    expect(app.other).toEqual([]);

    // The Kustomer page's preload exposes nothing at all (it runs in the isolated world).
    const k = await runKustomerPreload();
    await k.settle();
    expect(k.use.exposed).toEqual({});
    expect(k.use.required).toEqual(['electron']);
    expect(k.newGlobals()).toEqual([]);
    expect(k.use.other).toEqual([]);
  });
});

describe('SEC-1 beyond the checklist', () => {
  it('OS tel:/callto: links only ever pre-fill a number', () => {
    expect(numberFromLink('tel:+82-10-1234-5678')).toBe('+821012345678');
    expect(numberFromLink('callto://+1 (415) 555-2671')).toBe('+14155552671');
    for (const bad of ['tel:javascript:alert(1)', 'tel:%0a%0dcalc.exe', 'tel:../../etc/passwd', 'callto:<script>', 'https://evil.example/', 'tel:', `tel:${'1'.repeat(40)}`, 'tel:%E0%A4%A']) {
      expect(numberFromLink(bad), bad).toBeNull();
    }
  });

  it('the seams the tests drive load under plain Node (no Electron at run time)', () => {
    const seams = ['navigation', 'app-scheme', 'app-log', 'web-preferences', 'ipc-wrapper', 'permissions', 'origins', 'safe-storage-secrets'].map((m) => `main/electron/${m}.ts`);
    const script = `for (const f of ${JSON.stringify(seams)}) await import(${JSON.stringify(root)} + '/' + f); console.log('LOADED');`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--import', path.join(root, 'test/support/forbid-electron.mjs'), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(out).toContain('LOADED');
  });
});

/** The values of one CSP directive. */
function directive(csp: string, name: string): string[] {
  const d = csp
    .split(';')
    .map((x) => x.trim().split(/\s+/))
    .find((x) => x[0] === name);
  return d ? d.slice(1) : [];
}

/** Arguments that break `channel`'s request schema (each checked to really be invalid). */
function malformedFor(channel: IpcChannel): unknown[][] {
  const valid = VALID_REQUESTS[channel] as Record<string, unknown>;
  const candidates: unknown[][] = [[], [null], ['x'], [42], [[]], [valid, 'extra'], [{ ...valid, __proto__: { admin: true }, unexpected: 1 }], [JSON.parse('{"__proto__": {"polluted": true}}')], [{ ...valid, ...Object.fromEntries(Object.keys(valid).slice(0, 1).map((k) => [k, { nested: Symbol.for('x').toString() }])) }]];
  return candidates.filter((args) => args.length !== 1 || !ipcContract[channel].request.safeParse(args[0]).success);
}
