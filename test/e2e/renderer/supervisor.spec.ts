// SUP-1: every agent's status, source, time in status (ticking), current session, online.
import { test, expect, expectAccessible, screenshot, LOCALES } from './support/test.js';
import { at, baseState, SUPERVISOR_AGENTS } from './support/fixtures.js';

test.describe('supervisor view', () => {
  for (const locale of LOCALES) {
    test(`agents with status, source, time, session and connections (${locale})`, async ({ page, open }) => {
      await open({ state: baseState({ locale, supervisor: SUPERVISOR_AGENTS }) });
      await page.getByRole('button', { name: locale === 'en' ? 'Supervisor' : '슈퍼바이저' }).click();
      const rows = page.getByTestId('sup-row');
      await expect(rows).toHaveCount(4);
      const en = locale === 'en';
      const jisoo = rows.filter({ hasText: 'Jisoo Park' });
      await expect(jisoo).toContainText('In call');
      await expect(jisoo).toContainText(en ? 'System' : '시스템');
      await expect(jisoo).toContainText('3:12');
      await expect(jisoo).toContainText('S-2001');
      await expect(rows.filter({ hasText: 'Alex Chen' })).toContainText(en ? 'Online on 2 connections' : '2개 연결로 접속 중');
      await expect(rows.filter({ hasText: 'Alex Chen' })).toContainText('Kustomer');
      await expect(rows.filter({ hasText: 'Sara Lee' })).toContainText(en ? 'Offline' : '오프라인');
      await expect(rows.filter({ hasText: 'Sara Lee' })).toContainText('1:35:00');
      await expect(page.getByTestId('supervisor')).toContainText(en ? '1 available · 1 not available · 1 busy · 1 offline' : '응대 가능 1 · 응대 불가 1 · 업무 중 1 · 오프라인 1');
      await expectAccessible(page, `supervisor ${locale}`);
      await screenshot(page, 'supervisor', locale);
    });
  }

  test('live: a pushed change shows at once; filter and sort', async ({ page, open }) => {
    const fake = await open({ state: baseState({ supervisor: SUPERVISOR_AGENTS }) });
    await page.getByRole('button', { name: 'Supervisor' }).click();
    const changed = SUPERVISOR_AGENTS.map((a) => (a.id === 'a-2' ? { ...a, statusId: 'wrap_up', since: at(0, 20), sessionId: null } : a));
    await fake.push(baseState({ supervisor: changed }));
    const jisoo = page.getByTestId('sup-row').filter({ hasText: 'Jisoo Park' });
    await expect(jisoo).toContainText('Wrap-up');
    await expect(jisoo).toContainText('0:20');
    await page.getByRole('searchbox', { name: 'Filter' }).fill('lunch');
    await expect(page.getByTestId('sup-row')).toHaveCount(1);
    await page.getByRole('searchbox', { name: 'Filter' }).fill('');
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('time');
    await expect(page.getByTestId('sup-row').first()).toContainText('Sara Lee');
  });

  test('before the contact center sends the list, the view says it is waiting', async ({ page, open }) => {
    await open({ state: baseState() });
    await page.getByRole('button', { name: 'Supervisor' }).click();
    await expect(page.getByTestId('supervisor')).toContainText('Waiting for the agent list from the contact center…');
  });
});
