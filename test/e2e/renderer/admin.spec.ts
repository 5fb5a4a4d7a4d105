// ADMIN-1: every setting with validation, IT locks, previews, custom fields, status mapping,
// the rules preview round trip and Save.
import type { Page } from '@playwright/test';
import type { AppState } from '../../../common/ipc/app-state.js';
import path from 'node:path';
import { test, expect, expectAccessible, screenshot, LOCALES, SCREENSHOTS } from './support/test.js';
import { baseState, settings } from './support/fixtures.js';
import type { FakeApi, Reply } from './support/fake-api.js';

const CRM_STATUSES: Reply = {
  ok: true,
  value: {
    statuses: [
      { name: 'Available', statusType: 'available' },
      { name: 'Email', statusType: 'unavailable' },
      { name: 'Lunch', statusType: 'unavailable' },
      { name: 'Busy', statusType: 'busy' },
      { name: 'Coffee', statusType: 'unavailable' },
    ],
  },
};

/** A section as the admin sees it: jump there with the table of contents, then a window screenshot. */
async function sectionShot(page: Page, tocLink: string, file: string) {
  await page.getByRole('navigation', { name: /Sections|섹션/ }).getByRole('link', { name: tocLink }).click();
  await page.screenshot({ path: path.join(SCREENSHOTS, `${file}.png`) });
}

async function openAdmin(page: Page, open: (o: { state: AppState; replies?: Record<string, Reply | Reply[]> }) => Promise<FakeApi>, state: AppState = baseState(), replies: Record<string, Reply | Reply[]> = {}) {
  const fake = await open({ state, replies: { 'admin:listCrmStatuses': CRM_STATUSES, ...replies } });
  await page.getByRole('button', { name: state.locale === 'ko' ? '관리' : 'Admin' }).click();
  await expect(page.getByTestId('admin')).toBeVisible();
  return fake;
}

