// CHAT-1, KUS-9, KUS-10 through the whole desktop: a web chat whose consumer writes before and after
// the agent connects; the agent answers, replies from the chat panel with Enter, sees the consumer's
// messages live, and ends the chat; the transcript is attached to the Kustomer conversation.
import { AGENT, CRM_USER_IDS, QUEUE_IDS, expect, test } from './support/fixtures.js';

test('a web chat from the first message to the transcript in Kustomer', async ({ desktop }) => {
  const { sim, kustomer } = desktop;
  const agent = await desktop.open();
  await agent.signInToKustomer();
  await agent.chooseStatus('Available');
  await expect.poll(() => sim.agents().find((a) => a.email === AGENT)?.statusId).toBe('available');

  // The consumer writes before an agent is assigned, and again while it rings.
  const before = ['Hello, my order A-77 has not arrived.', 'It was due on Monday.'];
  const id = sim.inbound({ type: 'chat_inbound_web', queueId: QUEUE_IDS.webChat, name: 'Hana Yoon', email: 'hana.yoon@example.com', language: 'en', initialMessages: before });
  await expect(agent.offer).toContainText('Incoming chat from Hana Yoon');
  const whileRinging = 'Is anyone there?';
  sim.consumerMessage(id, whileRinging);
  await expect.poll(() => agent.session(id)?.messages.map((m) => m.text)).toEqual([...before, whileRinging]);

  await agent.offer.getByRole('button', { name: /^Answer/ }).click();
  await expect.poll(() => sim.session(id)?.state).toBe('connected');
  const chat = agent.page.getByTestId('chat-panel');
  await expect(chat.getByRole('tab', { name: /Hana Yoon/ })).toHaveAttribute('aria-selected', 'true');
  const log = chat.getByRole('log', { name: 'Messages with Hana Yoon' });
  for (const text of [...before, whileRinging]) await expect(log).toContainText(text);

  // The agent replies with Enter; the message goes through the contact center and shows as "You".
  const reply = 'Sorry about that! Let me check order A-77.';
  const composer = chat.getByRole('textbox', { name: 'Message to Hana Yoon' });
  await composer.fill(reply);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
  await expect(log.locator('.message--agent')).toContainText(reply);
  await expect(log.locator('.message--agent')).toContainText('You');
  await expect.poll(() => sim.session(id)?.messages.filter((m) => m.from === 'agent').map((m) => m.text)).toEqual([reply]);

  // The consumer answers: it appears live.
  const after = 'Thank you, I will wait.';
  sim.consumerMessage(id, after);
  await expect(log.locator('.message--consumer').last()).toContainText(after);

  // The conversation was created at connect and popped in the pane, assigned to the agent.
  await expect(agent.recordCard(id).getByTestId('write-state')).toHaveText('Saved in Kustomer');
  const recordId = agent.session(id)?.record?.recordId as string;
  expect(kustomer.store.conversations.get(recordId)).toMatchObject({ status: 'open', assignedUsers: [CRM_USER_IDS.agent1] });
  expect(kustomer.store.conversations.get(recordId)?.tags).toEqual(expect.arrayContaining(['Messaging Inbound - Web Chat']));
  await expect(agent.kustomer.getByTestId('view')).toHaveAttribute('data-rendered', `/app/conversations/${recordId}`);

  // The agent ends the chat; KUS-9: the transcript file is attached to the conversation.
  await chat.getByRole('button', { name: 'End chat' }).click();
  await expect.poll(() => sim.session(id)?.state).toBe('ended');
  await expect(chat).toContainText('This chat has ended.');
  await expect(chat.getByRole('textbox', { name: 'Message to Hana Yoon' })).toHaveCount(0);
  await expect.poll(() => kustomer.store.notesOf(recordId).some((n) => n.attachments.some((a) => a.name === `chat-transcript-${id}.txt`))).toBe(true);
  const note = kustomer.store.notesOf(recordId).find((n) => n.attachments.some((a) => a.name === `chat-transcript-${id}.txt`));
  expect(note?.body).toContain('Chat transcript (5 messages)');
  const file = kustomer.store.attachments.get(note?.attachments[0]?._id as string);
  expect(file).toMatchObject({ uploaded: true, contentType: expect.stringMatching(/^text\/plain/) as unknown as string });
  const transcript = file?.bytes?.toString('utf8') ?? '';
  expect(transcript).toContain(`Chat transcript ${id}`);
  for (const text of [...before, whileRinging, after]) expect(transcript).toContain(`Customer: ${text}`);
  expect(transcript).toContain(`Agent: ${reply}`);
  // In the order they were written.
  const order = [...before, whileRinging, reply, after].map((text) => transcript.indexOf(text));
  expect(order).toEqual([...order].sort((a, b) => a - b));
});
