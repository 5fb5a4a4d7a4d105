// A test double of AgentDeskApi injected before the renderer loads (addInitScript). It records
// every invoke, answers from per-channel replies, and lets the test push AppState fixtures and
// Kustomer apply requests. It also records CSP violations and page errors for the specs to check.
import type { Page } from '@playwright/test';
import type { AppState } from '../../../../common/ipc/app-state.js';
import type { IpcChannel, IpcResult } from '../../../../common/ipc/contract.js';
import type { KustomerApply } from '../../../../common/ipc/kustomer-page.js';

export interface RecordedCall {
  channel: string;
  request: unknown;
}

/** A reply: a result, a list of results used in turn, or `hold` to keep the invoke pending. */
export type Reply = IpcResult<unknown> | { hold: true };

interface FakeWindow {
  __fake: {
    calls: RecordedCall[];
    replies: Record<string, Reply | Reply[]>;
    push(state: AppState): void;
    apply(a: KustomerApply): void;
    release(channel: string, result: IpcResult<unknown>): void;
    csp: string[];
  };
}

// This file is compiled by the Node-side tsconfig (no DOM types). The functions below run in the
// page, where these globals exist; module-local declarations keep their types without adding DOM
// types to the whole program.
declare const window: object;
declare const document: { addEventListener(type: 'securitypolicyviolation', cb: (e: { violatedDirective: string; blockedURI: string }) => void): void };

export interface FakeApiOptions {
  host: 'electron' | 'browser';
  state: AppState;
  replies?: Partial<Record<IpcChannel, Reply | Reply[]>>;
}

function install(opts: { host: 'electron' | 'browser'; state: AppState; replies: Record<string, Reply | Reply[]> }) {
  type Listener<T> = (v: T) => void;
  let state = opts.state;
  const stateListeners = new Set<Listener<AppState>>();
  const applyListeners = new Set<Listener<KustomerApply>>();
  const held = new Map<string, ((r: IpcResult<unknown>) => void)[]>();
  const fake: FakeWindow['__fake'] = {
    calls: [],
    replies: opts.replies,
    csp: [],
    push(next) {
      state = next;
      for (const l of [...stateListeners]) l(next);
    },
    apply(a) {
      for (const l of [...applyListeners]) l(a);
    },
    release(channel, result) {
      const list = held.get(channel) ?? [];
      const first = list.shift();
      if (first) first(result);
    },
  };
  document.addEventListener('securitypolicyviolation', (e) => fake.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  const reply = (channel: string): Reply => {
    const r = fake.replies[channel];
    if (Array.isArray(r)) return r.length > 1 ? (r.shift() as Reply) : (r[0] ?? { ok: true, value: {} });
    return r ?? { ok: true, value: {} };
  };
  const api = {
    host: opts.host,
    async invoke(channel: string, request: unknown) {
      // A deep copy, so later UI changes cannot alter what was recorded.
      fake.calls.push({ channel, request: JSON.parse(JSON.stringify(request ?? null)) });
      if (channel === 'app:getState' && !fake.replies[channel]) return { ok: true, value: state };
      const r = reply(channel);
      if ('hold' in r) {
        return new Promise<IpcResult<unknown>>((resolve) => {
          const list = held.get(channel) ?? [];
          list.push(resolve);
          held.set(channel, list);
        });
      }
      return r;
    },
    onState(l: Listener<AppState>) {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    onKustomerApply(l: Listener<KustomerApply>) {
      applyListeners.add(l);
      return () => applyListeners.delete(l);
    },
  };
  Object.defineProperty(window, 'agentdesk', { value: Object.freeze(api), configurable: false, writable: false });
  (window as unknown as FakeWindow).__fake = fake;
}

export async function installFakeApi(page: Page, opts: FakeApiOptions): Promise<void> {
  await page.addInitScript(install, { host: opts.host, state: opts.state, replies: (opts.replies ?? {}) as Record<string, Reply | Reply[]> });
}

type W = FakeWindow;

export class FakeApi {
  private version: number;
  constructor(
    private readonly page: Page,
    initial: AppState,
  ) {
    this.version = initial.version;
  }

  /** Push a new AppState (its version is bumped so the store takes it). */
  async push(state: AppState): Promise<void> {
    this.version += 1;
    const next = { ...state, version: this.version };
    await this.page.evaluate((s) => (window as unknown as W).__fake.push(s), next);
  }

  async calls(channel?: IpcChannel): Promise<RecordedCall[]> {
    const all = await this.page.evaluate(() => (window as unknown as W).__fake.calls);
    return channel ? all.filter((c) => c.channel === channel) : all;
  }

  /** The requests of one channel, for `expect.poll`. */
  requests(channel: IpcChannel): () => Promise<unknown[]> {
    return async () => (await this.calls(channel)).map((c) => c.request);
  }

  async reply(channel: IpcChannel, reply: Reply | Reply[]): Promise<void> {
    await this.page.evaluate(([c, r]) => ((window as unknown as W).__fake.replies[c as string] = r as Reply), [channel, reply] as const);
  }

  async release(channel: IpcChannel, result: IpcResult<unknown>): Promise<void> {
    await this.page.evaluate(([c, r]) => (window as unknown as W).__fake.release(c as string, r as IpcResult<unknown>), [channel, result] as const);
  }

  async apply(a: KustomerApply): Promise<void> {
    await this.page.evaluate((x) => (window as unknown as W).__fake.apply(x), a);
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as W).__fake.csp);
  }
}