test.describe('admin screens', () => {
  for (const locale of LOCALES) {
    test(`every section, accessible (${locale})`, async ({ page, open }) => {
      await openAdmin(page, open, baseState({ locale }));
      await expect(page.getByTestId('mapping-table').getByTestId('mapping-row')).toHaveCount(5);
      await expectAccessible(page, `admin ${locale}`);
      await screenshot(page, 'admin', locale);
      const en = locale === 'en';
      for (const [link, name] of [
        [en ? 'Subject and tags' : '제목과 태그', 'admin-subject-tags'],
        [en ? 'CRM connection' : 'CRM 연결', 'admin-crm'],
        [en ? 'Custom fields (KUS-2)' : '사용자 정의 필드(KUS-2)', 'admin-custom-fields'],
        [en ? 'Agent status sync' : '상담원 상태 동기화', 'admin-status-sync'],
      ] as const) {
        await sectionShot(page, link, `${name}-${locale}`);
      }
    });
  }

  test('admin and supervisor screens are hidden from agents without those roles', async ({ page, open }) => {
    await open({ state: baseState({ agent: { id: 'a-9', email: 'new@acme.test', name: 'New Agent', roles: ['agent'], crmUserId: null } }) });
    await expect(page.getByRole('button', { name: 'Admin' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Supervisor' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  });
});

test.describe('validation', () => {
  test('REC-2 days must be 1-365; Save is refused and focus goes to the field', async ({ page, open }) => {
    const fake = await openAdmin(page, open);
    const days = page.getByRole('spinbutton', { name: 'Closed within' });
    await days.fill('0');
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('issues-recordCreation.appendToClosedWithinDays')).toContainText('Enter a whole number of days from 1 to 365.');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('save-status')).toContainText('Fix the errors first (1).');
    await expect(days).toBeFocused();
    expect(await fake.requests('admin:saveSettings')()).toEqual([]);
    await days.fill('400');
    await expect(page.getByTestId('issues-recordCreation.appendToClosedWithinDays')).toContainText('from 1 to 365');
    await days.fill('30');
    await expect(page.getByTestId('issues-recordCreation.appendToClosedWithinDays')).toHaveCount(0);
  });

  test('REC-4 minimum messages must be at least 1 (Korean error text); switches work with the keyboard', async ({ page, open }) => {
    await openAdmin(page, open, baseState({ locale: 'ko' }));
    const sw = page.getByRole('switch', { name: /고객 메시지를 기다린 뒤/ });
    await sw.focus();
    await page.keyboard.press('Space');
    await expect(sw).toBeChecked();
    const count = page.getByRole('spinbutton', { name: '최소 고객 메시지 수' });
    await count.fill('0');
    await expect(page.getByTestId('issues-recordCreation.chatMinConsumerMessages')).toContainText('1~100 사이의 정수로 메시지 수를 입력하세요.');
  });

  test('KUS-4 rows: duplicate keys and missing fields are errors; rows can be removed', async ({ page, open }) => {
    await openAdmin(page, open);
    await page.getByRole('button', { name: 'Add a mapping' }).click();
    await page.getByRole('textbox', { name: 'SDK key, row 2' }).fill('orderId');
    const row2 = page.getByTestId('data-row').nth(1);
    await expect(row2).toContainText('Enter the CRM field.');
    await expect(row2).toContainText('The key “orderId” is mapped twice.');
    await page.getByRole('button', { name: 'Remove row 2' }).click();
    await expect(page.getByTestId('data-row')).toHaveCount(1);
  });

  test('a bad API address is an error', async ({ page, open }) => {
    await openAdmin(page, open);
    await page.getByRole('textbox', { name: 'API address' }).fill('api.kustomerapp.com');
    await expect(page.getByTestId('issues-crm.baseUrl')).toContainText('Enter a full address starting with https://.');
  });
});

test.describe('IT locks', () => {
  test('locked settings are disabled with a note', async ({ page, open }) => {
    await openAdmin(page, open, baseState({ lockedSettings: ['recordCreation.abandonedCalls', 'statusSync', 'customFields'] }));
    await expect(page.getByText('3 settings are locked by your IT administrator')).toBeVisible();
    const rec5 = page.getByRole('switch', { name: /abandoned calls \(REC-5\)/ });
    await expect(rec5).toBeDisabled();
    await expect(rec5).toHaveAccessibleDescription(/Locked by your administrator/);
    await expect(page.getByRole('switch', { name: /Append to the latest open record/ })).toBeEnabled();
    await expect(page.getByRole('switch', { name: /Sync the agent status/ })).toBeDisabled();
    await expect(page.getByRole('radio', { name: 'Two-way' })).toBeDisabled();
    await expect(page.getByRole('combobox', { name: 'Contact-center status for Coffee' })).toBeDisabled();
    await expect(page.getByTestId('create-fields')).toBeDisabled();
    await expect(page.locator('#admin-sync .lock-note').first()).toContainText('Locked by your administrator');
    await sectionShot(page, 'Agent status sync', 'admin-locked-en');
  });
});

test.describe('subject and tags', () => {
  test('REC-7 live preview with warnings for unknown variables; insert a variable', async ({ page, open }) => {
    await openAdmin(page, open);
    const template = page.getByRole('textbox', { name: 'Subject template (REC-7)' });
    await template.fill('{CALL_TYPE} {CALL_ID} {FOO}');
    const preview = page.getByTestId('subject-preview');
    await expect(preview).toContainText('IVR call PREVIEW-ivrCall {FOO}');
    await expect(page.getByTestId('issues-recordCreation.subjectTemplate')).toContainText('Unknown variable “FOO”');
    await template.fill('');
    await page.getByRole('button', { name: '{PHONE_NUMBER}' }).click();
    await expect(template).toHaveValue('{PHONE_NUMBER}');
    await expect(preview).toContainText('+82215881234');
    await preview.getByRole('combobox').selectOption('webChat');
    await expect(preview).toContainText('Incoming chat (Web) PREVIEW-webChat');
  });

  test('REC-8/REC-9 tags previewed in the CRM format', async ({ page, open }) => {
    await openAdmin(page, open);
    const tags = page.getByTestId('tag-preview');
    await expect(tags).toHaveText('Voice Inbound - IVRAgentDesk');
    await page.getByRole('combobox', { name: 'CRM', exact: true }).selectOption('zendesk');
    await expect(tags).toHaveText('voice_inbound_ivragentdesk');
    await page.getByRole('switch', { name: /platform tag \(REC-9\)/ }).uncheck();
    await expect(tags).toHaveText('voice_inbound_ivr');
    await page.getByRole('switch', { name: /session type \(REC-8\)/ }).uncheck();
    await expect(tags).toHaveText('No tags');
  });
});

test.describe('custom fields (KUS-2)', () => {
  test('create selected fields in Kustomer: progress, then a result per field', async ({ page, open }) => {
    const fake = await openAdmin(page, open, baseState(), { 'admin:createCustomFields': { hold: true } });
    await page.getByRole('checkbox', { name: 'Select Call duration' }).check();
    await page.getByRole('checkbox', { name: 'Select Wait time' }).check();
    await page.getByTestId('create-fields').click();
    await expect.poll(fake.requests('admin:createCustomFields')).toEqual([{ fields: ['callDuration', 'waitTime'] }]);
    await expect(page.getByTestId('fields-progress')).toHaveText('Creating fields… 0 of 2 done.');
    await expect(page.getByTestId('field-row-callDuration')).toContainText('Creating…');
    await fake.release('admin:createCustomFields', {
      ok: true,
      value: {
        results: [
          { field: 'callDuration', crmName: 'callDurationNum', state: 'created', error: null },
          { field: 'waitTime', crmName: 'waitTimeNum', state: 'failed', error: 'Kustomer answered 409: name taken by a text field' },
        ],
      },
    });
    await expect(page.getByTestId('fields-progress')).toHaveText('Done: 2 of 2 fields. Save to use them.');
    await expect(page.getByTestId('field-row-callDuration')).toContainText('Created: callDurationNum');
    await expect(page.getByRole('textbox', { name: 'Call duration: CRM field name' })).toHaveValue('callDurationNum');
    await expect(page.getByTestId('field-row-waitTime')).toContainText('name taken by a text field');
    await expect(page.getByRole('textbox', { name: 'Wait time: CRM field name' })).toHaveValue('');
    await page.getByTestId('field-row-callDuration').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-custom-fields-created-en.png') });
  });
});

test.describe('status sync (SYNC-1, SYNC-3) and Save', () => {
  test('map Kustomer statuses, choose the reverse, save', async ({ page, open }) => {
    const fake = await openAdmin(page, open);
    const table = page.getByTestId('mapping-table');
    await expect(table.getByTestId('mapping-row').filter({ hasText: 'Busy' })).toContainText('never changes the contact-center status');
    await page.getByRole('combobox', { name: 'Contact-center status for Coffee' }).selectOption('away');
    const reverse = page.getByTestId('reverse-table');
    await expect(reverse.getByTestId('reverse-row')).toHaveCount(3);
    const away = page.getByRole('combobox', { name: 'Kustomer status for Away' });
    await expect(away.locator('option:checked')).toHaveText('Automatic: Email');
    await away.selectOption('Coffee');
    await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
    await page.getByTestId('save-settings').click();
    await expect.poll(async () => (await fake.requests('admin:saveSettings')()).length).toBe(1);
    const [req] = (await fake.requests('admin:saveSettings')()) as { settings: ReturnType<typeof settings> }[];
    expect(req?.settings.statusSync).toEqual({
      enabled: true,
      direction: 'two-way',
      priority: 'latest',
      applyAtLogin: false,
      mapping: { Available: 'available', Email: 'away', Lunch: 'lunch', Coffee: 'away' },
      reverse: { available: 'Available', away: 'Coffee' },
    });
    expect(req?.settings.recordCreation).toEqual(settings().recordCreation);
    await expect(page.getByTestId('save-status')).toHaveText('Saved.');
  });

  test('one-way hides the reverse table; priority and login options are saved', async ({ page, open }) => {
    const fake = await openAdmin(page, open);
    await page.getByRole('radio', { name: 'One-way' }).check();
    await expect(page.getByTestId('reverse-table')).toHaveCount(0);
    await page.getByRole('radio', { name: 'Kustomer decides the next status' }).check();
    await page.getByRole('switch', { name: /Apply the Kustomer status at login/ }).check();
    await page.getByTestId('save-settings').click();
    await expect.poll(async () => ((await fake.requests('admin:saveSettings')()) as { settings: ReturnType<typeof settings> }[])[0]?.settings.statusSync).toMatchObject({ direction: 'one-way', priority: 'crm-overrides', applyAtLogin: true });
  });

  test('Kustomer statuses that cannot be listed: the error, a retry, and adding a status by name', async ({ page, open }) => {
    const fake = await openAdmin(page, open, baseState(), { 'admin:listCrmStatuses': [{ ok: false, error: { code: 'unavailable', message: 'Kustomer timed out' } }, CRM_STATUSES] });
    await expect(page.locator('#admin-sync')).toContainText('Could not list the Kustomer statuses: Kustomer timed out');
    await page.getByRole('textbox', { name: 'Add a Kustomer status by name' }).fill('Training');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('combobox', { name: 'Contact-center status for Training' }).selectOption('away');
    await page.locator('#admin-sync').getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('#admin-sync')).toContainText('5 statuses found in Kustomer.');
    await expect.poll(async () => (await fake.requests('admin:listCrmStatuses')()).length).toBe(2);
    await expect(page.getByRole('combobox', { name: 'Contact-center status for Training' })).toHaveValue('away');
  });

  test('a refused save shows the core’s error in the UI language', async ({ page, open }) => {
    await openAdmin(page, open, baseState({ locale: 'ko' }), {
      'admin:saveSettings': { ok: false, error: { code: 'locked', message: 'statusSync is locked', text: { en: 'Status sync is locked by IT.', ko: '상태 동기화는 IT가 잠갔습니다.' } } },
    });
    await page.getByRole('switch', { name: /포기한 전화도 레코드 생성/ }).uncheck();
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('save-error')).toHaveText('저장하지 못했습니다: 상태 동기화는 IT가 잠갔습니다.');
  });

  test('settings changed by another admin while editing: offered, not forced', async ({ page, open }) => {
    const fake = await openAdmin(page, open);
    await page.getByRole('switch', { name: /abandoned calls \(REC-5\)/ }).uncheck();
    await fake.push(baseState({ settings: settings((s) => (s.recordCreation.platformTag = 'Contact')) }));
    await expect(page.getByText('Another administrator changed these settings while you were editing.')).toBeVisible();
    await expect(page.getByRole('switch', { name: /abandoned calls \(REC-5\)/ })).not.toBeChecked();
    await page.getByRole('button', { name: 'Load their settings (discard mine)' }).click();
    await expect(page.getByRole('switch', { name: /abandoned calls \(REC-5\)/ })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Platform tag' })).toHaveValue('Contact');
  });
});

test.describe('rules preview', () => {
  const result: Reply = {
    ok: true,
    value: {
      operations: [
        { step: 4, kind: 'openRecord', summary: 'Record "Incoming chat (Web) PREVIEW-webChat - Support > Billing": append to the latest open record from the same leaf queue, else a new record', detail: {} },
        { step: 6, kind: 'attachFile', summary: 'Attach transcript.txt (Chat transcript)', detail: {} },
      ],
      trace: [
        { step: 1, rule: 'REC-4 wait: 0/3 consumer messages' },
        { step: 4, rule: 'REC-4 reached: 3/3 consumer messages, record created' },
      ],
    },
  };

  for (const locale of LOCALES) {
    test(`the edited, unsaved settings and the sample go to admin:previewRules; the result is shown (${locale})`, async ({ page, open }) => {
      const fake = await openAdmin(page, open, baseState({ locale }), { 'admin:previewRules': result });
      const en = locale === 'en';
      await page.getByRole('switch', { name: en ? /Wait for consumer messages/ : /고객 메시지를 기다린 뒤/ }).check();
      await page.getByRole('spinbutton', { name: en ? 'Minimum consumer messages' : '최소 고객 메시지 수' }).fill('3');
      const preview = page.getByTestId('rules-preview');
      await preview.getByTestId('preview-sample').selectOption('webChat');
      await preview.getByRole('spinbutton').fill('3');
      await preview.getByTestId('run-preview').click();
      await expect(preview.getByTestId('preview-operations')).toContainText('openRecord');
      const [req] = (await fake.requests('admin:previewRules')()) as { settings: ReturnType<typeof settings>; sample: { session: { type: string }; steps: { event: string; from?: string }[] } }[];
      expect(req?.settings.recordCreation.chatMinConsumerMessages).toBe(3);
      expect(req?.sample.session.type).toBe('chat_inbound_web');
      expect(req?.sample.steps.map((s) => s.event)).toEqual(['assigned', 'connected', 'message', 'message', 'message', 'message', 'ended']);
      expect(await fake.requests('admin:saveSettings')()).toEqual([]);
      await expect(preview.getByTestId('preview-operations').locator('tbody tr').first()).toContainText(en ? '5. message' : '5. 메시지');
      await preview.getByText(en ? 'Rules applied (2)' : '적용된 규칙(2)').click();
      await expect(preview).toContainText('REC-4 reached');
      await expectAccessible(page, `rules preview ${locale}`);
      await sectionShot(page, en ? 'Rules preview' : '규칙 미리 보기', `admin-rules-preview-${locale}`);
    });
  }

  test('nothing written, and settings with errors cannot be previewed', async ({ page, open }) => {
    await openAdmin(page, open, baseState(), { 'admin:previewRules': { ok: true, value: { operations: [], trace: [{ step: 0, rule: 'REC-6 off: no record for abandoned chats' }] } } });
    const preview = page.getByTestId('rules-preview');
    await preview.getByTestId('preview-sample').selectOption('abandonedChat');
    await preview.getByRole('checkbox', { name: 'Abandoned within the short-abandon threshold' }).check();
    await preview.getByTestId('run-preview').click();
    await expect(preview.getByTestId('preview-nothing')).toHaveText('Nothing would be written to Kustomer.');
    await page.getByRole('spinbutton', { name: 'Closed within' }).fill('999');
    await expect(preview.getByTestId('run-preview')).toBeDisabled();
    await expect(preview).toContainText('Fix the errors above to preview these settings.');
  });
});
