// SYNC-5 "only one Kustomer instance per user": opening the page twice for one user is possible
// and detectable: each page reports its own instance id with the same user, the emulator counts
// the open pages, and the page warns.
import { ALICE, BOB } from './seed.js';
import { expect, isStatus, sent, test, waitForMessage } from './fixtures.js';

test('the page opened twice for one user is detectable', async ({ kustomer, openWebview, context, browser, signIn }) => {
  await signIn(context, ALICE.email);
  const first = await openWebview(kustomer.page.appUrl);
  await waitForMessage(first, isStatus('Available'));
  await expect.poll(() => kustomer.page.instances(ALICE.id)).toBe(1);
  await expect(first.page.getByTestId('instances-warning')).toBeHidden();

  const second = await openWebview(kustomer.page.conversationUrl('64d000000000000000000d01'));
  await waitForMessage(second, isStatus('Available'));
  const [a, b] = [sent(first)[0], sent(second)[0]];
  expect(a).toMatchObject({ type: 'page', userId: ALICE.id, userEmail: ALICE.email });
  expect(b).toMatchObject({ type: 'page', userId: ALICE.id, userEmail: ALICE.email });
  expect(a?.instanceId).not.toBe(b?.instanceId);

  await expect.poll(() => kustomer.page.instances(ALICE.id)).toBe(2);
  for (const wp of [first, second]) {
    await expect(wp.page.getByTestId('user-status')).toHaveAttribute('data-instances', '2');
    await expect(wp.page.getByTestId('instances-warning')).toContainText('open 2 times');
  }

  // Another user's page does not count for Alice.
  const bobContext = await browser.newContext();
  await signIn(bobContext, BOB.email);
  const bob = await bobContext.newPage();
  await bob.goto(kustomer.page.appUrl);
  await expect(bob.getByTestId('user-status')).toHaveAttribute('data-instances', '1');
  expect(kustomer.page.instances(ALICE.id)).toBe(2);
  expect(kustomer.page.instances(BOB.id)).toBe(1);

  await second.page.close();
  await expect.poll(() => kustomer.page.instances(ALICE.id)).toBe(1);
  await expect(first.page.getByTestId('instances-warning')).toBeHidden();
  await bobContext.close();
});

test('the open-page count is available to the page through its session', async ({ kustomer, page, context, signIn }) => {
  await signIn(context, ALICE.email);
  await page.goto(kustomer.page.appUrl);
  await expect(page.getByTestId('user-status')).toHaveAttribute('data-instances', '1');
  const count = await page.evaluate(() => fetch('/app/api/instances').then((r) => r.json()));
  expect(count).toEqual({ data: { count: 1 } });
  // Not to API keys: it is the web app's own endpoint.
  const res = await fetch(`${kustomer.page.url}/app/api/instances`, { headers: { authorization: `Bearer ${[...kustomer.api.store.apiKeys.keys()][0]}` } });
  expect(res.status).toBe(403);
});
