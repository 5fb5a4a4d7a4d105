// Accessibility (axe-core, WCAG 2.1 A/AA and best practices: no serious or critical violation) of the
// live screens on the real stack, in English and Korean, with the screenshots of the live desk for
// docs/screenshots/live-*.png: a call ringing, then in a call with a chat open, the record popped
// and Kustomer beside it; and a supervisor's supervisor and admin screens with agents logged in.
import { expectAccessible, screenshot, LOCALES } from '../renderer/support/test.js';
import { AGENT, QUEUE_IDS, expect, test } from './support/fixtures.js';

const CUSTOMER = '+821012345678';

test('the live desk, ringing and in a call with a chat, the record popped and Kustomer beside it (en, ko)', async ({ desktop }) => {
  const { sim } = desktop;
  const agent = await desktop.open();
  await agent.waitForSip();
  await agent.signInToKustomer();
  await agent.chooseStatus('Available');
  await expect.poll(() => sim.agents().find((a) => a.email === AGENT)?.statusId).toBe('available');

  // A chat first (a call would take the agent out of "available", and chats would not be routed).
  const chat = sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, name: 'Hana Yoon', email: 'hana.yoon@example.com', initialMessages: ['Hello, my order A-77 has not arrived.'] });
  await agent.offer.getByRole('button', { name: /^Answer/ }).click();
  const composer = agent.page.getByRole('textbox', { name: 'Message to Hana Yoon' });
  await composer.fill('Let me check that for you.');
  await composer.press('Enter');
  await expect.poll(() => sim.session(chat)?.messages.length).toBe(2);

  // The call rings: the offer banner is checked too.
  const caller = await desktop.caller(CUSTOMER);
  const id = sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: CUSTOMER, language: 'ko', recordingEnabled: true });
  await expect(agent.offer).toContainText(`Incoming call from ${CUSTOMER}`);
  const call = await caller.call(sim.sipTarget(id).sipUri as string, id);
  await expectAccessible(agent.page, 'live desk, call ringing (en)');

  await agent.offer.getByRole('button', { name: /^Answer/ }).click();
  await caller.waitForCall(call, 'Established');
  await agent.waitForAudioIn();
  await expect(agent.recordCard(id).getByTestId('write-state')).toHaveText('Saved in Kustomer');
  const recordId = agent.session(id)?.record?.recordId as string;
  await expect(agent.kustomer.getByTestId('view')).toHaveAttribute('data-rendered', `/app/conversations/${recordId}`);
  await agent.page.getByTestId('chat-panel').getByRole('tab', { name: /Hana Yoon/ }).click();

  for (const locale of LOCALES) {
    await agent.setLanguage(locale);
    await expect(agent.callCard.getByRole('button', { name: locale === 'en' ? /^Hang up/ : /^끊기/ })).toBeVisible();
    await expect(agent.recordCard(id).getByTestId('write-state')).toHaveText(locale === 'en' ? 'Saved in Kustomer' : 'Kustomer에 저장됨');
    await expectAccessible(agent.page, `live desk in a call with a chat (${locale})`);
    await screenshot(agent.page, 'live-desk-in-call', locale);
  }
  // The Korean UI still runs the call: hang up in Korean.
  await agent.callCard.getByRole('button', { name: /^끊기/ }).click();
  await caller.waitForCall(call, 'Terminated');
  await expect.poll(() => sim.session(id)?.state).toBe('ended');
});

test('the supervisor and admin screens of a live supervisor desk (en, ko)', async ({ desktop }) => {
  const agent = await desktop.open();
  await agent.chooseStatus('Lunch');
  const supervisor = await desktop.open({ agent: 'supervisor@acme.test' });
  const nav = supervisor.page.getByRole('navigation');
  for (const locale of LOCALES) {
    await supervisor.setLanguage(locale);
    const en = locale === 'en';
    await nav.getByRole('button', { name: en ? 'Supervisor' : '슈퍼바이저' }).click();
    const mina = supervisor.page.getByTestId('sup-row').filter({ hasText: 'Mina Park' });
    await expect(mina.getByRole('cell').nth(0)).toHaveText('Lunch');
    await expectAccessible(supervisor.page, `supervisor screen (${locale})`);
    await screenshot(supervisor.page, 'live-supervisor', locale);

    await nav.getByRole('button', { name: en ? 'Admin' : '관리' }).click();
    await expect(supervisor.page.getByTestId('admin')).toBeVisible();
    await expect(supervisor.page.getByTestId('mapping-table').getByTestId('mapping-row').first()).toBeVisible();
    await expectAccessible(supervisor.page, `admin screen (${locale})`);
    await screenshot(supervisor.page, 'live-admin', locale);
  }
});
