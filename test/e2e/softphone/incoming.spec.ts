// SOFT-1: registration over WebSocket, and incoming calls matched to the core's voice session by
// X-Session-Id: answered (SIP and session:accept, audio both ways), rejected, hung up from either
// side; an INVITE without a matching session is rejected; a session without an INVITE rings
// through the core only.
import { expect, test } from './support/fixtures.js';

test('registers with Kamailio and reports it to the core (softphone:report)', async ({ openAgent }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const reports = await agent.calls('softphone:report');
  expect(reports.at(-1)?.request).toMatchObject({ registered: true });
});

test('an incoming call is matched to its session, rings, is answered, and audio flows both ways', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const caller = await openCaller();
  await agent.offer({ id: 'S-1001' });
  const call = await caller.call(agent.uri, 'S-1001');

  await expect.poll(() => agent.incoming()).toEqual(['S-1001']);
  expect((await agent.snapshot()).calls['S-1001']).toMatchObject({ status: 'ringing', muted: false, held: false });

  await agent.ok('answer', 'S-1001');
  await agent.waitForContract('session:accept', 'S-1001');
  await caller.waitForCall(call, 'Established');
  await agent.waitForCallStatus('S-1001', 'active');
  // Two-way audio: each side keeps receiving RTP.
  await agent.waitForAudioIn('S-1001');
  await caller.waitForAudioIn(call);
});

test('the agent hangs up: BYE to the caller and session:end', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const caller = await openCaller();
  await agent.offer({ id: 'S-1002' });
  const call = await caller.call(agent.uri, 'S-1002');
  await expect.poll(() => agent.incoming()).toContain('S-1002');
  await agent.ok('answer', 'S-1002');
  await caller.waitForCall(call, 'Established');

  await agent.ok('hangup', 'S-1002');
  await caller.waitForCall(call, 'Terminated');
  await agent.waitForContract('session:end', 'S-1002');
  await agent.waitForSip('S-1002', null);
  await agent.waitForCallStatus('S-1002', undefined);
});

test('the caller hangs up: the SIP call ends and the core is told (session:end)', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const caller = await openCaller();
  await agent.offer({ id: 'S-1003' });
  const call = await caller.call(agent.uri, 'S-1003');
  await expect.poll(() => agent.incoming()).toContain('S-1003');
  await agent.ok('answer', 'S-1003');
  await caller.waitForCall(call, 'Established');
  await agent.waitForCallStatus('S-1003', 'active');

  await caller.hangup(call);
  await agent.waitForSip('S-1003', null);
  await agent.waitForContract('session:end', 'S-1003');
  await agent.waitForCallStatus('S-1003', undefined);
});

test('reject: 603 Decline to the caller and session:reject', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const caller = await openCaller();
  await agent.offer({ id: 'S-1004' });
  const call = await caller.call(agent.uri, 'S-1004');
  await expect.poll(() => agent.incoming()).toContain('S-1004');

  await agent.ok('reject', 'S-1004');
  await caller.waitForCall(call, 'Terminated');
  expect((await caller.state()).calls[call]?.finalStatus).toBe(603);
  await agent.waitForContract('session:reject', 'S-1004');
  expect((await agent.calls('session:accept')).length).toBe(0);
  await agent.waitForCallStatus('S-1004', undefined);
});

test('an INVITE whose session the core never offers waits, then is rejected 480; one without X-Session-Id at once', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001', { inviteWaitMs: 1500 });
  await agent.register();
  const caller = await openCaller();
  const unknown = await caller.call(agent.uri, 'S-9999');
  const bare = await caller.call(agent.uri, null);
  await caller.waitForCall(bare, 'Terminated');
  await caller.waitForCall(unknown, 'Terminated');
  expect((await caller.state()).calls.map((c) => c.finalStatus)).toEqual([480, 480]);
  const decisions = (await agent.debug()).inviteDecisions;
  expect(decisions).toEqual(
    expect.arrayContaining([
      { sessionId: null, kind: 'reject', status: 480 },
      { sessionId: 'S-9999', kind: 'wait' },
      { sessionId: 'S-9999', kind: 'reject', status: 480 },
    ]),
  );
  expect(await agent.incoming()).toEqual([]);
  expect((await agent.calls()).filter((c) => c.channel.startsWith('session:'))).toEqual([]);
});

test('an INVITE that arrives before its session.assigned waits for it, then rings', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const caller = await openCaller();
  const call = await caller.call(agent.uri, 'S-1005');
  await expect.poll(async () => (await agent.debug()).inviteDecisions).toContainEqual({ sessionId: 'S-1005', kind: 'wait' });
  await agent.offer({ id: 'S-1005' });
  await expect.poll(() => agent.incoming()).toEqual(['S-1005']);
  await agent.ok('answer', 'S-1005');
  await caller.waitForCall(call, 'Established');
});

test('a session without an INVITE rings through the core only; answering it accepts the INVITE when it comes', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  await agent.offer({ id: 'S-1006' });
  // The core's offer shows; no SIP call, nothing announced by the phone.
  await agent.waitForCallStatus('S-1006', 'ringing');
  expect(await agent.incoming()).toEqual([]);
  expect((await agent.debug()).calls).toEqual([]);

  await agent.ok('answer', 'S-1006');
  await agent.waitForContract('session:accept', 'S-1006');
  await agent.waitForCallStatus('S-1006', 'active');

  // The audio arrives late: accepted at once, since the agent already answered.
  const caller = await openCaller();
  const call = await caller.call(agent.uri, 'S-1006');
  await caller.waitForCall(call, 'Established');
  await agent.waitForAudioIn('S-1006');
  expect((await agent.calls('session:accept')).length).toBe(1);
});

test('the core ends a ringing session (ring timeout, answered elsewhere): the INVITE is rejected', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  await agent.register();
  const caller = await openCaller();
  await agent.offer({ id: 'S-1007' });
  const call = await caller.call(agent.uri, 'S-1007');
  await expect.poll(() => agent.incoming()).toContain('S-1007');
  await agent.page.evaluate(() => window.agentHarness.push([]));
  await caller.waitForCall(call, 'Terminated');
  expect((await caller.state()).calls[call]?.finalStatus).toBe(480);
  await agent.waitForSip('S-1007', null);
  expect((await agent.calls()).filter((c) => c.channel.startsWith('session:'))).toEqual([]);
});
