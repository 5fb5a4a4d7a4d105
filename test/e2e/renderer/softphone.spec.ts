// SOFT-1 in the renderer: offers, answering by keyboard, in-call controls, dialling, history.
import { test, expect, expectAccessible, screenshot, LOCALES } from './support/test.js';
import { at, baseState, chatSession, record, SUPERVISOR_AGENTS, voiceSession } from './support/fixtures.js';

const ringing = () => baseState({ sessions: [voiceSession('S-1001', 'ringing')] });

test.describe('incoming offers', () => {
  for (const locale of LOCALES) {
    test(`an incoming call is shown and announced (${locale})`, async ({ page, open }) => {
      await open({ state: { ...ringing(), locale } });
      const offer = page.getByTestId('offer');
      await expect(offer).toContainText('+821012345678');
      await expect(offer).toContainText('Support > Billing');
      await expect(page.getByTestId('live-assertive')).toContainText('+821012345678');
      await expect(page).toHaveTitle(/^\(1\) AgentDesk/);
      await expectAccessible(page, `incoming call ${locale}`);
      await screenshot(page, 'incoming-call', locale);
    });
  }

  test('Alt+A answers with the keyboard: session:accept', async ({ page, open }) => {
    const fake = await open({ state: ringing() });
    await page.keyboard.press('Alt+KeyA');
    await expect.poll(fake.requests('session:accept')).toEqual([{ sessionId: 'S-1001' }]);
  });

  test('Tab to the Answer button and press Enter', async ({ page, open }) => {
    const fake = await open({ state: ringing() });
    const answer = page.getByRole('button', { name: /^Answer/ });
    for (let i = 0; i < 40 && !(await answer.evaluate((el: { matches(selector: string): boolean }) => el.matches(':focus'))); i++) await page.keyboard.press('Tab');
    await expect(answer).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(fake.requests('session:accept')).toEqual([{ sessionId: 'S-1001' }]);
  });

  test('Alt+D rejects the oldest offer: session:reject', async ({ page, open }) => {
    const fake = await open({ state: baseState({ sessions: [voiceSession('S-2', 'ringing', {}, { assignedAt: at(1) }), voiceSession('S-1', 'ringing', {}, { assignedAt: at(2) })] }) });
    await page.keyboard.press('Alt+KeyD');
    await expect.poll(fake.requests('session:reject')).toEqual([{ sessionId: 'S-1' }]);
  });

  test('a failed accept is reported to the agent', async ({ page, open }) => {
    await open({ state: ringing(), replies: { 'session:accept': { ok: false, error: { code: 'conflict', message: 'x', text: { en: 'The call already ended.', ko: '통화가 이미 끝났습니다.' } } } } });
    await page.getByRole('button', { name: /^Answer/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The call already ended.' })).toBeVisible();
  });

  test('a chat offer is accepted and becomes the current chat tab', async ({ page, open }) => {
    const state = baseState({ sessions: [chatSession('C-1', 'ringing', 'Hana Yoon', [{ id: 'm1', from: 'consumer', text: '환불 문의' }])] });
    const fake = await open({ state });
    await expect(page.getByTestId('offer')).toContainText('Incoming chat from Hana Yoon');
    await page.keyboard.press('Alt+KeyA');
    await expect.poll(fake.requests('session:accept')).toEqual([{ sessionId: 'C-1' }]);
    await fake.push(baseState({ sessions: [chatSession('C-1', 'connected', 'Hana Yoon', [{ id: 'm1', from: 'consumer', text: '환불 문의' }])] }));
    await expect(page.getByRole('tab', { name: /Hana Yoon/ })).toHaveAttribute('aria-selected', 'true');
  });

  test('a global shortcut action from the core answers once per nonce', async ({ page, open }) => {
    const fake = await open({ state: ringing() });
    const withAction = (nonce: number) => ({ ...ringing(), softphone: { sip: null, dialRequest: null, action: { kind: 'answer' as const, sessionId: 'S-1001', nonce } } });
    await fake.push(withAction(1));
    await fake.push(withAction(1));
    await expect.poll(fake.requests('session:accept')).toEqual([{ sessionId: 'S-1001' }]);
    await fake.push(withAction(2));
    await expect.poll(async () => (await fake.requests('session:accept')()).length).toBe(2);
    await expect(page.getByTestId('offer')).toBeVisible();
  });
});

test.describe('in a call', () => {
  const inCall = (locale: 'en' | 'ko' = 'en') =>
    baseState({
      locale,
      status: { statusId: 'in_call', source: 'system', since: at(1, 5), crmStatus: 'Busy' },
      sessions: [
        voiceSession('S-1001', 'connected', {}, { record: record('S-1001') }),
        chatSession('C-1', 'connected', 'Hana Yoon', [
          { id: 'm1', from: 'consumer', text: 'Hello, my order A-77 has not arrived.' },
          { id: 'm2', from: 'agent', text: 'Let me check that for you.' },
        ]),
      ],
      supervisor: SUPERVISOR_AGENTS,
      callHistory: [
        { sessionId: 'S-900', direction: 'in', number: '+821099998888', name: null, at: at(35), durationSec: 185, outcome: 'answered' },
        { sessionId: 'S-901', direction: 'out', number: '+82221234567', name: 'Acme HQ', at: at(80), durationSec: null, outcome: 'missed' },
      ],
    });

  for (const locale of LOCALES) {
    test(`call card with timer and controls (${locale})`, async ({ page, open }) => {
      await open({ state: inCall(locale) });
      const card = page.getByTestId('call-card');
      await expect(card.getByRole('timer')).toHaveText('1:05');
      await expect(card).toContainText('+821012345678');
      await expectAccessible(page, `in call ${locale}`);
      await screenshot(page, 'desk-in-call', locale);
      await page.getByText(locale === 'en' ? 'Call history' : '통화 기록').click();
      await expect(page.getByTestId('call-history')).toContainText('+821099998888');
      await expect(page.getByTestId('call-history')).toContainText(locale === 'en' ? '3 min 5 sec' : '3분 5초');
      await expectAccessible(page, `call history ${locale}`);
    });
  }

  test('protocol-only: mute, hold, tones and consult are disabled and say why', async ({ page, open }) => {
    await open({ state: inCall() });
    const card = page.getByTestId('call-card');
    await expect(card.getByRole('button', { name: /^Mute/ })).toBeDisabled();
    await expect(card.getByRole('button', { name: /^Hold/ })).toBeDisabled();
    await expect(card).toContainText('No SIP audio is configured');
    await card.getByRole('button', { name: 'Keypad' }).click();
    await expect(card.getByRole('group', { name: 'Keypad (tones)' }).getByRole('button', { name: '5' })).toBeDisabled();
    await card.getByRole('button', { name: 'Transfer' }).click();
    await card.getByRole('radio', { name: 'Agent' }).check();
    await card.getByRole('combobox').selectOption('a-3');
    await expect(card.getByRole('button', { name: 'Consult first' })).toBeDisabled();
  });

  test('Alt+E hangs up: session:end', async ({ page, open }) => {
    const fake = await open({ state: inCall() });
    await page.keyboard.press('Alt+KeyE');
    await expect.poll(fake.requests('session:end')).toEqual([{ sessionId: 'S-1001' }]);
  });

  test('blind transfer to a queue: session:transfer', async ({ page, open }) => {
    const fake = await open({ state: inCall() });
    const card = page.getByTestId('call-card');
    await card.getByRole('button', { name: 'Transfer' }).click();
    await card.getByRole('radio', { name: 'Queue' }).check();
    await card.getByRole('combobox').selectOption('q-tech');
    await card.getByRole('button', { name: 'Transfer now' }).click();
    await expect.poll(fake.requests('session:transfer')).toEqual([{ sessionId: 'S-1001', toQueueId: 'q-tech' }]);
  });

  test('blind transfer to an agent: session:transfer', async ({ page, open }) => {
    const fake = await open({ state: inCall() });
    const card = page.getByTestId('call-card');
    await card.getByRole('button', { name: 'Transfer' }).click();
    await card.getByRole('combobox').selectOption('a-2');
    await card.getByRole('button', { name: 'Transfer now' }).click();
    await expect.poll(fake.requests('session:transfer')).toEqual([{ sessionId: 'S-1001', toAgentId: 'a-2' }]);
  });

  test('the dial pad waits until the call is over', async ({ page, open }) => {
    await open({ state: inCall() });
    await expect(page.getByTestId('dial-pad')).toContainText('Finish the current call before dialling.');
    await expect(page.getByRole('button', { name: 'Call', exact: true })).toBeDisabled();
  });
});

test.describe('dialling', () => {
  test('keyboard only: Alt+N, type, Enter -> call:dial', async ({ page, open }) => {
    const fake = await open({ state: baseState(), replies: { 'call:dial': { ok: true, value: { sessionId: 'S-OUT' } } } });
    await page.keyboard.press('Alt+KeyN');
    await expect(page.locator('#dial-number')).toBeFocused();
    await page.keyboard.type('010-5555-1234');
    await page.keyboard.press('Enter');
    await expect.poll(fake.requests('call:dial')).toEqual([{ number: '010-5555-1234' }]);
    await expect(page.locator('#dial-number')).toHaveValue('');
  });

  test('the keypad and the queue picker build the request', async ({ page, open }) => {
    const fake = await open({ state: baseState(), replies: { 'call:dial': { ok: true, value: { sessionId: 'S-OUT' } } } });
    const pad = page.getByTestId('dial-pad');
    for (const k of ['0', '1', '0', '1', '2']) await pad.getByRole('group', { name: 'Dial pad' }).getByRole('button', { name: k, exact: true }).click();
    await pad.getByLabel('Call as queue').selectOption('q-billing');
    await pad.getByRole('button', { name: 'Call', exact: true }).click();
    await expect.poll(fake.requests('call:dial')).toEqual([{ number: '01012', queueId: 'q-billing' }]);
  });

  test('an invalid number is explained and not dialled', async ({ page, open }) => {
    const fake = await open({ state: baseState() });
    await page.locator('#dial-number').fill('call me');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dial-pad')).toContainText('Use digits, +, *, #, spaces and dashes only.');
    await expect(page.locator('#dial-number')).toHaveAttribute('aria-invalid', 'true');
    expect(await fake.requests('call:dial')()).toEqual([]);
  });

  test('KUS-1: a dial request from Kustomer fills the dial pad and focuses it, without dialling', async ({ page, open }) => {
    const fake = await open({ state: baseState() });
    await fake.push(baseState({ softphone: { sip: null, dialRequest: { number: '+821055550000', nonce: 1 } } }));
    await expect(page.locator('#dial-number')).toHaveValue('+821055550000');
    await expect(page.locator('#dial-number')).toBeFocused();
    await expect(page.getByTestId('dial-pad')).toContainText('Number from the CRM page');
    expect(await fake.requests('call:dial')()).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(fake.requests('call:dial')).toEqual([{ number: '+821055550000' }]);
  });

  test('an outbound call still ringing can be cancelled: session:end', async ({ page, open }) => {
    const fake = await open({ state: baseState({ sessions: [voiceSession('S-OUT', 'ringing', { type: 'voice_outbound' })] }) });
    await expect(page.getByTestId('offer')).toHaveCount(0);
    await page.getByTestId('dialing').getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(fake.requests('session:end')).toEqual([{ sessionId: 'S-OUT' }]);
  });

  test('call back from the history puts the number in the dial pad', async ({ page, open }) => {
    await open({ state: baseState({ callHistory: [{ sessionId: 'S-900', direction: 'in', number: '+821099998888', name: null, at: at(35), durationSec: 185, outcome: 'answered' }] }) });
    await page.getByText('Call history').click();
    await page.getByRole('button', { name: 'Call back +821099998888' }).click();
    await expect(page.locator('#dial-number')).toHaveValue('+821099998888');
    await expect(page.locator('#dial-number')).toBeFocused();
  });

  test('audio devices: pick a ringer and a ringtone (saved through prefs:set when the core keeps prefs)', async ({ page, open }) => {
    const prefs = { locale: 'en' as const, audio: { inputDeviceId: null, outputDeviceId: null, ringDeviceId: null }, ringtone: 'classic' as const, ringVolume: 0.8, shortcuts: { answer: 'CommandOrControl+Shift+A', hangUp: 'CommandOrControl+Shift+H' } };
    const fake = await open({ state: baseState({ prefs }) });
    await page.getByText('Audio devices and ringtone').click();
    await page.getByLabel('Ringtone').selectOption('soft');
    await expect.poll(fake.requests('prefs:set')).toEqual([{ audio: { inputDeviceId: null, outputDeviceId: null, ringDeviceId: null }, ringtone: 'soft', ringVolume: 0.8 }]);
    await expect(page.getByTestId('audio-mic').locator('option').first()).toHaveText('System default');
  });
});
