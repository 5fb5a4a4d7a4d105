// The Electron preload of our window, bundled exactly as scripts/build.ts bundles it and run against
// a plain fake of the `electron` module it may require: it exposes `agentdesk` and nothing else,
// invoke reaches only contract channels (and never rejects), state listeners unsubscribe, and no
// Electron object crosses into the page.
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, STATE_CHANNEL, type AgentDeskApi } from '../../../common/ipc/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
let code = '';

beforeAll(async () => {
  const r = await build({ entryPoints: [path.join(root, 'preload/app-bridge.ts')], bundle: true, platform: 'browser', format: 'cjs', external: ['electron'], write: false, logLevel: 'silent' });
  code = r.outputFiles[0]?.text ?? '';
});

function load(invokeImpl: (channel: string, request: unknown) => Promise<unknown>) {
  const exposed: Record<string, unknown> = {};
  const listeners = new Map<string, ((e: unknown, ...a: unknown[]) => void)[]>();
  const invoked: [string, unknown][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
    ipcRenderer: {
      invoke: (channel: string, request: unknown) => (invoked.push([channel, request]), invokeImpl(channel, request)),
      on: (channel: string, fn: (e: unknown, ...a: unknown[]) => void) => void listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
      removeListener: (channel: string, fn: (e: unknown, ...a: unknown[]) => void) => void listeners.set(channel, (listeners.get(channel) ?? []).filter((f) => f !== fn)),
    },
  };
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  new Function('require', 'module', 'exports', code)(fakeRequire, { exports: {} }, {});
  return { exposed, listeners, invoked, required, api: exposed.agentdesk as AgentDeskApi };
}

describe('preload/app-bridge', () => {
  it('exposes only window.agentdesk, requires only electron, and says it is the Electron host', () => {
    const { exposed, required, api } = load(async () => ({ ok: true, value: {} }));
    expect(Object.keys(exposed)).toEqual(['agentdesk']);
    expect(required).toEqual(['electron']);
    expect(api.host).toBe('electron');
    expect(Object.keys(api).sort()).toEqual(['host', 'invoke', 'onKustomerApply', 'onState']);
  });

  it('invokes contract channels and refuses anything else without reaching main', async () => {
    const { api, invoked } = load(async (channel) => ({ ok: true, value: { channel } }));
    for (const c of CHANNEL_NAMES) await api.invoke(c as never, {} as never);
    expect(invoked.map(([c]) => c)).toEqual([...CHANNEL_NAMES]);
    for (const bad of ['state', 'kustomer:page', 'secrets:get', '__proto__', 'constructor']) {
      expect(await api.invoke(bad as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(invoked).toHaveLength(CHANNEL_NAMES.length);
  });

  it('a failing invoke becomes an error value, never a rejection', async () => {
    const { api } = load(async () => {
      throw new Error('No handler registered');
    });
    expect(await api.invoke('app:getState', {})).toEqual({ ok: false, error: { code: 'unavailable', message: 'No handler registered' } });
  });

  it('state listeners get the state only (not the event) and can unsubscribe', () => {
    const { api, listeners } = load(async () => ({ ok: true, value: {} }));
    const got: unknown[] = [];
    const off = api.onState((s) => got.push(s));
    const fire = (state: unknown) => (listeners.get(STATE_CHANNEL) ?? []).forEach((l) => l({ sender: 'ipc-event' }, state));
    fire({ version: 1 });
    off();
    fire({ version: 2 });
    expect(got).toEqual([{ version: 1 }]);
    expect(listeners.get(STATE_CHANNEL)).toEqual([]);
    expect(typeof api.onKustomerApply(() => {})).toBe('function');
  });
});
