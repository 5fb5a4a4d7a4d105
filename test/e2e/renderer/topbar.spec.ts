// Top bar: status dropdown (with sources and time), "why did my status change", SYNC-5 findings,
// notices, connection, language, shortcuts help.
import { test, expect, expectAccessible, screenshot, LOCALES } from './support/test.js';
import { AUDIT, at, baseState } from './support/fixtures.js';

const withFindings = (locale: 'en' | 'ko' = 'en') =>
  baseState({
    locale,
    audit: AUDIT,
    status: { statusId: 'lunch', source: 'crm', since: at(4, 10), crmStatus: 'Lunch' },
    preconditions: [
      { id: 'email-mismatch', severity: 'error', text: { en: 'Kustomer is signed in as lee@acme.test, not minji@acme.test: status sync is off.', ko: 'Kustomer에 minji@acme.test가 아닌 lee@acme.test로 로그인되어 상태 동기화가 꺼져 있습니다.' } },
      { id: 'external-queue-unknown', severity: 'info', text: { en: 'Could not check that your Kustomer team routes to the external queue.', ko: 'Kustomer 팀이 외부 대기열로 연결되는지 확인하지 못했습니다.' } },
    ],
    notices: [{ id: 'n-1', level: 'warning', key: 'statusSync.unmapped', text: { en: 'Kustomer status Coffee is not mapped, so your contact-center status was not changed.', ko: 'Kustomer 상태 Coffee가 연결되어 있지 않아 컨택센터 상태를 바꾸지 않았습니다.' }, at: at(2) }],
  });

