// Sign-in and sign-out against the real simulator: without a token the core starts signed out and
// connects nothing; `auth:signIn` with a good token connects, gets `hello` and only then stores the
// token, through the secrets port only; a refused token stores nothing and says why in both
// languages; `auth:signOut` stops the engines with the outbox still journalled under the identity,
// another agent signs in on their own journal, and the first agent's next sign-in resumes the writes.
// The softphone registers as the signed-in agent (hello.sip, SOFT-1).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT_EMAILS, QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { memorySecrets } from '../../../main/app/memory-secrets.js';
import type { SecretName, SecretsPort } from '../../../main/app/ports.js';
import { CoreRig, session } from './core-rig.js';

let rig: CoreRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** The host's secrets port, recording every call (values included, to prove what was stored). */
function spySecrets(seed: Partial<Record<SecretName, string>> = {}) {
  const inner = memorySecrets(seed);
  const calls: [string, SecretName, string?][] = [];
  const port: SecretsPort = {
    get: (n) => inner.get(n),
    set: (n, v) => {
      calls.push(['set', n, v]);
      return inner.set(n, v);
    },
    delete: (n) => {
      calls.push(['delete', n]);
      inner.delete(n);
    },
  };
  return { port, calls, value: (n: SecretName) => inner.get(n) };
}

const TOKEN1 = `dev:${AGENT_EMAILS.agent1}`;
const TOKEN2 = `dev:${AGENT_EMAILS.agent2}`;
/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const online = (r: CoreRig, email: string) => r.sim.agents().find((a) => a.email === email)?.online ?? false;

