// The store keeps the newest AppState from pushes and the initial getState, whatever their order.
import { describe, expect, it } from 'vitest';
import type { AgentDeskApi, IpcResult } from '../../../common/ipc/contract.js';
import type { AppState } from '../../../common/ipc/app-state.js';
import { createAppStore } from '../../../renderer/src/store/app-store.js';
import { baseState } from '../../e2e/renderer/support/fixtures.js';

function fakeApi(getState: () => Promise<IpcResult<AppState>>) {
  let listener: ((s: AppState) => void) | null = null;
  const api: Pick<AgentDeskApi, 'invoke' | 'onState'> = {
    invoke: (async (channel: string) => {
      if (channel !== 'app:getState') throw new Error(`unexpected ${channel}`);
      return getState();
    }) as AgentDeskApi['invoke'],
    onState(l) {
      listener = l;
      return () => {
        listener = null;
      };
    },
  };
  return { api, push: (s: AppState) => listener?.(s), subscribed: () => listener !== null };
}

describe('app store', () => {
  it('loads the state from app:getState and notifies', async () => {
    const { api } = fakeApi(async () => ({ ok: true, value: baseState({ version: 3 }) }));
    const store = createAppStore(api);
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.getStatus()).toEqual({ phase: 'loading' });
    await store.start();
    expect(store.getState()?.version).toBe(3);
    expect(store.getStatus()).toEqual({ phase: 'ready' });
    expect(calls).toBe(1);
  });

  it('subscribes before asking, and a newer push is not replaced by an older getState reply', async () => {
    let resolve: (r: IpcResult<AppState>) => void = () => undefined;
    const { api, push, subscribed } = fakeApi(() => new Promise((r) => (resolve = r)));
    const store = createAppStore(api);
    const started = store.start();
    expect(subscribed()).toBe(true);
    push(baseState({ version: 5, locale: 'ko' }));
    resolve({ ok: true, value: baseState({ version: 4 }) });
    await started;
    expect(store.getState()?.version).toBe(5);
    expect(store.getState()?.locale).toBe('ko');
  });

  it('drops pushes older than the current state and takes newer ones', async () => {
    const { api, push } = fakeApi(async () => ({ ok: true, value: baseState({ version: 10 }) }));
    const store = createAppStore(api);
    await store.start();
    push(baseState({ version: 9, locale: 'ko' }));
    expect(store.getState()?.locale).toBe('en');
    push(baseState({ version: 11, locale: 'ko' }));
    expect(store.getState()?.locale).toBe('ko');
  });

  it('reports a failed first load as a status, and a later push still recovers', async () => {
    const { api, push } = fakeApi(async () => ({ ok: false, error: { code: 'unavailable', message: 'core not ready' } }));
    const store = createAppStore(api);
    await store.start();
    expect(store.getStatus()).toEqual({ phase: 'failed', message: 'core not ready' });
    push(baseState({ version: 1 }));
    expect(store.getStatus()).toEqual({ phase: 'ready' });
  });

  it('a thrown invoke is a failure value too', async () => {
    const { api } = fakeApi(async () => {
      throw new Error('socket closed');
    });
    const store = createAppStore(api);
    await store.start();
    expect(store.getStatus()).toEqual({ phase: 'failed', message: 'socket closed' });
  });

  it('stop() unsubscribes from pushes', async () => {
    const { api, subscribed } = fakeApi(async () => ({ ok: true, value: baseState() }));
    const store = createAppStore(api);
    await store.start();
    store.stop();
    expect(subscribed()).toBe(false);
  });
});
