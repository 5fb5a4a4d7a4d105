// SOFT-1 "register over WSS", with the digest authentication a real SIP server asks for: a real
// Kamailio with TLS (a fresh self-signed certificate for 127.0.0.1, which this spec's Chromium
// accepts with --ignore-certificate-errors, as a managed machine would trust the SBC's CA) that
// challenges every REGISTER. The SipPhone registers with the password the core hands it
// (softphone:getPassword), a call over WSS has two-way audio, and a wrong password ends in a plain
// "refused" state instead of a loop of attempts.
import { debianChromium } from '../../support/debian-chromium.js';
import { expect, test } from './support/fixtures.js';

const PASSWORD = 'agent-s3cret';
const chromium = debianChromium();
test.use({
  kamailioOptions: { wss: true, authPassword: PASSWORD },
  launchOptions: { ...chromium, args: [...(chromium.args ?? []), '--ignore-certificate-errors'] },
});

test('registers over WSS with digest authentication; a call over WSS has two-way audio', async ({ openAgent, openCaller, kamailio }) => {
  const wss = kamailio.wssUrl;
  expect(wss).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
  const agent = await openAgent('ag-1001', {}, { server: wss!, credentials: { password: PASSWORD } });
  await agent.register();
  // Kamailio challenged the REGISTER (401) and accepted the one with credentials: two REGISTERs,
  // both over TLS.
  const registers = kamailio.log.filter((l) => /REQ REGISTER /.test(l));
  expect(registers.length).toBeGreaterThanOrEqual(2);
  expect(registers.every((l) => /\(wss\)/.test(l))).toBe(true);

  await agent.offer({ id: 'S-4001' });
  const caller = await openCaller('+821012345678', true, { server: wss!, password: PASSWORD });
  const call = await caller.call(agent.uri, 'S-4001');
  await expect.poll(() => agent.incoming()).toContain('S-4001');
  await agent.ok('answer', 'S-4001');
  await caller.waitForCall(call, 'Established');
  await caller.waitForAudioIn(call);
  await expect.poll(async () => (await agent.stats('S-4001'))?.packetsReceived ?? 0).toBeGreaterThan(0);
});

test('a wrong password is refused plainly (401), with no loop of attempts', async ({ openAgent, kamailio }) => {
  const agent = await openAgent('ag-1002', {}, { server: kamailio.wssUrl!, credentials: { password: 'not-the-password' } });
  await agent.run('register');
  await agent.waitForRegistration('failed');
  expect((await agent.snapshot()).detail).toMatch(/refused the registration: 401/);
  // sip.js answers one challenge; the phone then waits (refusedRetryMs) instead of hammering the server.
  const registers = () => kamailio.log.filter((l) => /REQ REGISTER /.test(l)).length;
  const seen = registers();
  await new Promise((r) => setTimeout(r, 2000));
  expect(registers()).toBe(seen);
  expect(seen).toBeLessThanOrEqual(2);
});
