// SEC-1 "CRM credentials never stored in clear text": in Electron every secret goes through
// safeStorage (encryptString/decryptString) and only its ciphertext reaches the preferences file;
// when the OS offers only Chromium's plaintext backend (basic_text) storing is refused with a clear
// error, unless IT opted in through the managed configuration. The store here is the conf that
// electron-store bundles, opened with the exact options electron-store gets, in a temp dir, so the
// test reads the bytes that would be on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/app/ipc-dispatch.js';
import { HANDLERS } from '../../main/app/handlers/index.js';
import type { CoreContext } from '../../main/app/core-context.js';
import { loadManagedConfig, NO_MANAGED_CONFIG } from '../../main/app/managed-config.js';
import type { SecretName, SecretsPort } from '../../main/app/ports.js';
import { electronPrefsStoreOptions } from '../../main/electron/prefs-store-options.js';
import { safeStorageSecrets, secretBlobStore, secretsOptionsFor, SECRETS_STORE_KEY } from '../../main/electron/safe-storage-secrets.js';
import { memoryLog } from '../unit/app/memory-log.js';
import { FakeSafeStorage } from './support/fakes.js';

type Stored = Record<string, unknown>;
interface ConfLike {
  store: Stored;
  path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** The conf electron-store is built on (its own nested copy when it has one). */
async function electronStoreConf(): Promise<new (o: Record<string, unknown>) => ConfLike> {
  const storeEntry = fileURLToPath(import.meta.resolve('electron-store'));
  const nested = path.join(path.dirname(storeEntry), 'node_modules/conf');
  const dir = fs.existsSync(nested) ? nested : path.dirname(fileURLToPath(import.meta.resolve('conf/package.json')));
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports: string | { default?: string } };
  const main = typeof pkg.exports === 'string' ? pkg.exports : (pkg.exports.default ?? './dist/source/index.js');
  return ((await import(pathToFileURL(path.join(dir, main)).href)) as { default: new (o: Record<string, unknown>) => ConfLike }).default;
}

const made: string[] = [];
const tmpDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

async function openStore(dir = tmpDir('agentdesk-secrets-')) {
  const Conf = await electronStoreConf();
  const { name, ...options } = electronPrefsStoreOptions();
  const store = new Conf({ ...options, configName: name, cwd: dir });
  return { store, dir, bytes: () => fs.readFileSync(store.path) };
}

const SECRETS: Record<SecretName, string> = {
  'crm.apiKey': 'eyJhbGciOiJIUzI1NiJ9.kustomer-api-key-ABCDEF0123456789',
  'sip.password': 'p@ss wörd 비밀번호 🔑',
  'cc.token': 'dev:agent1@acme.test:agent,admin',
};

/** Every form a leaked secret could take in a file. */
function encodings(secret: string): string[] {
  const b = Buffer.from(secret, 'utf8');
  return [secret, b.toString('base64'), b.toString('base64url'), b.toString('hex'), Buffer.from(secret, 'utf16le').toString('latin1'), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)].filter((x) => x.length >= 4);
}

function expectNotInClear(bytes: Buffer, secret: string): void {
  const text = bytes.toString('latin1');
  for (const form of encodings(secret)) expect(text.includes(form), `the file holds "${secret}" as ${form.slice(0, 20)}`).toBe(false);
  for (const half of [secret.slice(0, Math.ceil(secret.length / 2)), secret.slice(-Math.ceil(secret.length / 2))].filter((x) => x.length >= 8)) expect(text.includes(half)).toBe(false);
}

