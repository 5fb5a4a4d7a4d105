// CHAT-1: several chats, live messages, typing, send with Enter, transfer, end.
import { test, expect, expectAccessible, screenshot, LOCALES } from './support/test.js';
import { baseState, chatSession, record } from './support/fixtures.js';

const hana = (extra: { id: string; from: 'consumer' | 'agent' | 'bot'; text: string }[] = [], typing = false) =>
  chatSession(
    'C-1',
    'connected',
    'Hana Yoon',
    [
      { id: 'h1', from: 'bot', text: 'Hi! What can we help you with?' },
      { id: 'h2', from: 'consumer', text: '주문한 상품이 아직 안 왔어요. 주문 번호는 A-77입니다.' },
      { id: 'h3', from: 'agent', text: '확인해 보겠습니다. 잠시만 기다려 주세요.' },
      ...extra,
    ],
    { consumerTyping: typing, record: record('C-1', { subject: 'Incoming chat (Web) C-1 - Support > Billing', writeState: 'pending', recordId: null }) },
  );
const joon = (extra: { id: string; from: 'consumer' | 'agent'; text: string }[] = []) => chatSession('C-2', 'connected', 'Joon Choi', [{ id: 'j1', from: 'consumer', text: 'Can I change my plan?' }, ...extra]);

const twoChats = (locale: 'en' | 'ko' = 'en', typing = true) => baseState({ locale, sessions: [hana([], typing), joon()] });

test.describe('chats', () => {
  for (const locale of LOCALES) {
    test(`two chats as tabs, with the consumer typing (${locale})`, async ({ page, open }) => {
      await open({ state: twoChats(locale) });
      await expect(page.getByRole('tab')).toHaveCount(2);
      await expect(page.getByRole('tab', { name: /Hana Yoon/ })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('messages')).toContainText('A-77');
      await expect(page.getByTestId('conversation')).toContainText(locale === 'en' ? 'Hana Yoon is typing…' : 'Hana Yoon 님이 입력 중…');
      await expectAccessible(page, `chats ${locale}`);
      await screenshot(page, 'chat', locale);
    });
  }

  test('keyboard only: Alt+C, type, Enter sends; Shift+Enter makes a new line', async ({ page, open }) => {
    const fake = await open({ state: twoChats('en', false), replies: { 'session:sendMessage': { ok: true, value: { messageId: 'm-new' } } } });
    await page.keyboard.press('Alt+KeyC');
    const composer = page.getByRole('textbox', { name: 'Message to Hana Yoon' });
    await expect(composer).toBeFocused();
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await expect(composer).toHaveValue('First line\nsecond line');
    await page.keyboard.press('Enter');
    await expect.poll(fake.requests('session:sendMessage')).toEqual([{ sessionId: 'C-1', text: 'First line\nsecond line' }]);
    await expect(composer).toHaveValue('');
    await expect.poll(fake.requests('session:typing')).toEqual([
      { sessionId: 'C-1', typing: true },
      { sessionId: 'C-1', typing: false },
    ]);
  });

  test('a message that could not be sent stays in the composer and the error is shown', async ({ page, open }) => {
    await open({ state: twoChats('en', false), replies: { 'session:sendMessage': { ok: false, error: { code: 'conflict', message: 'chat is over' } } } });
    const composer = page.getByRole('textbox', { name: 'Message to Hana Yoon' });
    await composer.fill('Are you there?');
    await composer.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Message not sent. chat is over' })).toBeVisible();
    await expect(composer).toHaveValue('Are you there?');
  });

  test('Alt+] switches chats; drafts stay with their chat; arrow keys move between tabs', async ({ page, open }) => {
    await open({ state: twoChats('en', false) });
    await page.getByRole('textbox', { name: 'Message to Hana Yoon' }).fill('draft for Hana');
    await page.keyboard.press('Alt+BracketRight');
    await expect(page.getByRole('tab', { name: /Joon Choi/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: /Joon Choi/ })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Message to Joon Choi' })).toHaveValue('');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: /Hana Yoon/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('textbox', { name: 'Message to Hana Yoon' })).toHaveValue('draft for Hana');
  });

  test('a new message in another chat shows as unread and is announced', async ({ page, open }) => {
    const fake = await open({ state: twoChats('en', false) });
    await fake.push(baseState({ sessions: [hana(), joon([{ id: 'j2', from: 'consumer', text: 'Hello?' }])] }));
    await expect(page.getByRole('tab', { name: /Joon Choi/ })).toContainText('2');
    await expect(page.getByTestId('live-polite')).toContainText('New message from Joon Choi: Hello?');
    await page.getByRole('tab', { name: /Joon Choi/ }).click();
    await page.getByRole('tab', { name: /Hana Yoon/ }).click();
    await expect(page.getByRole('tab', { name: /Joon Choi/ }).locator('.badge')).toHaveCount(0);
  });

  test('messages arriving in the open chat appear in its log', async ({ page, open }) => {
    const fake = await open({ state: twoChats('en', false) });
    await fake.push(baseState({ sessions: [hana([{ id: 'h4', from: 'consumer', text: '감사합니다!' }]), joon()] }));
    await expect(page.getByTestId('messages')).toContainText('감사합니다!');
    await expect(page.getByRole('tab', { name: /Hana Yoon/ }).locator('.badge')).toHaveCount(0);
  });

  test('transfer a chat to a queue and end another', async ({ page, open }) => {
    const fake = await open({ state: twoChats('en', false) });
    const conv = page.getByTestId('conversation');
    await conv.getByRole('button', { name: 'Transfer' }).click();
    await conv.getByRole('radio', { name: 'Queue' }).check();
    await conv.getByRole('combobox').selectOption('q-tech');
    await conv.getByRole('button', { name: 'Transfer now' }).click();
    await expect.poll(fake.requests('session:transfer')).toEqual([{ sessionId: 'C-1', toQueueId: 'q-tech' }]);
    await page.getByRole('tab', { name: /Joon Choi/ }).click();
    await conv.getByRole('button', { name: 'End chat' }).click();
    await expect.poll(fake.requests('session:end')).toEqual([{ sessionId: 'C-2' }]);
  });

  test('an ended chat stays readable but cannot be written to', async ({ page, open }) => {
    await open({ state: baseState({ sessions: [chatSession('C-9', 'ended', 'Mina Seo', [{ id: 'x', from: 'consumer', text: 'bye' }])] }) });
    await expect(page.getByTestId('conversation')).toContainText('This chat has ended.');
    await expect(page.getByRole('textbox', { name: /Message to/ })).toHaveCount(0);
  });
});
