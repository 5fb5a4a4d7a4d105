// SOFT-1 transfers over real SIP. Blind: session:transfer to the contact center, then a REFER
// whose Refer-To is the target agent's URI with X-Session-Id; the caller follows it and agent 2's
// phone matches the new INVITE to the session the contact center offered it. Attended: hold the
// caller, consult agent 2, then REFER with Replaces; cancelling resumes the caller.
import { expect, test } from './support/fixtures.js';
import type { Agent, Caller } from './support/parties.js';

async function inCall(agent: Agent, caller: Caller, sessionId: string): Promise<number> {
  await agent.offer({ id: sessionId });
  const call = await caller.call(agent.uri, sessionId);
  await expect.poll(() => agent.incoming()).toContain(sessionId);
  await agent.ok('answer', sessionId);
  await caller.waitForCall(call, 'Established');
  return call;
}

test('blind transfer: the caller follows the REFER to agent 2 with the same X-Session-Id', async ({ openAgent, openCaller }) => {
  const a1 = await openAgent('ag-1001');
  const a2 = await openAgent('ag-1002');
  await a1.register();
  await a2.register();
  const caller = await openCaller();
  const first = await inCall(a1, caller, 'S-4001');

  await a1.ok('transferBlind', 'S-4001', { kind: 'agent', agentId: 'ag-1002' });
  expect((await a1.waitForContract('session:transfer', 'S-4001')).request).toEqual({ sessionId: 'S-4001', toAgentId: 'ag-1002' });
  // The contact center offers the session to agent 2.
  await a2.offer({ id: 'S-4001' });

  await expect.poll(async () => (await caller.state()).refers).toEqual([
    { call: first, referTo: 'sip:ag-1002@agentdesk.test?X-Session-Id=S-4001', sessionId: 'S-4001', replaces: null },
  ]);
  await expect.poll(() => a2.incoming()).toEqual(['S-4001']);
  await a2.ok('answer', 'S-4001');
  const second = first + 1;
  await caller.waitForCall(second, 'Established');
  expect((await caller.state()).calls[second]).toMatchObject({ sessionId: 'S-4001', referredFrom: first });
  // Agent 1 leaves once the caller reports success; the caller now talks to agent 2.
  await caller.waitForCall(first, 'Terminated');
  await a1.waitForSip('S-4001', null);
  await a2.waitForAudioIn('S-4001');
  await caller.waitForAudioIn(second);
  expect((await a1.calls('session:end')).length).toBe(0);
});

test('blind transfer refused by the contact center: nothing happens in SIP', async ({ openAgent, openCaller }) => {
  const a1 = await openAgent('ag-1001');
  await a1.register();
  const caller = await openCaller();
  const call = await inCall(a1, caller, 'S-4002');
  await a1.reply('session:transfer', { ok: false, error: { code: 'conflict', message: 'agent ag-1002 has no room for this session' } });
  const r = await a1.run('transferBlind', 'S-4002', { kind: 'agent', agentId: 'ag-1002' });
  expect(r).toEqual({ ok: false, error: { code: 'conflict', message: 'agent ag-1002 has no room for this session' } });
  expect((await caller.state()).refers).toEqual([]);
  await a1.waitForAudioIn('S-4002');
  expect((await caller.state()).calls[call]?.state).toBe('Established');
});

test('transfer to a queue: session:transfer, and this leg ends (the contact center delivers the call)', async ({ openAgent, openCaller }) => {
  const a1 = await openAgent('ag-1001');
  await a1.register();
  const caller = await openCaller();
  const call = await inCall(a1, caller, 'S-4003');
  await a1.ok('transferBlind', 'S-4003', { kind: 'queue', queueId: 'q-technical' });
  expect((await a1.waitForContract('session:transfer', 'S-4003')).request).toEqual({ sessionId: 'S-4003', toQueueId: 'q-technical' });
  await caller.waitForCall(call, 'Terminated');
  await a1.waitForSip('S-4003', null);
  expect((await caller.state()).refers).toEqual([]);
  expect((await a1.calls('session:end')).length).toBe(0);
});

