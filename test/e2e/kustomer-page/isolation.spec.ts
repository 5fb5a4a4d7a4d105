// SEC-1: the preload runs in its own world. The page's main world gets no global from it, cannot
// reach it, and cannot disturb it by replacing its own fetch or MutationObserver.
import { ALICE } from './seed.js';
import { expect, isStatus, test, waitForMessage } from './fixtures.js';

test.beforeEach(async ({ context, signIn }) => {
  await signIn(context, ALICE.email);
});

const ownGlobals = () => Object.getOwnPropertyNames(window).sort();

test('the preload leaves no global in the page main world', async ({ kustomer, openWebview, context }) => {
  const plain = await context.newPage();
  await plain.goto(kustomer.page.appUrl);
  await expect(plain.getByTestId('user-status')).toHaveAttribute('data-status-name', 'Available');
  const without = await plain.evaluate(ownGlobals);

  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));
  await expect(wp.page.getByTestId('user-status')).toHaveAttribute('data-status-name', 'Available');
  const withPreload = await wp.page.evaluate(ownGlobals);
  expect(withPreload).toEqual(without);
  expect(await wp.page.evaluate(() => ['__agentdeskIpcSend', '__agentdeskIpcDeliver', '__zod_globalConfig', '__zod_globalRegistry', 'require', 'ipcRenderer'].filter((n) => n in window))).toEqual([]);
  // The preload's own world has its IPC stand-in but still no zod globals (globalThis is private in the bundle).
  expect(await wp.evaluateInPreloadWorld("typeof window.__agentdeskIpcDeliver + ',' + ('__zod_globalConfig' in window)")).toBe('function,false');
});

test('the page replacing its fetch and MutationObserver does not affect the preload', async ({ kustomer, openWebview, context }) => {
  await context.addInitScript(() => {
    const log: string[] = [];
    const pageFetch = window.fetch.bind(window);
    Object.defineProperty(window, '__pageFetchLog', { value: log });
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      log.push(String(input));
      return pageFetch(input, init);
    };
    window.MutationObserver = class {
      observe() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    } as unknown as typeof MutationObserver;
  });
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));
  kustomer.api.setUserStatus(ALICE.id, 'Lunch');
  // The page's event stream updates its status element; the preload's own observer sees it.
  await waitForMessage(wp, isStatus('Lunch'));
  // The preload read the user and the work session with its own fetch, not the page's.
  const pageFetches = (await wp.page.evaluate(() => (window as unknown as { __pageFetchLog: string[] }).__pageFetchLog)) as string[];
  expect(pageFetches.length).toBeGreaterThan(0);
  expect(pageFetches.filter((u) => u.includes('/v1/users/current') || u.includes('/v1/routing/work-sessions'))).toEqual([]);
  expect(kustomer.api.requests().filter((r) => r.path === '/v1/users/current')).toHaveLength(1);
});