describe('app core: sign-in', () => {
  it('starts signed out without a token: connects nothing, refuses session channels, still serves the app channels', async () => {
    const secrets = spySecrets();
    rig = await CoreRig.start({ token: null, secrets: secrets.port });
    const s = await rig.until((x) => x.auth?.state === 'signed-out', 'signed out');
    expect(s.auth).toEqual({ state: 'signed-out', email: null, error: null, contactCenterUrl: rig.sim.url, source: null, sipServer: false });
    expect(s.connection.contactCenter).toBe('disconnected');
    expect(s.agent).toBeNull();
    expect(rig.core.identity).toBeNull();
    expect(rig.core.dataDir).toBeNull();
    expect(rig.sim.agents().some((a) => a.online)).toBe(false);
    expect(fs.existsSync(path.join(rig.dir, 'journal'))).toBe(false);

    const refused = await rig.call('status:set', { statusId: 'available' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'signed_out', text: { en: expect.stringContaining('signed out'), ko: expect.any(String) } } });
    expect(await rig.call('call:dial', { number: '+82 2 1234 5678' })).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    await rig.must('app:setLocale', { locale: 'ko' });
    expect((await rig.until((x) => x.locale === 'ko', 'locale')).auth?.state).toBe('signed-out');
    expect(secrets.calls).toEqual([]);
  });

  it('signs in with a good token: hello first, then the token is stored through the secrets port only', async () => {
    const secrets = spySecrets();
    rig = await CoreRig.start({ token: null, secrets: secrets.port });
    const signingIn = rig.call('auth:signIn', { token: TOKEN1 });
    const during = await rig.until((x) => x.auth?.state === 'signing-in', 'signing in');
    expect(during.auth).toMatchObject({ email: AGENT_EMAILS.agent1, error: null });
    const r = await signingIn;
    expect(r).toEqual({ ok: true, value: { email: AGENT_EMAILS.agent1, remembered: true } });
    const s = await rig.until((x) => x.auth?.state === 'signed-in' && x.agent !== null, 'signed in');
    expect(s.auth).toMatchObject({ email: AGENT_EMAILS.agent1, source: 'stored', error: null });
    expect(s.agent?.name).toBe('Mina Park');
    expect(secrets.calls).toEqual([['set', 'cc.token', TOKEN1]]);
    expect(rig.core.identity).toBe(AGENT_EMAILS.agent1);
    expect(rig.core.dataDir).toBe(path.join(rig.dir, 'journal', AGENT_EMAILS.agent1));
    expect(online(rig, AGENT_EMAILS.agent1)).toBe(true);
    // The token never reaches the log.
    expect(JSON.stringify(rig.log.lines)).not.toContain(TOKEN1);

    // Signed in: a second sign-in is refused; the session channels work.
    expect(await rig.call('auth:signIn', { token: TOKEN2 })).toMatchObject({ ok: false, error: { code: 'already_signed_in' } });
    await rig.must('status:set', { statusId: 'available' });
  });

  it('a stored token signs in at the next start; "this run only" stores nothing', async () => {
    const secrets = spySecrets({ 'cc.token': TOKEN1 });
    rig = await CoreRig.start({ token: null, secrets: secrets.port });
    const s = await rig.ready();
    expect(s.auth).toMatchObject({ state: 'signed-in', source: 'stored', email: AGENT_EMAILS.agent1 });
    await rig.must('auth:signOut', {});
    expect(secrets.value('cc.token')).toBeNull();

    secrets.calls.length = 0;
    expect(await rig.must('auth:signIn', { token: TOKEN2, remember: false, sipPassword: 'pw-2' })).toEqual({ email: AGENT_EMAILS.agent2, remembered: false });
    expect(secrets.calls.filter((c) => c[0] === 'set')).toEqual([]);
    expect(secrets.value('cc.token')).toBeNull();
    expect(secrets.value('sip.password')).toBeNull();
    // Held in memory for this run: the softphone gets it.
    expect(await rig.must('softphone:getPassword', {})).toEqual({ password: 'pw-2' });
    expect((await rig.until((x) => x.auth?.state === 'signed-in', 'signed in')).auth?.source).toBe('session');
  });

  it('a refused token: a clear error in both languages, nothing stored, nothing locked, and the next sign-in works', async () => {
    const secrets = spySecrets();
    rig = await CoreRig.start({ token: null, secrets: secrets.port });
    const r = await rig.call('auth:signIn', { token: 'not-a-token', sipPassword: 'pw' });
    expect(r).toMatchObject({ ok: false, error: { code: 'auth_refused', message: expect.stringContaining('unauthorized') } });
    if (r.ok) throw new Error('unreachable');
    expect(r.error.text?.en).toMatch(/did not accept this sign-in token/);
    expect(r.error.text?.ko).toMatch(/토큰/);
    const s = await rig.until((x) => x.auth?.state === 'failed', 'failed');
    expect(s.auth?.error).toEqual({ code: 'auth_refused', text: r.error.text });
    expect(s.agent).toBeNull();
    expect(secrets.calls).toEqual([]);
    expect(await rig.must('softphone:getPassword', {})).toEqual({ password: null });
    expect(rig.core.identity).toBeNull();

    await rig.must('auth:signIn', { token: TOKEN1 });
    expect((await rig.ready()).auth).toMatchObject({ state: 'signed-in', error: null });
  });

  it('an unreachable contact center: the sign-in fails with "could not reach" and stores nothing', async () => {
    const secrets = spySecrets();
    rig = await CoreRig.start({ token: null, secrets: secrets.port });
    const url = `http://127.0.0.1:${await closedPort()}`;
    await rig.core.stop();
    rig.boot({ token: null, secrets: secrets.port, config: { contactCenter: { url } } });
    const r = await rig.call('auth:signIn', { token: TOKEN1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'unreachable', text: { en: expect.stringContaining(url) } } });
    expect(secrets.calls).toEqual([]);
    expect(rig.core.getState().auth?.state).toBe('failed');
  });

  it('the softphone registers as the signed-in agent: hello.sip on this computer\'s SIP server (SOFT-1)', async () => {
    rig = await CoreRig.start({ token: null, config: { sip: { wsUrl: 'wss://sip.acme.test/ws' } } });
    const before = await rig.until((x) => x.auth?.state === 'signed-out', 'signed out');
    expect(before.auth?.sipServer).toBe(true);
    expect(before.softphone.sip).toBeNull();
    expect(rig.core.sipWsUrl()).toBe('wss://sip.acme.test/ws');
    await rig.must('auth:signIn', { token: TOKEN2, sipPassword: 'joon-pw' });
    const s = await rig.until((x) => x.softphone.sip !== null, 'sip');
    expect(s.softphone.sip).toEqual({ wsUrl: 'wss://sip.acme.test/ws', uri: 'sip:ag-1002@agentdesk.test', authorizationUsername: 'ag-1002', displayName: 'Joon Kim', hasPassword: true });
    expect(await rig.must('softphone:getPassword', {})).toEqual({ password: 'joon-pw' });

    // Sign-out forgets the agent's SIP account and password.
    await rig.must('auth:signOut', {});
    const out = await rig.until((x) => x.auth?.state === 'signed-out', 'signed out');
    expect(out.softphone.sip).toBeNull();
    expect(await rig.must('softphone:getPassword', {})).toEqual({ password: null });
  });

  it('sign-out keeps pending CRM writes journalled; another agent uses their own journal; the next sign-in resumes the writes (REL-1)', async () => {
    // No CRM key yet: the record write of a call keeps retrying.
    const secrets = spySecrets();
    rig = await CoreRig.start({ token: null, secrets: secrets.port });
    await rig.must('auth:signIn', { token: TOKEN1 });
    await rig.ready();
    await rig.must('status:set', { statusId: 'available' });
    const id = rig.sim.inbound({ type: 'voice_inbound_ivr', queueId: QUEUE_IDS.billing, phone: '+82 10-2468-1357' });
    await rig.until((s) => session(s, id)?.record?.writeState === 'retrying', 'retrying');
    const dir1 = rig.core.dataDir as string;

    await rig.must('auth:signOut', {});
    const out = rig.core.getState();
    expect(out.auth?.state).toBe('signed-out');
    expect(out.sessions).toEqual([]);
    expect(out.pendingWrites).toBe(0);
    expect(out.notices).toEqual([]);
    expect(secrets.value('cc.token')).toBeNull();
    await expect.poll(() => online(rig!, AGENT_EMAILS.agent1)).toBe(false);
    // The lock is released, the journal (with the pending write) stays.
    expect(fs.existsSync(path.join(dir1, 'engine.lock'))).toBe(false);
    expect(fs.readdirSync(dir1).length).toBeGreaterThan(0);
    const stopped = rig.log.lines.find((l) => l.event === 'core.stopped' && l.fields?.['identity'] === AGENT_EMAILS.agent1);
    expect(stopped?.fields?.['pendingPersisted']).toBeGreaterThan(0);

    // Another agent: their own journal, none of agent1's work.
    await rig.must('auth:signIn', { token: TOKEN2 });
    const two = await rig.ready();
    expect(two.agent?.email).toBe(AGENT_EMAILS.agent2);
    expect(two.pendingWrites).toBe(0);
    expect(rig.core.dataDir).toBe(path.join(rig.dir, 'journal', AGENT_EMAILS.agent2));
    await rig.must('auth:signOut', {});

    // The CRM key arrives (allowed while signed out); agent1 signs in again and the write goes out.
    await rig.must('secrets:set', { name: 'crm.apiKey', value: rig.kustomer.apiKey });
    await rig.must('auth:signIn', { token: TOKEN1 });
    expect(rig.core.dataDir).toBe(dir1);
    await expect.poll(() => [...rig!.kustomer.store.conversations.values()].some((c) => c.externalId === id), { timeout: 10_000 }).toBe(true);
    await rig.until((s) => s.pendingWrites === 0, 'written');
  });

  it('signing out while a sign-in is under way cancels it: signed out, nothing stored, nothing connected', async () => {
    const secrets = spySecrets();
    rig = await CoreRig.start({ token: null, secrets: secrets.port });
    const signingIn = rig.call('auth:signIn', { token: TOKEN1 });
    await rig.must('auth:signOut', {});
    expect(await signingIn).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const s = await rig.until((x) => x.auth?.state === 'signed-out', 'signed out');
    expect(s.auth?.error).toBeNull();
    expect(rig.core.identity).toBeNull();
    expect(secrets.calls.filter((c) => c[0] === 'set')).toEqual([]);
    expect(online(rig, AGENT_EMAILS.agent1)).toBe(false);
  });

  it('a stored token the contact center no longer accepts is forgotten, and the agent is asked to sign in again', async () => {
    const secrets = spySecrets({ 'cc.token': 'dev:not-an-email' });
    rig = await CoreRig.start({ token: null, secrets: secrets.port });
    const s = await rig.until((x) => x.auth?.state === 'failed', 'failed');
    expect(s.auth?.error?.code).toBe('session_refused');
    expect(s.auth?.error?.text.en).toMatch(/Sign in again/);
    expect(secrets.calls).toEqual([['delete', 'cc.token']]);
    expect(rig.core.identity).toBeNull();
  });

  it('a configured token signs in at start (development, tests, a service account); sign-out keeps it for the next start only', async () => {
    rig = await CoreRig.start();
    expect((await rig.ready()).auth).toMatchObject({ state: 'signed-in', source: 'config' });
    await rig.must('auth:signOut', {});
    expect(rig.core.getState().auth?.state).toBe('signed-out');
    await expect.poll(() => online(rig!, AGENT_EMAILS.agent1)).toBe(false);
  });
});
