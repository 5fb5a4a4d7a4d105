// SYNC-2 / SYNC-6: the status shown at load and every change, however made, reach main with the
// status type; changes the preload did not cause carry no commandId.
import { ALICE } from './seed.js';
import { currentStatusName, expect, isStatus, putStatusViaApi, sent, statuses, test, waitForMessage } from './fixtures.js';

test.beforeEach(async ({ context, signIn }) => {
  await signIn(context, ALICE.email);
});

test('reports the page, then the status shown at load', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.appUrl);
  const load = await waitForMessage(wp, isStatus('Available'));
  expect(load).toMatchObject({ origin: 'page-load', statusType: 'available' });
  expect(load.commandId).toBeUndefined();
  const [page, first] = sent(wp);
  expect(page).toMatchObject({ type: 'page', userEmail: ALICE.email, userId: ALICE.id });
  expect(first).toEqual(load);
  expect(load.instanceId).toBe(page?.instanceId);
});

test('an agent who has not picked a status is reported Offline at load', async ({ kustomer, openWebview }) => {
  kustomer.api.setUserStatus(ALICE.id, 'Offline');
  const wp = await openWebview(kustomer.page.appUrl);
  expect(await waitForMessage(wp, isStatus('Offline'))).toMatchObject({ origin: 'page-load', statusType: 'offline' });
});

test('a change in the dropdown is reported with its status type', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));
  await wp.page.getByTestId('user-status-select').selectOption({ label: 'Lunch' });
  const change = await waitForMessage(wp, isStatus('Lunch'));
  expect(change).toMatchObject({ origin: 'change', statusType: 'unavailable' });
  expect(change.commandId).toBeUndefined();
  expect(currentStatusName(kustomer, ALICE.id)).toBe('Lunch');
  // The page changed the session through the API with its cookie, not an API key.
  const put = kustomer.api.requests().find((r) => r.method === 'PUT' && r.path.startsWith('/v1/routing/work-sessions/'));
  expect(put?.status).toBe(200);
  expect(put?.headers.authorization).toBeUndefined();
});

test('changes made through the API, by the emulator and in another tab are reported', async ({ kustomer, openWebview, context }) => {
  const wp = await openWebview(kustomer.page.appUrl);
  await waitForMessage(wp, isStatus('Available'));

  await putStatusViaApi(kustomer, ALICE.id, 'Meeting');
  expect(await waitForMessage(wp, isStatus('Meeting'))).toMatchObject({ origin: 'change', statusType: 'unavailable' });

  kustomer.api.setUserStatus(ALICE.id, 'Email');
  expect(await waitForMessage(wp, isStatus('Email'))).toMatchObject({ origin: 'change', statusType: 'available' });

  const other = await context.newPage();
  await other.goto(kustomer.page.appUrl);
  await expect(other.getByTestId('user-status')).toHaveAttribute('data-status-name', 'Email');
  await other.getByTestId('user-status-select').selectOption({ label: 'Lunch' });
  expect(await waitForMessage(wp, isStatus('Lunch'))).toMatchObject({ origin: 'change', statusType: 'unavailable' });

  // Busy, set by Kustomer itself during work, is reported as busy (the engine never maps it).
  kustomer.api.setUserStatus(ALICE.id, 'Busy');
  expect(await waitForMessage(wp, isStatus('Busy'))).toMatchObject({ statusType: 'busy' });

  // Signing out of routing ends the session: Offline.
  kustomer.api.setUserStatus(ALICE.id, 'Offline');
  expect(await waitForMessage(wp, isStatus('Offline'))).toMatchObject({ statusType: 'offline' });

  const names = statuses(wp).map((m) => m.name);
  expect(names).toEqual(['Available', 'Meeting', 'Email', 'Lunch', 'Busy', 'Offline']);
  expect(statuses(wp).every((m) => m.commandId === undefined)).toBe(true);
  const ats = statuses(wp).map((m) => m.at);
  expect([...ats].sort((a, b) => a - b)).toEqual(ats);
});

test('moving between conversations does not reload the page or repeat the page-load report', async ({ kustomer, openWebview }) => {
  const wp = await openWebview(kustomer.page.customerUrl('64c000000000000000000c01'));
  await waitForMessage(wp, isStatus('Available'));
  await wp.page.getByTestId('conversation-link').first().click();
  await expect(wp.page.getByTestId('conversation-name')).toHaveText('Call about order 1042');
  await wp.page.getByTestId('customer-link').click();
  await expect(wp.page.getByTestId('view')).toHaveAttribute('data-rendered', '/app/customers/64c000000000000000000c01');
  kustomer.api.setUserStatus(ALICE.id, 'Lunch');
  await waitForMessage(wp, isStatus('Lunch'));
  expect(sent(wp).filter((m) => m.type === 'page')).toHaveLength(1);
  expect(statuses(wp).filter((m) => m.origin === 'page-load')).toHaveLength(1);
});
