// A freshly installed computer on the real core, through the browser host: it starts signed out
// (nothing connected), a refused token is said plainly, the agent signs in from the sign-in screen
// and gets the contact center's hello (name, statuses, the softphone account from hello.sip),
// signs out from the top bar, and another agent signs in on their own journal.
import path from 'node:path';
import { AGENT_EMAILS } from '../../../emulators/contact-center/index.js';
import { ROOT } from '../../../scripts/build.js';
import { expect, test } from './fixtures.js';

test.use({ renderer: path.join(ROOT, 'dist/renderer'), stackOptions: { signedOut: true } });

test('start signed out, sign in, get hello; sign out; the next agent signs in', async ({ page, stack }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && m.location().url.startsWith(stack.host.origin)) problems.push(`console: ${m.text()}`);
  });
  const online = (email: string) => stack.services.sim.agents().find((a) => a.email === email)?.online ?? false;

  // Signed out: nothing connected, the sign-in screen names the contact center.
  expect(stack.core.getState().auth).toMatchObject({ state: 'signed-out', contactCenterUrl: stack.services.sim.url });
  expect(stack.core.identity).toBeNull();
  expect(stack.services.sim.agents().some((a) => a.online)).toBe(false);
  await page.goto(stack.host.url);
  await expect(page.getByRole('heading', { name: 'Sign in to AgentDesk' })).toBeVisible();
  await expect(page.getByTestId('sign-in-cc')).toHaveText(stack.services.sim.url);
  await expect(page.getByTestId('sign-in-remember-help')).toContainText('nothing is written to disk');

  // A refused token: the simulator's reason, nothing connected.
  const token = page.getByLabel('Sign-in token', { exact: true });
  await expect(token).toBeFocused();
  await token.fill('not-a-token');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-in-error')).toContainText('did not accept this sign-in token');
  await expect(token).toBeFocused();
  expect(stack.core.getState().auth?.state).toBe('failed');

  // The right token: hello, the desk, the agent's own softphone account.
  await token.fill(`dev:${AGENT_EMAILS.agent1}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('user-menu')).toHaveAccessibleName('Account: Mina Park');
  await expect(page.getByTestId('desk')).toBeVisible();
  await expect(page.getByTestId('connection')).toContainText('Connected');
  const signedIn = stack.core.getState();
  // "Remember me" (default) hands the token to the host's secrets port: the browser host's keeps it in memory.
  expect(signedIn.auth).toMatchObject({ state: 'signed-in', email: AGENT_EMAILS.agent1, source: 'stored' });
  expect(signedIn.agent?.id).toBe('ag-1001');
  expect(signedIn.statuses.length).toBeGreaterThan(0);
  expect(stack.core.identity).toBe(AGENT_EMAILS.agent1);
  expect(online(AGENT_EMAILS.agent1)).toBe(true);
  const journal1 = stack.core.dataDir;

  // Sign out from the account panel: back to the sign-in screen, disconnected.
  await page.getByTestId('user-menu').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to AgentDesk' })).toBeVisible();
  await expect.poll(() => online(AGENT_EMAILS.agent1)).toBe(false);
  expect(stack.core.getState().agent).toBeNull();

  // Another agent on the same computer: their own journal.
  await page.getByLabel('Sign-in token', { exact: true }).fill(`dev:${AGENT_EMAILS.agent2}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-menu')).toHaveAccessibleName('Account: Joon Kim');
  expect(stack.core.dataDir).not.toBe(journal1);
  expect(stack.core.dataDir?.endsWith(AGENT_EMAILS.agent2)).toBe(true);
  expect(problems).toEqual([]);
});

test.describe('with a SIP server (Kamailio)', () => {
  test.use({ stackOptions: { signedOut: true, kamailio: true } });

  test('the softphone registers as whoever signed in: the account comes from hello.sip, the server from this computer (SOFT-1)', async ({ page, stack }) => {
    await page.goto(stack.host.url);
    // The computer knows only the SIP server: the sign-in screen offers the SIP password field.
    await expect(page.getByLabel('Softphone (SIP) password (optional)')).toBeVisible();
    await page.getByLabel('Sign-in token', { exact: true }).fill(`dev:${AGENT_EMAILS.agent2}`);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('user-menu')).toHaveAccessibleName('Account: Joon Kim');
    expect(stack.core.getState().softphone.sip).toMatchObject({ wsUrl: stack.services.sipWsUrl, uri: 'sip:ag-1002@agentdesk.test', authorizationUsername: 'ag-1002', displayName: 'Joon Kim' });
    await expect(page.getByTestId('phone-state')).toContainText('SIP registered');
  });
});
