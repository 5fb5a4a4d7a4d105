// SOFT-1, POP-1, KUS-3, KUS-6, KUS-10 through the whole desktop: a customer's call is offered by the
// contact center, rings at the agent's softphone (SIP INVITE with X-Session-Id, through Kamailio),
// is answered in the UI, pops its Kustomer conversation, is held and resumed, carries tones, is
// transferred blind to a second agent's desk, is hung up there, and its recording reaches Kustomer.
import type { Caller } from '../softphone/support/parties.js';
import type { DeskPage } from './support/desk-page.js';
import { AGENT, AGENT_EMAILS, CRM_USER_IDS, QUEUE_IDS, expect, test, type Desktop } from './support/fixtures.js';

const CUSTOMER = '+821012345678';

/** Agent 1 signed in to Kustomer in its pane and Available (set in AgentDesk; two-way sync shows it in Kustomer). */
async function availableAgent(desktop: Desktop): Promise<DeskPage> {
  const agent = await desktop.open();
  await agent.waitForSip();
  await agent.signInToKustomer();
  await agent.chooseStatus('Available');
  await expect.poll(() => desktop.sim.agents().find((a) => a.email === AGENT)?.statusId).toBe('available');
  await expect(agent.kustomer.getByTestId('user-status')).toHaveAttribute('data-status-name', 'Available');
  return agent;
}

/** The contact center offers an inbound IVR call to agent 1; the caller INVITEs the agent URI it names. */
async function ringAgent(desktop: Desktop, agent: DeskPage, caller: Caller): Promise<{ id: string; call: number }> {
  const id = desktop.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: CUSTOMER, language: 'ko', dialedNumber: '+82215881234', recordingEnabled: true });
  await expect(agent.offer).toContainText(`Incoming call from ${CUSTOMER}`);
  await expect(agent.offer).toContainText('Support > Billing');
  const target = desktop.sim.sipTarget(id);
  expect(target).toMatchObject({ state: 'offered', agentEmail: AGENT, sipUri: 'sip:ag-1001@agentdesk.test', header: 'X-Session-Id' });
  const call = await caller.call(target.sipUri as string, id);
  return { id, call };
}

/** Connected both ways: SIP established, the contact center says connected, RTP flows in both directions. */
async function expectTwoWayAudio(desktop: Desktop, agent: DeskPage, caller: Caller, id: string, call: number): Promise<void> {
  await caller.waitForCall(call, 'Established');
  await expect.poll(() => desktop.sim.session(id)?.state).toBe('connected');
  await expect.poll(() => desktop.sim.session(id)?.agentEmail).toBe(agent.agent);
  await expect(agent.callCard).toContainText(CUSTOMER);
  await agent.waitForAudioIn();
  await caller.waitForAudioIn(call);
  expect((await agent.audio()).packetsSent).toBeGreaterThan(0);
}

