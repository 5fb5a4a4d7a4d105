// SUP-1 with SYNC-2/SYNC-3 through the whole desktop: a supervisor's AgentDesk shows the agents live;
// agent 1 changes status in AgentDesk, then in the Kustomer page in its pane, then takes a call, and
// the supervisor's view follows each change with where it came from (agent, Kustomer, system).
import { AGENT, QUEUE_IDS, expect, test } from './support/fixtures.js';

test('the supervisor view follows an agent changing status in AgentDesk, in Kustomer, and taking a call', async ({ desktop }) => {
  const { sim } = desktop;
  const agent = await desktop.open();
  await agent.signInToKustomer();

  const supervisor = await desktop.open({ agent: 'supervisor@acme.test' });
  await supervisor.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Supervisor' }).click();
  const view = supervisor.page.getByTestId('supervisor');
  await expect(view.getByRole('heading', { name: 'Supervisor' })).toBeVisible();
  const mina = view.getByTestId('sup-row').filter({ hasText: 'Mina Park' });
  await expect(mina).toContainText(AGENT);
  await expect(mina).toContainText('Online');
  // Agents that are not logged in are shown offline.
  await expect(view.getByTestId('sup-row').filter({ hasText: 'Sara Lee' })).toContainText('Offline');

  // In AgentDesk: Lunch, set by the agent. Two-way sync shows it in Kustomer too.
  await agent.chooseStatus('Lunch');
  await expect(mina.getByRole('cell').nth(0)).toHaveText('Lunch');
  await expect(mina.getByRole('cell').nth(1)).toHaveText('Agent');
  await expect(agent.kustomer.getByTestId('user-status')).toHaveAttribute('data-status-name', 'Lunch');

  // In the Kustomer page: Meeting; the contact center follows (SYNC-2), and so does the supervisor.
  await agent.kustomer.getByTestId('user-status-select').selectOption({ label: 'Meeting' });
  await expect(mina.getByRole('cell').nth(0)).toHaveText('Meeting');
  await expect(mina.getByRole('cell').nth(1)).toHaveText('Kustomer');
  await expect(agent.page.getByTestId('status-button')).toContainText('Meeting');
  await expect(agent.page.getByTestId('status-meta')).toContainText('Set by: Kustomer');
  expect(sim.agents().find((a) => a.email === AGENT)).toMatchObject({ statusId: 'meeting', source: 'crm' });

  // Back to Available in Kustomer, then a call: In call, set by the system, with the session.
  await agent.kustomer.getByTestId('user-status-select').selectOption({ label: 'Available' });
  await expect(mina.getByRole('cell').nth(0)).toHaveText('Available');
  const id = sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+821012345678' });
  await expect(mina.getByRole('cell').nth(3)).toHaveText(id);
  await agent.offer.getByRole('button', { name: /^Answer/ }).click();
  await expect(mina.getByRole('cell').nth(0)).toHaveText('In call');
  await expect(mina.getByRole('cell').nth(1)).toHaveText('System');
  await expect(view).toContainText(/\d+ available · \d+ not available · 1 busy · \d+ offline/);

  // The call ends: no session any more, and wrap-up (a few seconds, then Available).
  sim.end(id);
  await expect(mina.getByRole('cell').nth(3)).toHaveText('None');
  await expect(mina.getByRole('cell').nth(0)).toHaveText(/^(Wrap-up|Available)$/);
});
