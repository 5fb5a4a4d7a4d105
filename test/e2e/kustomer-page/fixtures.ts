// Shared set-up of the Kustomer page specs: the bundles (built once per worker), a fresh API
// emulator with the page mounted per test, and pages with the webview preload.
import { expect, test as base, type BrowserContext } from '@playwright/test';
import { kustomerPageMessageSchema, type KustomerPageMessage } from '../../../common/ipc/kustomer-page.js';
import { startKustomerWithPage, type KustomerPage } from '../../../emulators/kustomer-page/index.js';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { bundleKustomerPreload } from '../../../scripts/build-kustomer-preloads.js';
import { electronStandIn, WebviewPage } from './isolated-world.js';
import { API_KEY, SEED } from './seed.js';

export interface Bundles {
  webview: string;
  injected: string;
}
export interface Kustomer {
  api: KustomerEmulator;
  page: KustomerPage;
}

/** Frames from any port of 127.0.0.1 may embed the page (the browser-host spec frames it). */
export const FRAME_ANCESTORS = "'self' http://127.0.0.1:*";

export const test = base.extend<
  { kustomer: Kustomer; signIn(context: BrowserContext, email: string): Promise<void>; openWebview(url: string, context?: BrowserContext): Promise<WebviewPage> },
  { bundles: Bundles }
>({
  bundles: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
      await use({ webview: await bundleKustomerPreload('kustomer-webview', [electronStandIn]), injected: await bundleKustomerPreload('kustomer-injected') });
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- as above
  kustomer: async ({}, use) => {
    const k = await startKustomerWithPage({ seed: SEED, page: { frameAncestors: FRAME_ANCESTORS } });
    await use({ api: k.api, page: k.page });
    await k.close();
  },
  signIn: async ({ kustomer }, use) => {
    await use(async (context, email) => {
      const cookie = kustomer.page.signIn(email);
      if (!cookie) throw new Error(`no Kustomer user ${email}`);
      await context.addCookies([{ ...cookie, url: kustomer.page.url, httpOnly: true, sameSite: 'Strict' }]);
    });
  },
  openWebview: async ({ bundles, context }, use) => {
    await use(async (url, ctx = context) => {
      const wp = await WebviewPage.open(ctx, bundles.webview);
      await wp.page.goto(url);
      return wp;
    });
  },
});

export { expect };

/** Every message the preload sent, each checked against the contract. */
export function sent(wp: WebviewPage): KustomerPageMessage[] {
  return wp.messages().map((m) => kustomerPageMessageSchema.parse(m));
}
export const statuses = (wp: WebviewPage) => sent(wp).filter((m) => m.type === 'status');

/** Waits (polling, no timing asserted) until a message matching `pred` has been sent; returns it. */
export async function waitForMessage<T extends KustomerPageMessage>(wp: WebviewPage, pred: (m: KustomerPageMessage) => m is T): Promise<T>;
export async function waitForMessage(wp: WebviewPage, pred: (m: KustomerPageMessage) => boolean): Promise<KustomerPageMessage>;
export async function waitForMessage(wp: WebviewPage, pred: (m: KustomerPageMessage) => boolean): Promise<KustomerPageMessage> {
  await expect.poll(() => sent(wp).some(pred), { message: 'waiting for a message from the preload' }).toBe(true);
  return sent(wp).find(pred) as KustomerPageMessage;
}

export const isStatus = (name: string, extra: (m: Extract<KustomerPageMessage, { type: 'status' }>) => boolean = () => true) =>
  (m: KustomerPageMessage): m is Extract<KustomerPageMessage, { type: 'status' }> => m.type === 'status' && m.name === name && extra(m);

/** The user's current status at the emulator. */
export function currentStatusName(k: Kustomer, userId: string): string {
  const s = k.api.store.currentSession(userId);
  return s ? (k.api.store.routingStatuses.get(s.statusId)?.name ?? s.statusId) : 'Offline';
}

/** A status change made by an API client (Bearer key), as another integration would. */
export async function putStatusViaApi(k: Kustomer, userId: string, name: string): Promise<void> {
  const session = k.api.store.currentSession(userId);
  const status = k.api.store.statusByName(name);
  if (!session || !status) throw new Error(`no session or status ${name}`);
  const res = await fetch(`${k.api.url}/v1/routing/work-sessions/${session.id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: status.id }),
  });
  expect(res.status).toBe(200);
}
