// The browser host's transport (preload/kustomer-injected.ts): the Kustomer page runs in an
// iframe of AgentDesk's page, and the host's proxy serves the bridge into it as its first script.
// Here Playwright routes stand in for the proxy and for AgentDesk's page (another origin of the
// same site, so the page's SameSite cookie still applies in the frame).
import type { BrowserContext, Page } from '@playwright/test';
import { kustomerPageMessageSchema, type KustomerPageMessage } from '../../../common/ipc/kustomer-page.js';
import { ALICE, CONVERSATION } from './seed.js';
import { expect, test, type Kustomer } from './fixtures.js';

interface Received {
  origin: string;
  data: unknown;
}

/** AgentDesk's page and a third party, on other ports of 127.0.0.1 (routes answer: nothing listens there). */
const origins = (k: Kustomer) => ({ hostOrigin: `http://127.0.0.1:${k.api.port - 1}`, otherOrigin: `http://127.0.0.1:${k.api.port - 2}` });

async function host(context: BrowserContext, k: Kustomer, bundle: string, scriptQuery: string, framePath: string): Promise<string> {
  const { hostOrigin, otherOrigin } = origins(k);
  const kustomerOrigin = k.page.url;
  await context.route(`${hostOrigin}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body>
<iframe id="kustomer" src="${kustomerOrigin}${framePath}" width="900" height="600"></iframe>
<iframe id="other" src="${otherOrigin}/other.html"></iframe>
<script>
  window.received = [];
  const frame = document.getElementById('kustomer');
  window.addEventListener('message', (e) => { if (e.source === frame.contentWindow) window.received.push({ origin: e.origin, data: e.data }); });
  window.applyToKustomer = (msg) => frame.contentWindow.postMessage(msg, ${JSON.stringify(kustomerOrigin)});
</script></body></html>`,
    }),
  );
  await context.route(`${otherOrigin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><p>another origin</p>' }));
  // The proxy: the bridge is the page's first script, served from the page's own origin.
  await context.route(`${kustomerOrigin}/__agentdesk/kustomer-injected.js**`, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle }));
  await context.route(`${kustomerOrigin}/app**`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const res = await route.fetch();
    const body = (await res.text()).replace('<head>', `<head>\n<script src="/__agentdesk/kustomer-injected.js${scriptQuery}"></script>`);
    return route.fulfill({ response: res, body });
  });
  return `${hostOrigin}/agentdesk.html`;
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received);
async function messages(page: Page): Promise<KustomerPageMessage[]> {
  return (await received(page)).map((r) => kustomerPageMessageSchema.parse(r.data));
}
async function waitFor(page: Page, pred: (m: KustomerPageMessage) => boolean): Promise<void> {
  await expect.poll(async () => (await messages(page)).some(pred), { message: 'waiting for a message from the Kustomer frame' }).toBe(true);
}

test.beforeEach(async ({ context, signIn }) => {
  await signIn(context, ALICE.email);
});

test('reports to the parent, applies what the parent sends, and ignores other windows', async ({ kustomer, bundles, context, page, browser, signIn }) => {
  const { hostOrigin, otherOrigin } = origins(kustomer);
  const hostUrl = await host(context, kustomer, bundles.injected, `?parentOrigin=${encodeURIComponent(hostOrigin)}`, `/app/conversations/${CONVERSATION}`);
  await page.goto(hostUrl);
  await waitFor(page, (m) => m.type === 'status' && m.origin === 'page-load');
  expect((await received(page)).every((r) => r.origin === kustomer.page.url)).toBe(true);
  expect((await messages(page))[0]).toMatchObject({ type: 'page', userEmail: ALICE.email, userId: ALICE.id });

  // Another origin's frame posts an apply to the Kustomer frame: it arrives, and is ignored.
  const kframe = page.frames().find((f) => f.url().startsWith(kustomer.page.appUrl));
  await kframe?.evaluate(() => window.addEventListener('message', (e) => document.body.setAttribute('data-test-last-message-origin', e.origin)));
  const other = page.frames().find((f) => f.url().startsWith(otherOrigin));
  await other?.evaluate(() => window.parent.frames[0]?.postMessage({ type: 'apply', commandId: 'cmd-other', name: 'Lunch' }, '*'));
  await expect(page.frameLocator('#kustomer').locator('body')).toHaveAttribute('data-test-last-message-origin', otherOrigin);
  // Then the parent's: applied (messages are handled in order, so the first was seen by now).
  await page.evaluate(() => (window as unknown as { applyToKustomer(m: unknown): void }).applyToKustomer({ type: 'apply', commandId: 'cmd-host', name: 'Meeting' }));
  await waitFor(page, (m) => m.type === 'applied' && m.commandId === 'cmd-host');
  const history = kustomer.api.store.currentSession(ALICE.id)?.history.map((h) => kustomer.api.store.routingStatuses.get(h.statusId)?.name);
  expect(history).toEqual(['Available', 'Meeting']);
  expect((await messages(page)).filter((m) => m.type === 'status').map((m) => (m.type === 'status' ? [m.name, m.commandId ?? null] : []))).toEqual([
    ['Available', null],
    ['Meeting', 'cmd-host'],
  ]);

  // Click-to-call inside the frame.
  const frame = page.frameLocator('#kustomer');
  await frame.getByTestId('customer-phone').first().click();
  await waitFor(page, (m) => m.type === 'dial' && m.number === '+14155550100');

  // The bridge shares the page's world here, and still adds no global to it.
  const withBridge = await kframe?.evaluate(() => Object.getOwnPropertyNames(window).sort());
  const plainContext = await browser.newContext();
  await signIn(plainContext, ALICE.email);
  const plain = await plainContext.newPage();
  await plain.goto(kustomer.page.appUrl);
  await expect(plain.getByTestId('user-status')).toHaveAttribute('data-status-name', 'Meeting');
  expect(withBridge).toEqual(await plain.evaluate(() => Object.getOwnPropertyNames(window).sort()));
  await plainContext.close();
});

test('without a valid parent origin the injected script stays off', async ({ kustomer, bundles, context, page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const hostUrl = await host(context, kustomer, bundles.injected, '?parentOrigin=*', '/app');
  await page.goto(hostUrl);
  await expect.poll(() => warnings).toContain('kustomer bridge: no valid parent origin configured; the bridge is off');
  await expect(page.frameLocator('#kustomer').getByTestId('user-status')).toHaveAttribute('data-status-name', 'Available');
  expect(await received(page)).toEqual([]);
});