test.describe('status', () => {
  for (const locale of LOCALES) {
    test(`status, source and time in status; SYNC-5 findings and notices (${locale})`, async ({ page, open }) => {
      await open({ state: withFindings(locale) });
      await expect(page.getByTestId('status-button')).toContainText('Lunch');
      const meta = page.getByTestId('status-meta');
      await expect(meta).toContainText(locale === 'en' ? 'Set by: Kustomer' : '변경 주체: Kustomer');
      await expect(meta).toContainText('4:10');
      await expect(page.getByTestId('preconditions')).toContainText(locale === 'en' ? 'not minji@acme.test' : 'lee@acme.test로 로그인');
      await expect(page.getByTestId('notices')).toContainText('Coffee');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expectAccessible(page, `top bar ${locale}`);
      await page.getByTestId('status-button').click();
      await expect(page.getByRole('listbox')).toBeVisible();
      await expectAccessible(page, `status menu ${locale}`);
      await screenshot(page, 'status-menu', locale);
    });

    test(`why did my status change (${locale})`, async ({ page, open }) => {
      await open({ state: withFindings(locale) });
      const toggle = page.getByRole('button', { name: locale === 'en' ? 'Why this status?' : '상태 변경 이유' });
      await toggle.click();
      const list = page.getByTestId('audit-list');
      await expect(list.locator('li')).toHaveCount(2);
      await expect(list.locator('li').first()).toContainText(locale === 'en' ? 'ended wrap-up' : '후처리를 끝냈습니다');
      await expect(list.locator('li').last()).toContainText(locale === 'en' ? 'Contact center: Away → Available' : '컨택센터: Away → Available');
      await expectAccessible(page, `audit ${locale}`);
      await screenshot(page, 'status-audit', locale);
      await page.keyboard.press('Escape');
      await expect(list).toHaveCount(0);
      await expect(toggle).toBeFocused();
    });
  }

  test('keyboard only: Alt+S, arrows, Enter changes the status (status:set)', async ({ page, open }) => {
    const fake = await open({ state: baseState() });
    await page.keyboard.press('Alt+KeyS');
    const list = page.getByRole('listbox');
    await expect(list).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(fake.requests('status:set')).toEqual([{ statusId: 'away' }]);
    await expect(list).toHaveCount(0);
    await expect(page.getByTestId('status-button')).toBeFocused();
  });

  test('system statuses are listed but cannot be chosen; Escape closes', async ({ page, open }) => {
    const fake = await open({ state: baseState() });
    await page.getByTestId('status-button').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('listbox')).toBeFocused();
    const system = page.getByRole('option', { name: 'In call' });
    await expect(system).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await system.click({ force: true });
    expect(await fake.requests('status:set')()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox')).toHaveCount(0);
  });

  test('type-ahead picks a status by its first letter', async ({ page, open }) => {
    const fake = await open({ state: baseState() });
    await page.getByTestId('status-button').click();
    // Type-ahead works in the open list; a key pressed before it has focus goes nowhere.
    await expect(page.getByRole('listbox')).toBeFocused();
    await page.keyboard.press('l');
    await page.keyboard.press('Enter');
    await expect.poll(fake.requests('status:set')).toEqual([{ statusId: 'lunch' }]);
  });

  test('a refused status change is shown', async ({ page, open }) => {
    await open({ state: baseState(), replies: { 'status:set': { ok: false, error: { code: 'forbidden', message: 'in a call' } } } });
    await page.getByTestId('status-button').click();
    await page.getByRole('option', { name: 'Away' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not change your status. in a call' })).toBeVisible();
  });

  test('dismissing a notice: app:dismissNotice', async ({ page, open }) => {
    const fake = await open({ state: withFindings() });
    await page.getByRole('button', { name: /^Dismiss: Kustomer status Coffee/ }).click();
    await expect.poll(fake.requests('app:dismissNotice')).toEqual([{ id: 'n-1' }]);
  });
});

test.describe('connection, language, shortcuts', () => {
  test('connection state and a second instance are stated plainly', async ({ page, open }) => {
    await open({ state: baseState({ connection: { contactCenter: 'disconnected', detail: 'retrying in 5 s', duplicateInstance: true } }) });
    await expect(page.getByTestId('connection')).toContainText('Disconnected · retrying in 5 s');
    await expect(page.getByRole('alert').filter({ hasText: 'AgentDesk is open twice' })).toBeVisible();
  });

  test('the language switch asks the core, and the UI follows the state', async ({ page, open }) => {
    const fake = await open({ state: baseState() });
    await page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(fake.requests('app:setLocale')).toEqual([{ locale: 'ko' }]);
    await expect(page.getByRole('heading', { name: 'Phone' })).toBeVisible();
    await fake.push(baseState({ locale: 'ko' }));
    await expect(page.getByRole('heading', { name: '전화', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
  });

  for (const locale of LOCALES) {
    test(`the shortcuts are documented in a dialog (${locale})`, async ({ page, open }) => {
      const prefs = { locale, audio: { inputDeviceId: null, outputDeviceId: null, ringDeviceId: null }, ringtone: 'classic' as const, ringVolume: 0.8, shortcuts: { answer: 'CommandOrControl+Shift+A', hangUp: 'CommandOrControl+Shift+H' } };
      const fake = await open({ state: baseState({ locale, prefs }) });
      await page.keyboard.press('Alt+Slash');
      const dialog = page.getByTestId('shortcuts-dialog');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: locale === 'en' ? 'Close' : '닫기' })).toBeFocused();
      await expect(dialog).toContainText('Alt+A');
      await expect(dialog).toContainText('Alt+E');
      await expectAccessible(page, `shortcuts ${locale}`);
      await screenshot(page, 'shortcuts', locale);
      const answer = dialog.getByRole('textbox', { name: locale === 'en' ? 'Answer' : '받기' });
      await answer.fill('F9');
      await dialog.getByRole('button', { name: locale === 'en' ? 'Save global shortcuts' : '전역 단축키 저장' }).click();
      await expect.poll(fake.requests('prefs:set')).toEqual([{ shortcuts: { answer: 'F9', hangUp: 'CommandOrControl+Shift+H' } }]);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    });
  }
});
