// The Electron build end to end (SEC-1 checklist items that only Electron can show): our page on
// app://agentdesk with context isolation, sandbox and no Node; only `window.agentdesk` exposed;
// navigation and new windows denied; microphone allowed and camera refused; the Kustomer view in
// its own partition on the Kustomer origin; the core connected; a second launch hands over its
// tel: link to the first instance.
import { _electron as electron } from '@playwright/test';
import { AGENT, electronEnv, expect, invoke, ROOT, state, test } from './fixtures.js';

test('our window is locked down and talks to the core only through window.agentdesk', async ({ desk }) => {
  const { app, window: page } = desk;
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toBe('app://agentdesk/index.html');
  // (The webPreferences themselves are unit-tested: test/unit/app/electron-policies.test.ts.)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    host: (window as unknown as { agentdesk: { host: string } }).agentdesk.host,
    keys: Object.keys((window as unknown as { agentdesk: object }).agentdesk).sort(),
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', host: 'electron', keys: ['host', 'invoke', 'onKustomerApply', 'onState'] });
  await expect.poll(async () => (await state(page)).agent?.email).toBe(AGENT);
  expect(await invoke(page, 'status:set', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  expect(await invoke(page, 'kustomer:page', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
});

test('navigation away and new windows are refused', async ({ desk }) => {
  const { app, window: page } = desk;
  const windows = app.windows().length;
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  // A round trip through the same page proves it was not replaced (will-navigate runs first).
  expect(await invoke(page, 'app:getState', {})).toMatchObject({ ok: true });
  expect(page.url()).toBe('app://agentdesk/index.html');
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(app.windows().length).toBe(windows);
});

test('the microphone is granted to our page, the camera is not', async ({ desk }) => {
  const { window: page } = desk;
  const audio = await page.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }).then((s) => s.getAudioTracks().length, (e: Error) => e.name));
  expect(audio).toBe(1);
  const video = await page.evaluate(() => navigator.mediaDevices.getUserMedia({ video: true }).then(() => 'granted', (e: Error) => e.name));
  expect(video).toBe('NotAllowedError');
});

test('the Kustomer view runs in its own partition on the Kustomer origin', async ({ desk }) => {
  const { app, services } = desk;
  const origin = new URL(services.kustomerAppUrl as string).origin;
  await expect
    .poll(() => app.evaluate(({ webContents }, o) => webContents.getAllWebContents().some((wc) => wc.getURL().startsWith(o)), origin))
    .toBe(true);
  const info = await app.evaluate(({ webContents, session }, o) => {
    const wc = webContents.getAllWebContents().find((w) => w.getURL().startsWith(o));
    return { sameSession: wc?.session === session.defaultSession, partitionSession: wc?.session === session.fromPartition('persist:kustomer') };
  }, origin);
  expect(info.sameSession).toBe(false);
  expect(info.partitionSession).toBe(true);
  // No Node in the Kustomer page's world, and nothing exposed by its preload.
  const seen = await app.evaluate(({ webContents }, o) => {
    const wc = webContents.getAllWebContents().find((w) => w.getURL().startsWith(o));
    return wc?.executeJavaScript('[typeof require, typeof process, typeof agentdesk].join()');
  }, origin);
  expect(seen).toBe('undefined,undefined,undefined');
});

test('a second launch hands its tel: link to the first instance and quits', async ({ desk }) => {
  const second = await electron.launch({ args: [ROOT, 'tel:+82-10-1234-5678'], env: electronEnv(desk.services, desk.profile) });
  await new Promise<void>((resolve) => second.process().once('exit', () => resolve()));
  await expect.poll(async () => (await state(desk.window)).softphone.dialRequest?.number).toBe('+821012345678');
  expect((await state(desk.window)).notices.some((n) => n.key === 'app.secondInstance')).toBe(true);
});