function writeManaged(content: unknown): string {
  const file = path.join(tmpDir('agentdesk-managed-'), 'managed-config.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('SEC-1 secrets only through safeStorage', () => {
  it('every secret is encrypted by safeStorage; the preferences file holds only ciphertext, owner-only', async () => {
    const { store, bytes } = await openStore();
    store.set('locale', 'ko');
    const safe = new FakeSafeStorage();
    const log = memoryLog();
    const secrets = safeStorageSecrets(safe, secretBlobStore(store), secretsOptionsFor({ managed: NO_MANAGED_CONFIG, platform: 'linux', packaged: true, env: {}, log }));
    for (const [name, value] of Object.entries(SECRETS) as [SecretName, string][]) expect(secrets.set(name, value)).toEqual({ ok: true });
    expect(safe.encrypted).toBe(3);

    const file = bytes();
    for (const value of Object.values(SECRETS)) expectNotInClear(file, value);
    const onDisk = JSON.parse(file.toString('utf8')) as Stored;
    expect(onDisk.locale).toBe('ko');
    const blobs = onDisk[SECRETS_STORE_KEY] as Record<string, string>;
    expect(Object.keys(blobs).sort()).toEqual(Object.keys(SECRETS).sort());
    for (const [name, blob] of Object.entries(blobs)) {
      // What is stored is exactly safeStorage's output, base64.
      expect(safe.decryptString(Buffer.from(blob, 'base64')), name).toBe(SECRETS[name as SecretName]);
    }
    if (process.platform !== 'win32') expect(fs.statSync(path.join(path.dirname(store.path), path.basename(store.path))).mode & 0o777).toBe(0o600);

    // Reading decrypts through safeStorage, from a freshly opened store.
    const again = safeStorageSecrets(safe, secretBlobStore((await openStore(path.dirname(store.path))).store), secretsOptionsFor({ managed: NO_MANAGED_CONFIG, platform: 'linux', packaged: true, env: {}, log }));
    for (const [name, value] of Object.entries(SECRETS) as [SecretName, string][]) expect(again.get(name)).toBe(value);
    expect(safe.decrypted).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(log.lines)).not.toMatch(/kustomer-api-key|비밀번호|agent1@acme\.test:agent/);
  });

  it('basic_text (Linux without a keyring) is refused with a clear error unless IT opted in; nothing is written', async () => {
    for (const managedFile of [null, writeManaged({ version: 1 }), writeManaged({ version: 1, app: { allowPlaintextSecrets: false } }), writeManaged({ version: 1, app: { allowPlaintextSecrets: 'yes' } }), writeManaged('{not json')]) {
      const managed = managedFile ? loadManagedConfig(managedFile) : NO_MANAGED_CONFIG;
      const { store, bytes } = await openStore();
      const log = memoryLog();
      const secrets = safeStorageSecrets(new FakeSafeStorage(true, 'basic_text'), secretBlobStore(store), secretsOptionsFor({ managed, platform: 'linux', packaged: true, env: {}, log }));
      const r = secrets.set('crm.apiKey', SECRETS['crm.apiKey']);
      expect(r, String(managedFile)).toMatchObject({ ok: false, code: 'refused' });
      expect(r.ok ? '' : r.message).toMatch(/basic_text/);
      expect(r.ok ? '' : r.message).toMatch(/allowPlaintextSecrets/);
      expect(store.get(SECRETS_STORE_KEY)).toBeUndefined();
      if (fs.existsSync(store.path)) expectNotInClear(bytes(), SECRETS['crm.apiKey']);
      expect(secrets.get('crm.apiKey')).toBeNull();
      expect(log.lines.some((l) => l.event === 'secrets.refused')).toBe(true);
      expect(JSON.stringify(log.lines)).not.toContain('kustomer-api-key');
    }

    // IT's explicit opt-in, from the managed configuration file as deployed.
    const managed = loadManagedConfig(writeManaged({ version: 1, app: { allowPlaintextSecrets: true } }));
    expect(managed.error).toBeNull();
    const { store } = await openStore();
    const safe = new FakeSafeStorage(true, 'basic_text');
    const secrets = safeStorageSecrets(safe, secretBlobStore(store), secretsOptionsFor({ managed, platform: 'linux', packaged: true, env: {}, log: memoryLog() }));
    expect(secrets.set('crm.apiKey', 'k-123456')).toEqual({ ok: true });
    expect(safe.encrypted).toBe(1); // still through safeStorage
    expect(secrets.get('crm.apiKey')).toBe('k-123456');
  });

  it('no OS encryption at all: refused as unavailable, whatever IT allowed', async () => {
    const managed = loadManagedConfig(writeManaged({ version: 1, app: { allowPlaintextSecrets: true } }));
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const { store } = await openStore();
      const secrets = safeStorageSecrets(new FakeSafeStorage(false, 'unknown'), secretBlobStore(store), secretsOptionsFor({ managed, platform, packaged: true, env: {}, log: memoryLog() }));
      expect(secrets.set('sip.password', 'pw-123456'), platform).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringMatching(/no encryption/) });
      expect(store.get(SECRETS_STORE_KEY)).toBeUndefined();
    }
  });

  it('the refusal reaches the agent as an error value with English and Korean text (secrets:set)', async () => {
    const { store } = await openStore();
    const log = memoryLog();
    const secrets = safeStorageSecrets(new FakeSafeStorage(true, 'basic_text'), secretBlobStore(store), secretsOptionsFor({ managed: NO_MANAGED_CONFIG, platform: 'linux', packaged: true, env: {}, log }));
    let changed = 0;
    const ctx = { ports: { secrets, log }, secretsChanged: () => changed++ } as unknown as CoreContext;
    const r = await dispatch(HANDLERS, 'secrets:set', { name: 'crm.apiKey', value: 'k-secret-value' }, { host: 'electron', id: '7' }, ctx, log);
    expect(r).toMatchObject({ ok: false, error: { code: 'secrets_refused', message: expect.stringMatching(/basic_text/), text: { en: expect.stringMatching(/not saved/), ko: expect.any(String) } } });
    expect(changed).toBe(0);
    expect(JSON.stringify(log.lines)).not.toContain('k-secret-value');
  });

  it('development values from the environment are used only unpackaged, and never written', async () => {
    const env = { AGENTDESK_CRM_API_KEY: 'env-key-123456', AGENTDESK_SIP_PASSWORD: 'env-pw-123456' };
    const { store, dir } = await openStore();
    const dev = safeStorageSecrets(new FakeSafeStorage(), secretBlobStore(store), secretsOptionsFor({ managed: NO_MANAGED_CONFIG, platform: 'linux', packaged: false, env, log: memoryLog() }));
    expect(dev.get('crm.apiKey')).toBe('env-key-123456');
    const packaged = safeStorageSecrets(new FakeSafeStorage(), secretBlobStore(store), secretsOptionsFor({ managed: NO_MANAGED_CONFIG, platform: 'linux', packaged: true, env, log: memoryLog() }));
    expect(packaged.get('crm.apiKey')).toBeNull();
    for (const f of fs.readdirSync(dir)) for (const v of Object.values(env)) expect(fs.readFileSync(path.join(dir, f), 'latin1')).not.toContain(v);
  });

  it('a tampered secrets entry reads as absent, never throws and never decrypts garbage', async () => {
    const { store } = await openStore();
    const log = memoryLog();
    const safe = new FakeSafeStorage();
    const secrets: SecretsPort = safeStorageSecrets(safe, secretBlobStore(store), secretsOptionsFor({ managed: NO_MANAGED_CONFIG, platform: 'linux', packaged: true, env: {}, log }));
    for (const tampered of [null, 'x', 42, [], ['a'], { 'crm.apiKey': 5 }, { 'crm.apiKey': { nested: true } }, JSON.parse('{"__proto__": {"crm.apiKey": "djEw"}}'), { 'crm.apiKey': Buffer.from('not ours').toString('base64') }]) {
      store.set(SECRETS_STORE_KEY, tampered);
      expect(() => secrets.get('crm.apiKey')).not.toThrow();
      expect(secrets.get('crm.apiKey')).toBeNull();
    }
    expect(({} as Record<string, unknown>)['crm.apiKey']).toBeUndefined();
    expect(log.lines.some((l) => l.event === 'secrets.decrypt_failed')).toBe(true);
  });

  it('main.ts builds its secrets from safeStorage only (no in-memory or environment store in the Electron layer)', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const main = fs.readFileSync(path.join(root, 'main/electron/main.ts'), 'utf8');
    expect(main).toMatch(/const secrets = safeStorageSecrets\(safeStorage, blobs, secretsOptionsFor\(\{ managed,/);
    const electronLayer = fs.readdirSync(path.join(root, 'main/electron')).filter((f) => f.endsWith('.ts'));
    expect(electronLayer.filter((f) => /memorySecrets|secretsFromEnv/.test(fs.readFileSync(path.join(root, 'main/electron', f), 'utf8')))).toEqual([]);
  });
});
