// SOFT-1 outbound calls (also what click-to-call from the Kustomer page ends in): call:dial first;
// the contact center answers with the session id and offers a voice_outbound session; the phone
// then INVITEs the dialled number through Kamailio with X-Session-Id, and tells the contact
// center (session:accept) when the customer answers.
import { expect, test } from './support/fixtures.js';

test('dial: call:dial, then an INVITE to the number carrying the session id; answered, audio both ways', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const customer = await openCaller('+821099998888');
  await agent.page.evaluate(() => window.agentHarness.queueDialSessionId('S-5001'));

  expect(await agent.ok('dial', '+82 10-9999-8888')).toEqual({ sessionId: 'S-5001' });
  expect((await agent.waitForContract('call:dial')).request).toEqual({ number: '+82 10-9999-8888' });
  await expect.poll(async () => (await customer.state()).calls.length).toBe(1);
  const call = (await customer.state()).calls[0];
  expect(call).toMatchObject({ direction: 'in', sessionId: 'S-5001' });
  await customer.waitForCall(0, 'Established');
  await agent.waitForContract('session:accept', 'S-5001');
  await agent.waitForCallStatus('S-5001', 'active');
  await agent.waitForAudioIn('S-5001');
  await customer.waitForAudioIn(0);
  // The phone never announced its own dial as an incoming call.
  expect(await agent.incoming()).toEqual([]);

  await agent.ok('hangup', 'S-5001');
  await customer.waitForCall(0, 'Terminated');
  await agent.waitForContract('session:end', 'S-5001');
});

test('hanging up while the customer still rings cancels the INVITE (CANCEL) and ends the session', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const customer = await openCaller('+821099997777', false);
  await agent.page.evaluate(() => window.agentHarness.queueDialSessionId('S-5002'));
  await agent.ok('dial', '+821099997777', { queueId: 'q-billing' });
  expect((await agent.waitForContract('call:dial')).request).toEqual({ number: '+821099997777', queueId: 'q-billing' });
  await customer.waitForCall(0, 'Initial');
  await agent.ok('hangup', 'S-5002');
  await customer.waitForCall(0, 'Terminated');
  await agent.waitForContract('session:end', 'S-5002');
  expect((await agent.calls('session:accept')).length).toBe(0);
});

test('a number nobody answers for (404 from Kamailio): the unanswered dial ends (session:end)', async ({ openAgent }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  await agent.page.evaluate(() => window.agentHarness.queueDialSessionId('S-5003'));
  await agent.ok('dial', '+821000000000');
  await agent.waitForContract('session:end', 'S-5003');
  await agent.waitForSip('S-5003', null);
});

test('dial refused by the contact center: no INVITE', async ({ openAgent }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  await agent.reply('call:dial', { ok: false, error: { code: 'conflict', message: 'agent1@acme.test is already in a call' } });
  const r = await agent.run('dial', '+821099998888');
  expect(r).toEqual({ ok: false, error: { code: 'conflict', message: 'agent1@acme.test is already in a call' } });
  expect((await agent.page.evaluate(() => window.agentHarness.sipSent())).filter((m) => m.method === 'INVITE')).toEqual([]);
  const bad = await agent.run('dial', 'call me');
  expect(bad).toMatchObject({ ok: false, error: { code: 'bad_number' } });
});
