// ADMIN-1 with REC-1, REC-7 and REC-8 through the whole desktop: an admin changes the record rules
// on the admin screen of their own AgentDesk and saves; the contact center hands the settings to
// every desk, and the next session of another agent makes its Kustomer record by the new rules.
import { AGENT, AGENT_EMAILS, QUEUE_IDS, expect, test } from './support/fixtures.js';

const CUSTOMER = '+821012345678';
const TEMPLATE = 'E2E {CALL_TYPE} | {MENU_PATH} | {CALL_ID}';

test('an admin turns REC-1 and the session-type tag off and edits the subject; the next call makes a new record that says so', async ({ desktop }) => {
  const { sim, kustomer } = desktop;
  const agent = await desktop.open();
  await agent.chooseStatus('Available');
  await expect.poll(() => sim.agents().find((a) => a.email === AGENT)?.statusId).toBe('available');

  // Before: a call from the customer makes a record with the default subject and tags; the caller
  // hangs up while it rings, which leaves that record open (REC-1 would append the next call to it).
  const first = sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: CUSTOMER });
  await expect(agent.recordCard(first)).toContainText(`IVR call ${first} - Support > Billing`);
  await expect(agent.recordCard(first).getByTestId('write-state')).toHaveText('Saved in Kustomer');
  const r1 = agent.session(first)?.record?.recordId as string;
  expect(kustomer.store.conversations.get(r1)).toMatchObject({ name: `IVR call ${first} - Support > Billing`, status: 'open' });
  expect(kustomer.store.conversations.get(r1)?.tags).toContain('Voice Inbound - IVR');
  sim.abandon(first);
  await expect.poll(() => kustomer.store.notesOf(r1).some((n) => n.body.startsWith('The caller hung up before an agent answered'))).toBe(true);

  // The admin (another user, role admin) edits the settings on the admin screen and saves.
  const admin = await desktop.open({ agent: AGENT_EMAILS.agent3, roles: ['agent', 'admin'] });
  await admin.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Admin' }).click();
  const screen = admin.page.getByTestId('admin');
  await expect(screen.getByRole('heading', { name: 'Administration' })).toBeVisible();
  const rec1 = screen.getByRole('switch', { name: /Append to the latest open record of the same leaf queue/ });
  await expect(rec1).toBeChecked();
  await rec1.uncheck();
  const rec8 = screen.getByRole('switch', { name: /Tag records with the session type/ });
  await rec8.uncheck();
  const subject = screen.getByRole('textbox', { name: 'Subject template (REC-7)' });
  await subject.fill(TEMPLATE);
  await expect(screen.getByTestId('subject-preview')).toContainText('E2E IVR call | ');
  await expect(screen.getByTestId('save-status')).toHaveText('Unsaved changes');
  await screen.getByTestId('save-settings').click();
  await expect(screen.getByTestId('save-status')).toHaveText('Saved.');

  // The contact center keeps the settings and sends them to every desk, agent 1's included.
  expect(sim.settings().recordCreation).toMatchObject({ appendToOpenRecordSameLeafQueue: false, sessionTypeTag: false, subjectTemplate: TEMPLATE });
  await expect.poll(() => agent.state().settings.recordCreation).toMatchObject({ appendToOpenRecordSameLeafQueue: false, sessionTypeTag: false, subjectTemplate: TEMPLATE });

  // After: the same customer calls the same queue again; agent 1's desk makes a new record (REC-1
  // off) with the new subject, and without the session-type tag (the platform tag stays).
  const next = sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: CUSTOMER });
  const expected = `E2E IVR call | Support > Billing | ${next}`;
  await expect(agent.recordCard(next)).toContainText(expected);
  await expect(agent.recordCard(next).getByTestId('write-state')).toHaveText('Saved in Kustomer');
  const r2 = agent.session(next)?.record?.recordId as string;
  expect(r2).not.toBe(r1);
  const conversation = kustomer.store.conversations.get(r2);
  expect(conversation).toMatchObject({ name: expected, customerId: kustomer.store.conversations.get(r1)?.customerId });
  expect(conversation?.tags).toContain('AgentDesk');
  expect(conversation?.tags).not.toContain('Voice Inbound - IVR');
  // The first record was left as it was.
  expect(kustomer.store.conversations.get(r1)?.name).toBe(`IVR call ${first} - Support > Billing`);
});
