// POP-1: the record card of each live session with its write state, retry and "open in Kustomer".
import path from 'node:path';
import { test, expect, expectAccessible, screenshot, LOCALES, SCREENSHOTS } from './support/test.js';
import { at, baseState, chatSession, record, voiceSession } from './support/fixtures.js';

const cards = (locale: 'en' | 'ko' = 'en') =>
  baseState({
    locale,
    pendingWrites: 1,
    failedWrites: 1,
    sessions: [
      voiceSession('S-1', 'connected', {}, { assignedAt: at(4), record: record('S-1', { writeState: 'written' }) }),
      chatSession('C-1', 'connected', 'Hana Yoon', [], { assignedAt: at(3), record: record('C-1', { recordId: null, url: null, subject: 'Incoming chat (Web) C-1 - Support > Billing', writeState: 'pending', attempts: 0 }) }),
      chatSession('C-2', 'connected', 'Joon Choi', [], { assignedAt: at(2), record: record('C-2', { subject: 'Incoming chat (Web) C-2', writeState: 'retrying', attempts: 3, error: 'HTTP 429 Too Many Requests' }) }),
      voiceSession('S-2', 'ended', { customer: { phone: '+821077776666', identifier: null, email: null, name: 'Ji-ho Kang' } }, { assignedAt: at(1), record: record('S-2', { status: 'closed', writeState: 'failed', attempts: 5, error: 'Kustomer answered 500: internal error', failedEntryId: 42 }) }),
    ],
  });

test.describe('record cards', () => {
  for (const locale of LOCALES) {
    test(`pending, written, retrying (attempts) and failed (error) (${locale})`, async ({ page, open }) => {
      await open({ state: cards(locale) });
      const states = page.getByTestId('write-state');
      await expect(states).toHaveCount(4);
      const en = locale === 'en';
      // Newest session first.
      await expect(states.nth(0)).toContainText(en ? 'Not saved in Kustomer' : 'Kustomer에 저장하지 못함');
      await expect(states.nth(0)).toContainText('Kustomer answered 500: internal error');
      await expect(states.nth(1)).toContainText(en ? 'Retrying (attempt 3)' : '다시 시도하는 중(3번째)');
      await expect(states.nth(2)).toContainText(en ? 'Saving to Kustomer…' : 'Kustomer에 저장하는 중…');
      await expect(states.nth(3)).toContainText(en ? 'Saved in Kustomer' : 'Kustomer에 저장됨');
      await expect(page.getByTestId('records')).toContainText(en ? '1 pending, 1 failed' : '대기 1건, 실패 1건');
      await expectAccessible(page, `records ${locale}`);
      await page.getByTestId('records').screenshot({ path: path.join(SCREENSHOTS, `records-${locale}.png`) });
      await screenshot(page, 'desk-records', locale);
    });
  }

  test('try again sends record:retry with the failed entry', async ({ page, open }) => {
    const fake = await open({ state: cards() });
    const failed = page.getByTestId('record-card').filter({ hasText: 'Ji-ho Kang' });
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(fake.requests('record:retry')).toEqual([{ entryId: 42 }]);
    await expect(page.getByTestId('record-card').filter({ hasText: 'Joon Choi' }).getByRole('button', { name: 'Try again' })).toHaveCount(0);
  });

  test('open in Kustomer sends record:open; no record id yet: disabled', async ({ page, open }) => {
    const fake = await open({ state: cards() });
    await page.getByTestId('record-card').filter({ hasText: 'Joon Choi' }).getByRole('button', { name: 'Open in Kustomer' }).click();
    await expect.poll(fake.requests('record:open')).toEqual([{ sessionId: 'C-2' }]);
    const pending = page.getByTestId('record-card').filter({ hasText: 'Hana Yoon' });
    await expect(pending).toContainText('Not created yet');
    await expect(pending.getByRole('button', { name: 'Open in Kustomer' })).toBeDisabled();
  });

  test('a write state change is pushed live', async ({ page, open }) => {
    const fake = await open({ state: cards() });
    const s = cards();
    const sessions = s.sessions.map((x) => (x.session.id === 'C-1' && x.record ? { ...x, record: { ...x.record, writeState: 'written' as const, recordId: 'rec-77', attempts: 1 } } : x));
    await fake.push({ ...s, sessions });
    const card = page.getByTestId('record-card').filter({ hasText: 'Hana Yoon' });
    await expect(card).toContainText('rec-77');
    await expect(card.getByTestId('write-state')).toContainText('Saved in Kustomer');
  });
});
