// The two shipped preloads, bundled exactly as the build bundles them, run against a fake of the
// only module a sandboxed preload may require (`electron`), recording everything they touch:
// what they expose to the page, which IPC channels they send, invoke or listen on.
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleKustomerPreload } from '../../../scripts/build-kustomer-preloads.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** The part of jsdom used here (the package ships no types, and none are installed). */
interface PageWindow {
  eval(code: string): unknown;
  document: { getElementById(id: string): { dispatchEvent(event: unknown): boolean } | null };
  MouseEvent: new (type: string, init: Record<string, unknown>) => unknown;
}
interface JsdomPage {
  window: PageWindow;
}
interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; runScripts: 'outside-only'; virtualConsole: unknown }) => JsdomPage;
  VirtualConsole: new () => { on(event: string, listener: (...args: unknown[]) => void): void };
}
const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomModule;

export interface IpcUse {
  exposed: Record<string, unknown>;
  required: string[];
  sent: [string, unknown[]][];
  invoked: [string, unknown[]][];
  /** sendSync, sendToHost, postMessage: a preload must not use them. */
  other: [string, string][];
  listening: string[];
  /** Delivers a main -> preload message to the preload's listeners on `channel`. */
  deliver(channel: string, ...args: unknown[]): void;
}

function fakeElectron(invokeImpl: (channel: string, args: unknown[]) => Promise<unknown>) {
  const use: IpcUse = {
    exposed: {},
    required: [],
    sent: [],
    invoked: [],
    other: [],
    listening: [],
    deliver(channel, ...args) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-event' }, ...args);
    },
  };
  const listeners = new Map<string, ((e: unknown, ...a: unknown[]) => void)[]>();
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => void (use.exposed[key] = api),
      exposeInIsolatedWorld: (_id: number, key: string) => void use.other.push(['exposeInIsolatedWorld', key]),
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => (use.invoked.push([channel, args]), invokeImpl(channel, args)),
      send: (channel: string, ...args: unknown[]) => void use.sent.push([channel, args]),
      sendSync: (channel: string) => void use.other.push(['sendSync', channel]),
      sendToHost: (channel: string) => void use.other.push(['sendToHost', channel]),
      postMessage: (channel: string) => void use.other.push(['postMessage', channel]),
      on: (channel: string, fn: (e: unknown, ...a: unknown[]) => void) => {
        use.listening.push(channel);
        listeners.set(channel, [...(listeners.get(channel) ?? []), fn]);
      },
      once: (channel: string) => void use.listening.push(channel),
      removeListener: (channel: string, fn: (e: unknown, ...a: unknown[]) => void) => void listeners.set(channel, (listeners.get(channel) ?? []).filter((f) => f !== fn)),
    },
  };
  const require = (id: string) => {
    use.required.push(id);
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  return { use, require };
}

/** preload/app-bridge.ts as scripts/build.ts bundles it (CommonJS, 'electron' external). */
export async function runAppBridge(invokeImpl: (channel: string, args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: {} })): Promise<IpcUse> {
  const r = await build({ entryPoints: [path.join(root, 'preload/app-bridge.ts')], bundle: true, platform: 'browser', format: 'cjs', external: ['electron'], write: false, logLevel: 'silent' });
  const code = r.outputFiles[0]?.text ?? '';
  const { use, require } = fakeElectron(invokeImpl);
  new Function('require', 'module', 'exports', code)(require, { exports: {} }, {});
  return use;
}

/** What the fake Kustomer page API answers (the bridge calls it with the page's session). */
function kustomerFetch(path: string): unknown {
  if (path.startsWith('/v1/users/current')) return { data: { id: 'u1', attributes: { email: 'agent1@acme.test' } } };
  if (path.startsWith('/v1/routing/statuses')) return { data: [{ id: 's-av', attributes: { name: 'Available', statusType: 'available', system: true } }, { id: 's-lunch', attributes: { name: 'Lunch', statusType: 'unavailable' } }] };
  if (path.startsWith('/v1/routing/work-sessions')) return { data: [{ id: 'ws1', attributes: { active: true, statusChangedAt: null }, relationships: { status: { data: { id: 's-av' } } } }] };
  return { data: {} };
}

export interface KustomerPreloadRun {
  use: IpcUse;
  dom: JsdomPage;
  /** What the bridge logged to the page's console. */
  console: string[];
  /** Page globals the preload left behind (it must leave none). */
  newGlobals(): string[];
  settle(): Promise<void>;
}

/** preload/kustomer-webview.ts as shipped (IIFE, 'electron' external), in a Kustomer page (jsdom). */
export async function runKustomerPreload(url = 'https://acme.kustomerapp.com/app'): Promise<KustomerPreloadRun> {
  const code = await bundleKustomerPreload('kustomer-webview');
  const logged: string[] = [];
  const virtualConsole = new VirtualConsole();
  for (const level of ['log', 'warn', 'error', 'info']) virtualConsole.on(level, (...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  const dom = new JSDOM('<!doctype html><html><body><div data-testid="current-user" data-user-id="u1" data-user-email="agent1@acme.test"></div><div data-testid="user-status">Available</div><a id="tel" href="tel:+82-10-1234-5678">call</a></body></html>', { url, runScripts: 'outside-only', virtualConsole });
  const win = dom.window as unknown as Record<string, unknown> & { eval(code: string): unknown };
  const { use, require } = fakeElectron(async () => {
    throw new Error('the Kustomer preload must not invoke');
  });
  win.fetch = async (p: string) => ({ ok: true, status: 200, json: async () => kustomerFetch(p) });
  const before = new Set(Object.getOwnPropertyNames(dom.window));
  win.require = require;
  win.eval(code);
  delete win.require;
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
  };
  return { use, dom, console: logged, newGlobals: () => Object.getOwnPropertyNames(dom.window).filter((k) => !before.has(k)), settle };
}
