// Pure pieces of sign-in: the core's secrets (held for this run only vs stored through the port),
// the softphone account (hello.sip on this computer's SIP server, SOFT-1), what sign-out clears,
// the contract's sign-in request, and safeStorage forgetting a secret.
import { describe, expect, it } from 'vitest';
import { appStateSchema, ipcContract } from '../../../common/ipc/index.js';
import { serverEventSchemas } from '../../../common/protocol/index.js';
import { parseAppConfig, type AppConfigInput } from '../../../main/app/config.js';
import { coreSecrets } from '../../../main/app/core-secrets.js';
import { memorySecrets } from '../../../main/app/memory-secrets.js';
import { clearAgentState, initialAppState, signedOutAuth, sipState } from '../../../main/app/state/initial-state.js';
import { defaultPrefs } from '../../../main/app/prefs.js';
import { sipUser } from '../../../emulators/contact-center/connection.js';
import { safeStorageSecrets } from '../../../main/electron/safe-storage-secrets.js';
import type { SecretName } from '../../../main/app/ports.js';
import { memoryLog } from './memory-log.js';

function config(extra: Partial<AppConfigInput> = {}) {
  const r = parseAppConfig({ contactCenter: { url: 'https://cc.acme.example' }, ...extra });
  if (!r.ok) throw new Error(r.error);
  return r.config;
}

describe('core secrets', () => {
  it('a held value is used for this run and never reaches the port; a stored one goes through the port', () => {
    const port = memorySecrets();
    const s = coreSecrets(port);
    s.hold('sip.password', 'held');
    expect(s.get('sip.password')).toBe('held');
    expect(port.get('sip.password')).toBeNull();
    s.release('sip.password');
    expect(s.get('sip.password')).toBeNull();

    expect(s.set('cc.token', 'dev:a@acme.test')).toEqual({ ok: true });
    expect(port.get('cc.token')).toBe('dev:a@acme.test');
    s.hold('cc.token', 'other');
    expect(s.get('cc.token')).toBe('other');
    s.delete('cc.token');
    expect(s.get('cc.token')).toBeNull();
    expect(port.get('cc.token')).toBeNull();
  });

  it('a refused store leaves a held value in place', () => {
    const s = coreSecrets({ get: () => null, set: () => ({ ok: false, code: 'refused', message: 'no keyring' }), delete: () => undefined });
    s.hold('sip.password', 'p');
    expect(s.set('sip.password', 'q')).toMatchObject({ ok: false });
    expect(s.get('sip.password')).toBe('p');
  });
});

describe('the softphone account (SOFT-1)', () => {
  it('the signed-in agent\'s account (hello.sip) on this computer\'s SIP server; the configuration only as a fallback', () => {
    const onlyServer = config({ sip: { wsUrl: 'wss://sip.acme.example/ws' } });
    expect(sipState(onlyServer, false)).toBeNull();
    expect(sipState(onlyServer, true, { uri: 'sip:ag-1@acme.example', user: 'ag-1', displayName: 'Mina' })).toEqual({
      wsUrl: 'wss://sip.acme.example/ws',
      uri: 'sip:ag-1@acme.example',
      authorizationUsername: 'ag-1',
      displayName: 'Mina',
      hasPassword: true,
    });
    const legacy = config({ sip: { wsUrl: 'wss://sip.acme.example/ws', uri: 'sip:desk@acme.example', user: 'desk', displayName: 'Desk' } });
    expect(sipState(legacy, false)).toMatchObject({ uri: 'sip:desk@acme.example', authorizationUsername: 'desk' });
    expect(sipState(legacy, false, { uri: 'sip:ag-2@acme.example', user: 'ag-2', displayName: 'Joon' })).toMatchObject({ uri: 'sip:ag-2@acme.example', authorizationUsername: 'ag-2' });
    expect(sipState(config(), true, { uri: 'sip:ag-2@acme.example', user: 'ag-2', displayName: 'Joon' })).toBeNull();
  });

  it('hello.sip is an optional, checked extension; the simulator derives the user from the URI', () => {
    const hello = serverEventSchemas.hello;
    const base = { seq: 1, at: '2026-11-21T09:00:00Z', agent: { id: 'a', email: 'a@acme.test', name: 'A', roles: ['agent'] }, statuses: [], settings: {}, queues: [] };
    expect(hello.safeParse(base).success).toBe(true);
    expect(hello.parse({ ...base, sip: { uri: 'sip:ag-1@agentdesk.test', user: 'ag-1' } }).sip).toEqual({ uri: 'sip:ag-1@agentdesk.test', user: 'ag-1' });
    expect(hello.safeParse({ ...base, sip: { uri: 'tel:+8210', user: 'x' } }).success).toBe(false);
    expect(sipUser('sip:ag-1001@agentdesk.test')).toBe('ag-1001');
    expect(sipUser('sips:joon@pbx.acme.test:5061')).toBe('joon');
  });
});

