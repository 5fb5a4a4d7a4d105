// The Kustomer pane: Electron placeholder bounds (kustomer:setBounds), and the browser host's
// sandboxed iframe with the origin- and source-checked message relay (SEC-1).
import { test, expect } from './support/test.js';
import { baseState } from './support/fixtures.js';
import { addFrame, postToOwnWindow } from './support/browser.js';

test.describe('Electron: placeholder rectangle', () => {
  test('reports its on-screen rectangle, and visible:false while another screen is shown', async ({ page, open }) => {
    const fake = await open({ host: 'electron', state: baseState() });
    const box = await page.getByTestId('kustomer-placeholder').boundingBox();
    expect(box).not.toBeNull();
    const expected = { x: Math.round(box?.x ?? 0), y: Math.round(box?.y ?? 0), width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0), visible: true };
    await expect.poll(async () => (await fake.requests('kustomer:setBounds')()).at(-1)).toEqual(expected);
    await page.getByRole('button', { name: 'Admin' }).click();
    await expect.poll(async () => (await fake.requests('kustomer:setBounds')()).at(-1)).toEqual({ x: 0, y: 0, width: 0, height: 0, visible: false });
    await page.getByRole('button', { name: 'Desk' }).click();
    await expect.poll(async () => (await fake.requests('kustomer:setBounds')()).at(-1)).toEqual(expected);
  });

  test('follows the window size', async ({ page, open }) => {
    const fake = await open({ host: 'electron', state: baseState() });
    await page.setViewportSize({ width: 1600, height: 1000 });
    const box = await page.getByTestId('kustomer-placeholder').boundingBox();
    await expect.poll(async () => (await fake.requests('kustomer:setBounds')()).at(-1)).toMatchObject({ width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0), visible: true });
  });
});

test.describe('browser host: Kustomer iframe', () => {
  const withKustomer = (appUrl: string) => baseState({ kustomer: { appUrl, navigate: null, userEmail: 'minji@acme.test', pageInstances: 1 } });

  test('loads the proxy origin sandboxed, and relays the page’s own messages', async ({ page, open, servers }) => {
    const fake = await open({ host: 'browser', state: withKustomer(servers.kustomer.url) });
    const frame = page.getByTestId('kustomer-frame');
    await expect(frame).toHaveAttribute('src', servers.kustomer.url);
    const sandbox = (await frame.getAttribute('sandbox')) ?? '';
    expect(sandbox.split(' ').sort()).toEqual(['allow-downloads', 'allow-forms', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts']);
    await expect.poll(fake.requests('kustomer:pageMessage')).toEqual([
      { type: 'page', instanceId: 'k-1', userEmail: 'minji@acme.test', userId: 'ku-1' },
      { type: 'status', instanceId: 'k-1', name: 'Available', statusType: 'available', origin: 'page-load', at: 1 },
    ]);
    await page.frameLocator('[data-testid="kustomer-frame"]').getByRole('button', { name: 'Set Lunch' }).click();
    await page.frameLocator('[data-testid="kustomer-frame"]').getByRole('link', { name: '+82 10 5555 0000' }).click();
    await expect.poll(async () => (await fake.requests('kustomer:pageMessage')()).slice(2)).toEqual([
      { type: 'status', instanceId: 'k-1', name: 'Lunch', statusType: 'unavailable', origin: 'change', at: 2 },
      { type: 'dial', instanceId: 'k-1', number: '+821055550000' },
    ]);
  });

  test('drops messages that do not come from the Kustomer frame', async ({ page, open, servers }) => {
    const fake = await open({ host: 'browser', state: withKustomer(servers.kustomer.url) });
    await expect.poll(async () => (await fake.requests('kustomer:pageMessage')()).length).toBe(2);
    // From our own window (right type, wrong source and origin), then a frame we did not create.
    await postToOwnWindow(page, { type: 'status', instanceId: 'x', name: 'Forged', origin: 'change', at: 9 });
    await addFrame(page, 'intruder', servers.kustomer.url);
    await expect(page.frameLocator('#intruder').getByRole('button', { name: 'Set Lunch' })).toBeVisible();
    await page.frameLocator('#intruder').getByRole('button', { name: 'Set Lunch' }).click();
    // A message the real frame sends afterwards still arrives, so the relay was listening all along.
    await page.frameLocator('[data-testid="kustomer-frame"]').getByRole('link', { name: '+82 10 5555 0000' }).click();
    await expect.poll(async () => (await fake.requests('kustomer:pageMessage')()).map((m) => (m as { type: string; instanceId: string }).type)).toEqual(['page', 'status', 'dial']);
  });

  test('apply requests are posted to the frame at its exact origin; its answer is relayed', async ({ page, open, servers }) => {
    const fake = await open({ host: 'browser', state: withKustomer(servers.kustomer.url) });
    await expect.poll(async () => (await fake.requests('kustomer:pageMessage')()).length).toBe(2);
    await fake.apply({ type: 'apply', commandId: 'cmd-7', name: 'Lunch' });
    await expect(page.frameLocator('[data-testid="kustomer-frame"]').getByRole('listitem')).toHaveText(/apply Lunch from http:\/\/127\.0\.0\.1:\d+/);
    await expect.poll(async () => (await fake.requests('kustomer:pageMessage')()).at(-1)).toEqual({ type: 'applied', instanceId: 'k-1', commandId: 'cmd-7' });
  });

  test('follows state.kustomer.navigate within the Kustomer origin only', async ({ page, open, servers }) => {
    const fake = await open({ host: 'browser', state: withKustomer(servers.kustomer.url) });
    const frame = page.frameLocator('[data-testid="kustomer-frame"]');
    await fake.push(baseState({ kustomer: { appUrl: servers.kustomer.url, navigate: { url: `${servers.kustomer.origin}/app/customers/c-1/event/rec-1`, nonce: 1 }, userEmail: null, pageInstances: 1 } }));
    await expect(frame.locator('#where')).toHaveText('/app/customers/c-1/event/rec-1');
    await fake.push(baseState({ kustomer: { appUrl: servers.kustomer.url, navigate: { url: 'https://evil.example/phish', nonce: 2 }, userEmail: null, pageInstances: 1 } }));
    await fake.push(baseState({ kustomer: { appUrl: servers.kustomer.url, navigate: { url: `${servers.kustomer.origin}/app/customers/c-2`, nonce: 3 }, userEmail: null, pageInstances: 1 } }));
    await expect(frame.locator('#where')).toHaveText('/app/customers/c-2');
  });

  test('without a Kustomer address the pane says so', async ({ page, open }) => {
    await open({ host: 'browser', state: baseState() });
    await expect(page.getByText('Kustomer is not set up yet')).toBeVisible();
    await expect(page.getByTestId('kustomer-frame')).toHaveCount(0);
  });
});
