// The page emulator's sign-in, and the preload's `page` report of who is signed in (SYNC-5: the
// engine compares this e-mail with the agent's).
import { ALICE } from './seed.js';
import { expect, sent, test, waitForMessage } from './fixtures.js';

test('an unknown e-mail gets a clear error and no session', async ({ kustomer, page, context }) => {
  await page.goto(kustomer.page.appUrl);
  await expect(page).toHaveURL(/\/login\?next=%2Fapp$/);
  await page.getByTestId('login-email').fill('nobody@acme.example');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('No Kustomer user has the e-mail address nobody@acme.example');
  expect(await context.cookies()).toEqual([]);
});

test('signing in by e-mail sets an httpOnly session cookie and returns to the page asked for', async ({ kustomer, page, context }) => {
  await page.goto(kustomer.page.conversationUrl('64d000000000000000000d01'));
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByTestId('login-email').fill(ALICE.email);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(kustomer.page.conversationUrl('64d000000000000000000d01'));
  await expect(page.getByTestId('conversation-name')).toHaveText('Call about order 1042');
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'kustomer_session', httpOnly: true, sameSite: 'Strict' });
  await expect(page.getByTestId('current-user')).toHaveAttribute('data-user-email', ALICE.email);
  // The page has a CSP without inline scripts.
  const res = await page.request.get(kustomer.page.appUrl);
  expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(res.headers()['content-security-policy']).not.toContain('unsafe-inline');
});

test('the preload reports who is signed in, and nobody on the sign-in page', async ({ kustomer, openWebview, context }) => {
  const login = await openWebview(kustomer.page.loginUrl);
  const anon = await waitForMessage(login, (m) => m.type === 'page');
  expect(anon).toMatchObject({ type: 'page', userEmail: null, userId: null });
  await login.page.getByTestId('login-email').fill(ALICE.email);
  await login.page.getByTestId('login-submit').click();
  await expect(login.page).toHaveURL(kustomer.page.appUrl);
  // A new document is a new page instance.
  await expect.poll(() => sent(login).filter((m) => m.type === 'page').length).toBe(2);
  const pages = sent(login).filter((m) => m.type === 'page');
  expect(pages[1]).toMatchObject({ userEmail: ALICE.email, userId: ALICE.id });
  expect(pages[1]?.instanceId).not.toBe(pages[0]?.instanceId);
  expect(await context.cookies()).toHaveLength(1);
});