describe('signed-out state', () => {
  it('starts signed out with the contact-center URL, and sign-out clears the agent but keeps the computer\'s facts', () => {
    const c = config({ sip: { wsUrl: 'wss://sip.acme.example/ws' } });
    const s = initialAppState(c, { prefs: defaultPrefs(), lockedSettings: ['customFields'], hasSipPassword: false, kustomerAppUrl: 'https://acme.kustomerapp.com' });
    expect(s.auth).toEqual({ state: 'signed-out', email: null, error: null, contactCenterUrl: 'https://cc.acme.example', source: null, sipServer: true });
    expect(appStateSchema.safeParse(s).success).toBe(true);

    s.agent = { id: 'a', email: 'a@acme.test', name: 'A', roles: ['agent'], crmUserId: null };
    s.statuses = [{ id: 'available', name: 'Available', kind: 'available' }];
    s.notices.push({ id: 'n1', level: 'error', key: 'record.failed', text: { en: 'x', ko: 'x' }, at: '2026-11-21T09:00:00Z' });
    s.pendingWrites = 3;
    s.kustomer = { appUrl: 'https://other.kustomerapp.com', navigate: { url: 'https://other.kustomerapp.com/app/x', nonce: 4 }, userEmail: 'a@acme.test', pageInstances: 1 };
    s.softphone.sip = sipState(c, true, { uri: 'sip:a@acme.example', user: 'a', displayName: 'A' });
    s.locale = 'ko';
    const fresh = initialAppState(c, { prefs: defaultPrefs(), lockedSettings: ['customFields'], hasSipPassword: false, kustomerAppUrl: 'https://acme.kustomerapp.com' });
    clearAgentState(s, fresh);
    s.auth = signedOutAuth(c);
    expect(s).toMatchObject({ agent: null, statuses: [], notices: [], pendingWrites: 0, locale: 'ko', lockedSettings: ['customFields'], connection: { contactCenter: 'disconnected' } });
    expect(s.kustomer).toEqual({ appUrl: 'https://acme.kustomerapp.com', navigate: null, userEmail: 'a@acme.test', pageInstances: 1 });
    expect(s.softphone.sip).toBeNull();
    expect(appStateSchema.safeParse(s).success).toBe(true);
  });

  it('the sign-in request: a trimmed token, optional "remember" and SIP password, nothing else', () => {
    const req = ipcContract['auth:signIn'].request;
    expect(req.parse({ token: '  dev:a@acme.test \n' })).toEqual({ token: 'dev:a@acme.test' });
    expect(req.safeParse({ token: '   ' }).success).toBe(false);
    expect(req.safeParse({ token: 't', password: 'x' }).success).toBe(false);
    expect(req.safeParse({ token: 't', remember: 'yes' }).success).toBe(false);
    expect(req.parse({ token: 't', remember: false, sipPassword: 'p' })).toEqual({ token: 't', remember: false, sipPassword: 'p' });
  });
});

describe('safeStorage secrets: sign-out forgets', () => {
  it('delete removes the ciphertext and the development overlay', () => {
    const m = new Map<SecretName, string>();
    const blobs = { get: (n: SecretName) => m.get(n), set: (n: SecretName, v: string) => void m.set(n, v), delete: (n: SecretName) => void m.delete(n) };
    const safe = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
      decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4), 'hex').toString(),
      getSelectedStorageBackend: () => 'gnome_libsecret' as const,
    };
    const s = safeStorageSecrets(safe, blobs, { allowPlaintextBackend: false, platform: 'linux', overlay: { 'sip.password': 'from-env' }, log: memoryLog() });
    expect(s.set('cc.token', 'dev:a@acme.test')).toEqual({ ok: true });
    expect(m.get('cc.token')).not.toContain('dev:a');
    s.delete('cc.token');
    s.delete('sip.password');
    expect(m.has('cc.token')).toBe(false);
    expect(s.get('cc.token')).toBeNull();
    expect(s.get('sip.password')).toBeNull();
  });
});
