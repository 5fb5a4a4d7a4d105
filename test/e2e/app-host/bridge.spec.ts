// The browser host in Debian's Chromium: the renderer bridge over the real WebSocket, the token
// handling, reconnects, the CSP, and the Kustomer page through the proxy with the real page
// bridge, from sign-in to status sync both ways and click-to-call.
import type { Page } from '@playwright/test';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT, expect, lastState, test, untilState } from './fixtures.js';

type T = { t: { api: { invoke(c: string, r: unknown): Promise<unknown> }; violations: string[]; applies: unknown[] } };
const invoke = (page: Page, channel: string, request: unknown) => page.evaluate(([c, r]) => (window as unknown as T).t.api.invoke(c as string, r), [channel, request] as const);

test('the token moves from the fragment into the tab, the state arrives, and the address bar is clean', async ({ page, stack }) => {
  await page.goto(stack.host.url);
  const s = await untilState(page, (x) => x.agent?.email === AGENT, 'hello');
  expect(s.connection.contactCenter).toBe('connected');
  expect(page.url()).toBe(`${stack.host.origin}/`);
  expect(await page.evaluate(() => sessionStorage.getItem('agentdesk.hostToken'))).toBe(stack.host.token);
  await page.reload();
  await untilState(page, (x) => x.agent !== null, 'state after reload');
});

test('invoke goes to the core and comes back; malformed requests are values, not exceptions', async ({ page, stack }) => {
  await page.goto(stack.host.url);
  await untilState(page, (x) => x.agent !== null, 'hello');
  expect(await invoke(page, 'status:set', { statusId: 'lunch' })).toEqual({ ok: true, value: {} });
  const s = await untilState(page, (x) => x.status.statusId === 'lunch', 'lunch pushed');
  expect(s.status.source).toBe('agent');
  expect(await invoke(page, 'status:set', { statusId: 7 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(await invoke(page, 'no:such', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  expect(stack.services.sim.agents().find((a) => a.email === AGENT)?.statusId).toBe('lunch');
});

test('a page opened without the token gets nothing', async ({ page, stack }) => {
  await page.goto(`${stack.host.origin}/`);
  expect(await invoke(page, 'app:getState', {})).toMatchObject({ ok: false, error: { code: 'no_token' } });
  expect(stack.host.connections).toBe(0);
});

test('the bridge reconnects when the connection drops, and requests go through again', async ({ page, stack }) => {
  await page.goto(stack.host.url);
  await untilState(page, (x) => x.agent !== null, 'hello');
  expect(stack.host.disconnectAll()).toBe(1);
  await expect.poll(() => stack.host.connections).toBe(1);
  expect(await invoke(page, 'status:set', { statusId: 'meeting' })).toEqual({ ok: true, value: {} });
  await untilState(page, (x) => x.status.statusId === 'meeting', 'after reconnect');
});

test('the CSP stops inline scripts and connections to other origins', async ({ page, stack }) => {
  await page.goto(stack.host.url);
  await untilState(page, (x) => x.agent !== null, 'hello');
  const outcome = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.head.append(s);
    let fetched = 'allowed';
    await fetch('http://127.0.0.1:9/').catch(() => (fetched = 'blocked'));
    const evalRan = (window as unknown as { t: { evalAllowed: boolean } }).t.evalAllowed ? 'allowed' : 'blocked';
    return { inline: (window as unknown as { inlineRan?: boolean }).inlineRan ?? false, fetched, evalRan };
  });
  expect(outcome).toEqual({ inline: false, fetched: 'blocked', evalRan: 'blocked' });
  // The violation reports arrive as events; wait for them rather than for a time.
  const violations = () => page.evaluate(() => (window as unknown as T).t.violations);
  await expect.poll(async () => (await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
  await expect.poll(async () => (await violations()).some((v) => v.startsWith('connect-src'))).toBe(true);
  expect(stack.host.origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
});

test('Kustomer through the proxy: sign-in is seen, status sync runs both ways, a tel: link dials, and the page cannot reach the host socket', async ({ page, stack }) => {
  await page.goto(stack.host.url);
  await untilState(page, (x) => x.kustomer.appUrl !== null, 'kustomer app url');
  const s0 = (await lastState(page))!;
  expect(new URL(s0.kustomer.appUrl as string).origin).toBe(stack.host.kustomerOrigin);

  const frame = page.frameLocator('#kustomer');
  await frame.getByLabel(/e-mail/i).fill(AGENT);
  await frame.getByRole('button', { name: /sign in/i }).click();
  const seen = await untilState(page, (x) => x.kustomer.userEmail === AGENT && x.kustomer.pageInstances === 1, 'page reported its user');
  expect(seen.preconditions.map((p) => p.id)).not.toContain('email-mismatch');

  // SYNC-2: the agent picks Lunch in Kustomer; the contact center follows.
  await frame.getByTestId('user-status-select').selectOption({ label: 'Lunch' });
  const synced = await untilState(page, (x) => x.status.statusId === 'lunch' && x.status.source === 'crm', 'crm -> cc');
  expect(synced.status.crmStatus).toBe('Lunch');

  // SYNC-3: the agent picks Meeting in AgentDesk; Kustomer follows through the page.
  await invoke(page, 'status:set', { statusId: 'meeting' });
  await expect(frame.getByTestId('user-status')).toHaveAttribute('data-status-name', 'Meeting');
  await untilState(page, (x) => x.status.crmStatus === 'Meeting', 'cc -> crm');
  expect(await page.evaluate(() => (window as unknown as T).t.applies.length)).toBe(1);

  // POP-1/KUS-10 then KUS-1: a call pops its record in the frame; the customer's number there dials.
  await invoke(page, 'status:set', { statusId: 'available' });
  const id = stack.services.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-1234-5678' });
  await untilState(page, (x) => x.sessions.some((l) => l.session.id === id && l.record?.writeState === 'written'), 'record written');
  await invoke(page, 'session:accept', { sessionId: id });
  const popped = await untilState(page, (x) => x.kustomer.navigate !== null, 'pop');
  expect(popped.kustomer.navigate?.url.startsWith(`${stack.host.kustomerOrigin}/app/conversations/`)).toBe(true);
  await expect(frame.getByTestId('conversation-name')).toContainText(id);
  await frame.getByTestId('customer-phone').first().click();
  const dial = await untilState(page, (x) => x.softphone.dialRequest !== null, 'dial request');
  expect(dial.softphone.dialRequest?.number).toBe('+821012345678');

  // The framed page is another origin: even with the token, the host refuses its socket.
  const fromFrame = await page.frames().find((f) => f.url().startsWith(stack.host.kustomerOrigin as string))!.evaluate(
    (url) => new Promise<string>((resolve) => {
      const ws = new WebSocket(url);
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('refused');
    }),
    `ws://127.0.0.1:${new URL(stack.host.origin).port}/__agentdesk/ws?token=${stack.host.token}`,
  );
  expect(fromFrame).toBe('refused');
});
