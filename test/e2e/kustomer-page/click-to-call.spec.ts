// KUS-1: a tel: link in the side panel becomes a `dial` message; the OS handler never sees it.
import { ALICE, CONVERSATION } from './seed.js';
import { expect, isStatus, sent, test, waitForMessage } from './fixtures.js';

test.beforeEach(async ({ context, signIn }) => {
  await signIn(context, ALICE.email);
});

test('clicking a phone number sends it to the dial pad and keeps the OS handler out', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.conversationUrl(CONVERSATION));
  await waitForMessage(wp, isStatus('Available'));
  const phones = wp.page.getByTestId('customer-phone');
  await expect(phones).toHaveCount(2);
  // The page's own listener (main world, bubbling) sees the click already prevented.
  await wp.page.evaluate(() => {
    document.addEventListener('click', (e) => document.body.setAttribute('data-last-click-prevented', String(e.defaultPrevented)));
  });
  const navigations: string[] = [];
  wp.page.on('framenavigated', (f) => navigations.push(f.url()));
  wp.page.on('request', (r) => navigations.push(r.url()));

  await phones.nth(0).click();
  const dial = await waitForMessage(wp, (m) => m.type === 'dial');
  expect(dial).toMatchObject({ type: 'dial', number: '+14155550100' });
  expect(dial.instanceId).toBe(sent(wp)[0]?.instanceId);
  await expect(wp.page.locator('body')).toHaveAttribute('data-last-click-prevented', 'true');

  // Visual separators are dropped: "+1 (415) 555-0199".
  await phones.nth(1).click();
  await expect.poll(() => sent(wp).filter((m) => m.type === 'dial').map((m) => (m.type === 'dial' ? m.number : ''))).toEqual(['+14155550100', '+14155550199']);

  // Keyboard activation and a middle click are covered too (the latter is only blocked).
  await phones.nth(0).focus();
  await wp.page.keyboard.press('Enter');
  await expect.poll(() => sent(wp).filter((m) => m.type === 'dial').length).toBe(3);
  await phones.nth(0).click({ button: 'middle' });

  expect(wp.page.url()).toBe(kustomer.page.conversationUrl(CONVERSATION));
  expect(navigations.filter((u) => u.startsWith('tel:'))).toEqual([]);
  expect(wp.page.context().pages()).toHaveLength(1);
});