test('a call from ringing to recording: answer, pop, hold, DTMF, blind transfer to agent 2, hang up', async ({ desktop }) => {
  const { sim, kustomer } = desktop;
  const agent1 = await availableAgent(desktop);
  // Agent 2 is logged in with its own desk and SIP registration but not available, so the call
  // can only reach it by the transfer.
  const agent2 = await desktop.open({ agent: AGENT_EMAILS.agent2 });
  await agent2.waitForSip();
  expect(sim.agents().find((a) => a.email === AGENT_EMAILS.agent2)).toMatchObject({ online: true, statusId: 'offline' });
  // A customer line without RFC 4733, so the agent's tones reach it as SIP INFO, which it records.
  const caller = await desktop.caller(CUSTOMER, { rfc4733: false });

  // Ring and answer with the button.
  const { id, call } = await ringAgent(desktop, agent1, caller);
  await agent1.offer.getByRole('button', { name: /^Answer/ }).click();
  await expectTwoWayAudio(desktop, agent1, caller, id, call);
  await expect(agent1.offer).toHaveCount(0);

  // KUS-10 / POP-1: the conversation was created in Kustomer for agent 1, and popped.
  await expect(agent1.recordCard(id).getByTestId('write-state')).toHaveText('Saved in Kustomer');
  await expect(agent1.recordCard(id).getByTestId('write-state')).toHaveClass(/\bwrite-state--written\b/);
  const recordId = agent1.session(id)?.record?.recordId as string;
  expect(recordId).toMatch(/^[0-9a-f]{24}$/);
  const conversation = kustomer.store.conversations.get(recordId);
  expect(conversation).toMatchObject({ name: `IVR call ${id} - Support > Billing`, status: 'open', assignedUsers: [CRM_USER_IDS.agent1] });
  expect(conversation?.tags).toEqual(expect.arrayContaining(['Voice Inbound - IVR', 'AgentDesk']));
  const customer = kustomer.store.customers.get(conversation?.customerId as string);
  expect(customer?.phones.map((p) => p.phone)).toContain(CUSTOMER);
  expect(kustomer.store.notesOf(recordId).map((n) => n.body).join('\n')).toContain(`Phone: ${CUSTOMER}`);
  await expect(agent1.recordCard(id)).toContainText(recordId);
  await expect(agent1.recordCard(id)).toContainText('Open');
  await expect(agent1.recordCard(id)).toContainText(`IVR call ${id} - Support > Billing`);
  await expect(agent1.kustomer.getByTestId('view')).toHaveAttribute('data-rendered', `/app/conversations/${recordId}`);
  await expect(agent1.kustomer.getByTestId('conversation-name')).toHaveText(`IVR call ${id} - Support > Billing`);
  await expect(agent1.kustomer.getByTestId('customer-phone')).toHaveText(CUSTOMER);
  // The pop loaded the conversation once; later state pushes must not reload the page.
  const popUrl = `${agent1.desk.host.kustomerOrigin}/app/conversations/${recordId}`;
  expect(agent1.kustomerLoads.at(-1)).toBe(popUrl);
  const loadsAfterPop = agent1.kustomerLoads.length;
  // The page it replaced is closed for Kustomer too: one open page for the user (its live-update
  // stream through the host's proxy ended with it).
  await expect(agent1.kustomer.getByTestId('user-status')).toHaveAttribute('data-instances', '1');

  // Hold: the caller is asked for sendonly and answers recvonly; resume returns both to sendrecv.
  await agent1.callCard.getByRole('button', { name: /^Hold/ }).click();
  await expect(agent1.callCard).toContainText('On hold');
  await expect.poll(() => caller.stats(call)).toMatchObject({ localDirection: 'recvonly', remoteDirection: 'sendonly' });
  await agent1.callCard.getByRole('button', { name: /^Resume/ }).click();
  await expect(agent1.callCard).toContainText('Live');
  await expect.poll(() => caller.stats(call)).toMatchObject({ localDirection: 'sendrecv', remoteDirection: 'sendrecv' });
  await caller.waitForAudioIn(call);
  await agent1.waitForAudioIn();

  // DTMF from the in-call keypad reaches the caller, one tone per key, in order.
  await agent1.callCard.getByRole('button', { name: 'Keypad' }).click();
  const keypad = agent1.callCard.getByRole('group', { name: 'Keypad (tones)' });
  for (const key of ['1', '2', '#']) await keypad.getByRole('button', { name: key, exact: true }).click();
  await expect.poll(async () => (await caller.state()).infos.map((i) => [i.call, i.signal])).toEqual([
    [call, '1'],
    [call, '2'],
    [call, '#'],
  ]);

  // Blind transfer to agent 2 by id: the contact center moves the session, the caller is REFERred
  // to agent 2's URI with the same X-Session-Id, and agent 2's desk rings.
  await agent1.callCard.getByRole('button', { name: 'Transfer' }).click();
  // An agent without the supervisor feed types the colleague's id.
  await agent1.callCard.getByRole('radio', { name: 'Agent' }).check();
  await agent1.callCard.getByLabel('Agent ID').fill('ag-1002');
  await agent1.callCard.getByRole('button', { name: 'Transfer now' }).click();
  await expect(agent2.offer).toContainText(`Incoming call from ${CUSTOMER}`);
  await expect.poll(async () => (await caller.state()).refers).toEqual([
    { call, referTo: expect.stringContaining('sip:ag-1002@agentdesk.test') as unknown as string, sessionId: id, replaces: null },
  ]);
  await expect.poll(async () => (await caller.state()).calls[call + 1]).toMatchObject({ direction: 'out', sessionId: id, referredFrom: call });
  await agent2.offer.getByRole('button', { name: /^Answer/ }).click();
  const transferred = call + 1;
  await caller.waitForCall(call, 'Terminated');
  await expectTwoWayAudio(desktop, agent2, caller, id, transferred);
  await expect(agent1.callCard).toHaveCount(0);
  // Many state pushes later (hold, tones, the transfer), the Kustomer page was not reloaded.
  expect(agent1.kustomerLoads.slice(loadsAfterPop), 'Kustomer page loads after the pop').toEqual([]);

  // KUS-6: the record follows the call and is reassigned to agent 2, with a note.
  await expect.poll(() => kustomer.store.conversations.get(recordId)?.assignedUsers).toEqual([CRM_USER_IDS.agent2]);
  await expect.poll(() => kustomer.store.notesOf(recordId).map((n) => n.body)).toContain(`Transferred from ${AGENT} to ${AGENT_EMAILS.agent2}.`);
  await expect(agent2.recordCard(id)).toContainText(recordId);
  await expect(agent2.recordCard(id).getByTestId('write-state')).toHaveText('Saved in Kustomer');

  // Hang up at agent 2: the caller's leg ends, the session ends, and the recording note (KUS-3) arrives.
  await agent2.callCard.getByRole('button', { name: /^Hang up/ }).click();
  await caller.waitForCall(transferred, 'Terminated');
  await expect.poll(() => sim.session(id)?.state).toBe('ended');
  await expect(agent2.callCard).toHaveCount(0);
  await expect
    .poll(() => kustomer.store.notesOf(recordId).find((n) => n.body.startsWith('Call recording'))?.body)
    .toMatch(new RegExp(`^Call recording \\(\\d+s\\): ${sim.url}/media/recordings/${id}\\.wav$`));
  // One conversation for the whole call, across the transfer.
  expect([...kustomer.store.conversations.values()].filter((c) => c.customerId === conversation?.customerId)).toHaveLength(1);
});

test('the keyboard answers and hangs up: Alt+A, two-way audio, pop; Alt+E', async ({ desktop }) => {
  const agent = await availableAgent(desktop);
  const caller = await desktop.caller(CUSTOMER);
  const { id, call } = await ringAgent(desktop, agent, caller);

  await agent.page.keyboard.press('Alt+KeyA');
  await expectTwoWayAudio(desktop, agent, caller, id, call);
  await expect(agent.recordCard(id).getByTestId('write-state')).toHaveText('Saved in Kustomer');
  const recordId = agent.session(id)?.record?.recordId as string;
  await expect(agent.kustomer.getByTestId('view')).toHaveAttribute('data-rendered', `/app/conversations/${recordId}`);

  await agent.page.keyboard.press('Alt+KeyE');
  await caller.waitForCall(call, 'Terminated');
  await expect.poll(() => desktop.sim.session(id)?.state).toBe('ended');
  await expect(agent.callCard).toHaveCount(0);
  expect(agent.state().callHistory[0]).toMatchObject({ sessionId: id, direction: 'in', number: CUSTOMER, outcome: 'answered' });
});
