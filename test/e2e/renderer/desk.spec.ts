// The whole desk at rest and busy, in both languages: screenshots and axe, and the skip link.
import { test, expect, expectAccessible, screenshot, LOCALES } from './support/test.js';
import { AUDIT, baseState } from './support/fixtures.js';

test.describe('desk', () => {
  for (const locale of LOCALES) {
    test(`idle desk (${locale})`, async ({ page, open }) => {
      await open({ state: baseState({ locale, audit: AUDIT }) });
      await expect(page.getByTestId('softphone')).toBeVisible();
      await expect(page.getByTestId('chat-panel')).toContainText(locale === 'en' ? 'No chats right now.' : '지금은 채팅이 없습니다.');
      await expectAccessible(page, `idle desk ${locale}`);
      await screenshot(page, 'desk-idle', locale);
    });
  }

  test('the first Tab reaches the skip link, which moves focus to the main area', async ({ page, open }) => {
    await open({ state: baseState() });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
  });

  test('if the core cannot give a state, the boot screen says so; a later push still starts the app', async ({ page, open }) => {
    const fake = await open({ state: baseState(), waitForApp: false, replies: { 'app:getState': { ok: false, error: { code: 'unavailable', message: 'core not ready' } } } });
    await expect(page.getByRole('alert')).toContainText('AgentDesk could not start');
    await expect(page.getByRole('alert')).toContainText('core not ready');
    await fake.push(baseState());
    await expect(page.getByTestId('status-button')).toContainText('Available');
  });
});