test('attended transfer: hold, consult agent 2, then REFER with Replaces; the caller ends up with agent 2', async ({ openAgent, openCaller }) => {
  const a1 = await openAgent('ag-1001');
  const a2 = await openAgent('ag-1002');
  await a1.register();
  await a2.register();
  const caller = await openCaller();
  const first = await inCall(a1, caller, 'S-4004');

  await a1.ok('transferAttended', 'S-4004', { kind: 'agent', agentId: 'ag-1002' });
  // The caller is on hold, agent 2 is consulted (its phone answers a colleague's consult itself).
  expect((await a1.snapshot()).calls['S-4004']).toMatchObject({ held: true });
  expect(await caller.stats(first)).toMatchObject({ localDirection: 'recvonly' });
  await expect.poll(async () => (await a1.snapshot()).calls['S-4004']?.consult).toEqual({ target: { kind: 'agent', agentId: 'ag-1002' }, status: 'connected' });
  await expect.poll(async () => (await a2.debug()).consultsIn).toBe(1);
  expect(await a2.incoming()).toEqual([]);
  expect((await a1.calls('session:transfer')).length).toBe(0);

  await a1.ok('completeAttendedTransfer', 'S-4004');
  expect((await a1.waitForContract('session:transfer', 'S-4004')).request).toEqual({ sessionId: 'S-4004', toAgentId: 'ag-1002' });
  await a2.offer({ id: 'S-4004' });

  await expect.poll(async () => (await caller.state()).refers.length).toBe(1);
  const refer = (await caller.state()).refers[0];
  expect(refer).toMatchObject({ call: first, sessionId: 'S-4004' });
  expect(refer?.replaces).toMatch(/;to-tag=.+;from-tag=.+/);
  const second = first + 1;
  await caller.waitForCall(second, 'Established');
  expect((await caller.state()).calls[second]).toMatchObject({ sessionId: 'S-4004', referredFrom: first, replaces: refer?.replaces });
  // Agent 2 took it without ringing (it replaced the consult) and told the contact center.
  await a2.waitForContract('session:accept', 'S-4004');
  expect((await a2.debug()).inviteDecisions).toContainEqual({ sessionId: 'S-4004', kind: 'accept' });
  await expect.poll(async () => (await a2.debug()).consultsIn).toBe(0);
  await caller.waitForCall(first, 'Terminated');
  await a1.waitForSip('S-4004', null);
  await a2.waitForAudioIn('S-4004');
  await caller.waitForAudioIn(second);
});

test('attended transfer cancelled: the consult ends and the caller is resumed', async ({ openAgent, openCaller }) => {
  const a1 = await openAgent('ag-1001');
  const a2 = await openAgent('ag-1002');
  await a1.register();
  await a2.register();
  const caller = await openCaller();
  const call = await inCall(a1, caller, 'S-4005');

  await a1.ok('transferAttended', 'S-4005', { kind: 'agent', agentId: 'ag-1002' });
  await expect.poll(async () => (await a1.snapshot()).calls['S-4005']?.consult?.status).toBe('connected');
  await a1.ok('cancelAttendedTransfer', 'S-4005');
  expect((await a1.snapshot()).calls['S-4005']).toMatchObject({ held: false, consult: null });
  await expect.poll(async () => (await a2.debug()).consultsIn).toBe(0);
  expect(await a1.stats('S-4005')).toMatchObject({ localDirection: 'sendrecv', remoteDirection: 'sendrecv' });
  await a1.waitForAudioIn('S-4005');
  await caller.waitForAudioIn(call);
  expect((await a1.calls('session:transfer')).length).toBe(0);
  expect((await caller.state()).refers).toEqual([]);
});

test('a consult to an agent who is in a call fails (486); the caller can be resumed', async ({ openAgent, openCaller }) => {
  const a1 = await openAgent('ag-1001');
  const a2 = await openAgent('ag-1002');
  await a1.register();
  await a2.register();
  const c1 = await openCaller('+821011110001');
  const c2 = await openCaller('+821011110002');
  await inCall(a1, c1, 'S-4006');
  await inCall(a2, c2, 'S-4007');

  await a1.ok('transferAttended', 'S-4006', { kind: 'agent', agentId: 'ag-1002' });
  await expect.poll(async () => (await a1.snapshot()).calls['S-4006']?.consult?.status).toBe('failed');
  expect((await a2.debug()).inviteDecisions).toContainEqual({ sessionId: null, kind: 'consult-busy', status: 486 });
  await a1.ok('cancelAttendedTransfer', 'S-4006');
  expect((await a1.snapshot()).calls['S-4006']).toMatchObject({ held: false, consult: null });
});

test('a "consultation" from a customer line is refused (403), never answered by itself', async ({ openAgent, openCaller }) => {
  const a2 = await openAgent('ag-1002');
  await a2.register();
  const intruder = await openCaller('+821055554444');
  const call = await intruder.call(a2.uri, 'S-4008', ['X-AgentDesk-Consult: 1']);
  await intruder.waitForCall(call, 'Terminated');
  expect((await intruder.state()).calls[call]?.finalStatus).toBe(403);
  expect((await a2.debug()).consultsIn).toBe(0);
});
