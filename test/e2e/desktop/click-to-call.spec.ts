// KUS-1 through the whole desktop: the customer's number, a tel: link on a Kustomer conversation page
// in the pane, fills AgentDesk's dial pad (nothing is dialled yet); the agent calls; the contact
// center offers a voice_outbound session, and the customer's line (the caller page) gets the SIP
// INVITE with its X-Session-Id and answers.
import { AGENT, CRM_USER_IDS, expect, test } from './support/fixtures.js';

const NUMBER = '+821055550100';

test('a tel: link in the Kustomer page fills the dial pad; the call reaches the customer', async ({ desktop }) => {
  const { sim, kustomer } = desktop;
  // A customer with an earlier conversation, made through Kustomer's API (as a colleague would have).
  const api = async (path: string, body: unknown) => {
    const r = await fetch(`${kustomer.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${kustomer.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status, `${path}: ${await r.clone().text()}`).toBe(201);
    return ((await r.json()) as { data: { id: string } }).data.id;
  };
  const customerId = await api('/v1/customers', { name: 'Jiwoo Han', phones: [{ type: 'mobile', phone: NUMBER }] });
  const conversationId = await api('/v1/conversations', { customer: customerId, name: 'Order A-77 follow-up', status: 'done' });

  const agent = await desktop.open();
  await agent.waitForSip();
  await agent.signInToKustomer();
  await agent.chooseStatus('Available');
  const customer = await desktop.caller(NUMBER);

  // The agent opens the conversation from Kustomer's inbox, then clicks the number in the side panel.
  await agent.kustomer.getByTestId('inbox').getByRole('link', { name: 'Order A-77 follow-up' }).click();
  await expect(agent.kustomer.getByTestId('view')).toHaveAttribute('data-rendered', `/app/conversations/${conversationId}`);
  await expect(agent.kustomer.getByTestId('customer-name')).toHaveText('Jiwoo Han');
  await agent.kustomer.getByRole('link', { name: `Call ${NUMBER}` }).click();

  const number = agent.page.getByRole('textbox', { name: 'Number to call' });
  await expect(number).toHaveValue(NUMBER);
  await expect(number).toBeFocused();
  await expect(agent.page.getByTestId('dial-pad')).toContainText('Number from the CRM page: press Enter to call.');
  // The page stayed where it was (the link was taken over, not followed), and nothing was dialled.
  await expect(agent.kustomer.getByTestId('view')).toHaveAttribute('data-rendered', `/app/conversations/${conversationId}`);
  expect(sim.sessions().filter((s) => s.type === 'voice_outbound')).toEqual([]);
  expect((await customer.state()).calls).toEqual([]);

  await agent.page.getByTestId('dial-pad').getByRole('button', { name: 'Call', exact: true }).click();
  await expect.poll(() => sim.sessions().filter((s) => s.type === 'voice_outbound').map((s) => s.agentEmail)).toEqual([AGENT]);
  const outbound = sim.sessions().find((s) => s.type === 'voice_outbound');
  const id = outbound?.id as string;
  expect(outbound?.session.dialedNumber).toBe(NUMBER);

  // The customer's line gets the INVITE for that session and answers; audio flows both ways.
  await expect.poll(async () => (await customer.state()).calls.map((c) => [c.direction, c.sessionId])).toEqual([['in', id]]);
  await customer.waitForCall(0, 'Established');
  await expect.poll(() => sim.session(id)?.state).toBe('connected');
  await expect(agent.callCard).toContainText(NUMBER);
  await expect(agent.callCard).toContainText('Outbound call');
  await agent.waitForAudioIn();
  await customer.waitForAudioIn(0);
  // It was never offered to the agent as an incoming call.
  await expect(agent.offer).toHaveCount(0);

  // The outbound call's record belongs to the same Kustomer customer (no duplicate) and the agent.
  await expect(agent.recordCard(id).getByTestId('write-state')).toHaveText('Saved in Kustomer');
  const recordId = agent.session(id)?.record?.recordId as string;
  expect(kustomer.store.conversations.get(recordId)).toMatchObject({ customerId, assignedUsers: [CRM_USER_IDS.agent1] });
  expect([...kustomer.store.customers.values()].filter((c) => c.phones.some((p) => p.phone.replace(/\D/g, '') === NUMBER.slice(1)))).toHaveLength(1);

  await agent.callCard.getByRole('button', { name: /^Hang up/ }).click();
  await customer.waitForCall(0, 'Terminated');
  await expect.poll(() => sim.session(id)?.state).toBe('ended');
  expect(agent.state().callHistory[0]).toMatchObject({ sessionId: id, direction: 'out', number: NUMBER });
});
