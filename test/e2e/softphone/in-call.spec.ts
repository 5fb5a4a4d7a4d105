// SOFT-1 in-call controls over real SIP: hold/resume (re-INVITE sendonly/sendrecv), mute (the
// microphone track is disabled), DTMF (RFC 4733 through RTCDTMFSender, or SIP INFO), device
// choice, and an ICE restart that keeps the audio.
import { expect, test } from './support/fixtures.js';
import type { Agent, Caller } from './support/parties.js';

async function connected(agent: Agent, caller: Caller, sessionId: string): Promise<number> {
  await agent.register();
  await agent.offer({ id: sessionId });
  const call = await caller.call(agent.uri, sessionId);
  await expect.poll(() => agent.incoming()).toContain(sessionId);
  await agent.ok('answer', sessionId);
  await caller.waitForCall(call, 'Established');
  await agent.waitForAudioIn(sessionId);
  await caller.waitForAudioIn(call);
  return call;
}

test('hold and resume: re-INVITE sendonly, the caller answers recvonly; resume returns both to sendrecv', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  const caller = await openCaller();
  const call = await connected(agent, caller, 'S-2001');

  await agent.ok('hold', 'S-2001', true);
  expect((await agent.snapshot()).calls['S-2001']).toMatchObject({ held: true });
  const held = await agent.stats('S-2001');
  expect(held).toMatchObject({ localDirection: 'sendonly', remoteDirection: 'recvonly', currentDirection: 'sendonly', senderEnabled: false });
  expect(await caller.stats(call)).toMatchObject({ localDirection: 'recvonly', remoteDirection: 'sendonly' });

  await agent.ok('hold', 'S-2001', false);
  expect((await agent.snapshot()).calls['S-2001']).toMatchObject({ held: false });
  expect(await agent.stats('S-2001')).toMatchObject({ localDirection: 'sendrecv', remoteDirection: 'sendrecv', currentDirection: 'sendrecv', senderEnabled: true });
  expect(await caller.stats(call)).toMatchObject({ localDirection: 'sendrecv', remoteDirection: 'sendrecv' });
  await agent.waitForAudioIn('S-2001');
  await caller.waitForAudioIn(call);
  // Hold is a SIP matter only: no contract call.
  expect((await agent.calls()).map((c) => c.channel).filter((c) => c.startsWith('session:'))).toEqual(['session:accept']);
});

test('mute disables the microphone track (the call stays up), unmute enables it', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  const caller = await openCaller();
  const call = await connected(agent, caller, 'S-2002');

  await agent.ok('mute', 'S-2002', true);
  expect((await agent.snapshot()).calls['S-2002']).toMatchObject({ muted: true });
  expect(await agent.stats('S-2002')).toMatchObject({ senderEnabled: false, localDirection: 'sendrecv' });
  // Still connected both ways (a muted track sends silence), and the far end is unaware.
  await caller.waitForAudioIn(call);

  await agent.ok('mute', 'S-2002', false);
  expect((await agent.snapshot()).calls['S-2002']).toMatchObject({ muted: false });
  expect(await agent.stats('S-2002')).toMatchObject({ senderEnabled: true });
});

test('DTMF by RFC 4733: the negotiated telephone-event sender plays each tone', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  const caller = await openCaller();
  await connected(agent, caller, 'S-2003');

  await agent.ok('sendDtmf', 'S-2003', '12#');
  await expect.poll(() => agent.page.evaluate(() => window.agentHarness.tonesPlayed('S-2003'))).toEqual(['1', '2', '#']);
  const call = (await agent.debug()).calls.find((c) => c.sessionId === 'S-2003');
  expect(call?.dtmf).toEqual([
    { tone: '1', via: 'rfc4733' },
    { tone: '2', via: 'rfc4733' },
    { tone: '#', via: 'rfc4733' },
  ]);
  // Nothing went by INFO.
  expect((await caller.state()).infos).toEqual([]);
  const bad = await agent.run('sendDtmf', 'S-2003', '1x');
  expect(bad).toMatchObject({ ok: false, error: { code: 'bad_tones' } });
});

test('DTMF by SIP INFO: the far end receives application/dtmf-relay, one tone each', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001', { dtmf: 'info' });
  const caller = await openCaller();
  const call = await connected(agent, caller, 'S-2004');

  await agent.ok('sendDtmf', 'S-2004', '9*A');
  await expect.poll(async () => (await caller.state()).infos.map((i) => [i.call, i.signal, i.durationMs])).toEqual([
    [call, '9', 100],
    [call, '*', 100],
    [call, 'A', 100],
  ]);
});

test('an ICE restart (re-INVITE with new ICE credentials) keeps the audio flowing both ways', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  const caller = await openCaller();
  const call = await connected(agent, caller, 'S-2005');
  const before = await agent.stats('S-2005');
  const callerBefore = await caller.stats(call);

  expect(await agent.page.evaluate(() => window.agentHarness.restartIce('S-2005'))).toBe(true);
  const after = await agent.stats('S-2005');
  expect(after?.localIceUfrag).not.toBe(before?.localIceUfrag);
  await expect.poll(async () => (await caller.stats(call))?.localIceUfrag).not.toBe(callerBefore?.localIceUfrag);
  await expect.poll(async () => (await agent.stats('S-2005'))?.iceState).toMatch(/connected|completed/);
  await agent.waitForAudioIn('S-2005');
  await caller.waitForAudioIn(call);
  expect((await agent.debug()).log.some((l) => l.includes('ICE restart for S-2005'))).toBe(true);
});

test('an ICE restart while on hold keeps the hold', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  const caller = await openCaller();
  await connected(agent, caller, 'S-2006');
  await agent.ok('hold', 'S-2006', true);
  expect(await agent.page.evaluate(() => window.agentHarness.restartIce('S-2006'))).toBe(true);
  expect(await agent.stats('S-2006')).toMatchObject({ localDirection: 'sendonly', remoteDirection: 'recvonly' });
  await agent.ok('hold', 'S-2006', false);
  await agent.waitForAudioIn('S-2006');
});

test('devices: the remote audio plays on the chosen speaker; a new microphone replaces the sending track', async ({ openAgent, openCaller }) => {
  const agent = await openAgent('ag-1001');
  const caller = await openCaller();
  const call = await connected(agent, caller, 'S-2007');
  const devices = await agent.page.evaluate(() => window.agentHarness.devices());
  const mic = devices.find((d) => d.kind === 'audioinput' && d.deviceId !== 'default');
  const speaker = devices.find((d) => d.kind === 'audiooutput' && d.deviceId !== 'default');
  // Chromium's fake devices: "Fake Audio Input 1/2", "Fake Audio Output 1/2".
  expect(mic, JSON.stringify(devices)).toBeTruthy();
  expect(speaker, JSON.stringify(devices)).toBeTruthy();

  const r = await agent.run('setDevices', { microphoneId: mic?.deviceId ?? null, speakerId: speaker?.deviceId ?? null, ringerId: null });
  expect(r).toEqual({ ok: true, value: undefined });
  expect((await agent.snapshot()).devices.microphoneId).toBe(mic?.deviceId);
  await expect.poll(() => agent.page.evaluate(() => window.agentHarness.senderLabel('S-2007'))).toBe(mic?.label);
  expect((await agent.debug()).calls[0]?.sinkId).toBe(speaker?.deviceId);
  await caller.waitForAudioIn(call);
});
