// SEC-1 decisions of the Electron layer, with fakes of the narrow Electron interfaces: which
// permissions our page and the Kustomer view get, which URLs count as ours or may go to the OS
// browser, and how secrets are kept with safeStorage.
import { describe, expect, it } from 'vitest';
import { appMayUse, lockAppSession, lockKustomerSession, type SessionLike } from '../../../main/electron/permissions.js';
import { isAppUrl, isOnOrigin, safeExternalUrl } from '../../../main/electron/origins.js';
import { safeStorageSecrets, type SafeStorageLike } from '../../../main/electron/safe-storage-secrets.js';
import type { SecretName } from '../../../main/app/ports.js';
import { memoryLog } from './memory-log.js';

type Handlers = {
  request?: (wc: { id: number }, permission: string, cb: (granted: boolean) => void, details: Record<string, unknown>) => void;
  check?: (wc: { id: number } | null, permission: string, origin: string, details: Record<string, unknown>) => boolean;
  device?: (details: unknown) => boolean;
};

function fakeSession(): SessionLike & { h: Handlers } {
  const h: Handlers = {};
  return {
    h,
    setPermissionRequestHandler: (fn) => void (h.request = fn as unknown as Handlers['request']),
    setPermissionCheckHandler: (fn) => void (h.check = fn as unknown as Handlers['check']),
    setDevicePermissionHandler: (fn) => void (h.device = fn as unknown as Handlers['device']),
  } as SessionLike & { h: Handlers };
}

const ask = (s: ReturnType<typeof fakeSession>, wcId: number, permission: string, details: Record<string, unknown>) => {
  let granted: boolean | null = null;
  s.h.request?.({ id: wcId }, permission, (g) => (granted = g), details);
  return granted;
};

describe('permissions', () => {
  const APP = 'app://agentdesk/index.html';

  it('our page gets the microphone, and only audio', () => {
    expect(appMayUse({ permission: 'media', url: APP, mediaTypes: ['audio'] })).toBe(true);
    expect(appMayUse({ permission: 'media', url: APP, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(appMayUse({ permission: 'media', url: 'https://acme.kustomerapp.com/', mediaTypes: ['audio'] })).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'hid', 'fullscreen']) {
      expect(appMayUse({ permission: p, url: APP }), p).toBe(false);
    }
  });

  it('the app session grants media to our window only, and no devices', () => {
    const s = fakeSession();
    lockAppSession(s, (id) => id === 7);
    expect(ask(s, 7, 'media', { requestingUrl: APP, mediaTypes: ['audio'] })).toBe(true);
    expect(ask(s, 8, 'media', { requestingUrl: APP, mediaTypes: ['audio'] })).toBe(false);
    expect(ask(s, 7, 'media', { requestingUrl: APP, mediaTypes: ['video'] })).toBe(false);
    expect(ask(s, 7, 'notifications', { requestingUrl: APP })).toBe(false);
    expect(s.h.check?.({ id: 7 }, 'media', 'app://agentdesk', { mediaType: 'audio', isMainFrame: true })).toBe(true);
    expect(s.h.check?.({ id: 7 }, 'media', 'app://agentdesk', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(s.h.check?.(null, 'media', 'app://agentdesk', { isMainFrame: true })).toBe(false);
    expect(s.h.device?.({})).toBe(false);
  });

  it('the Kustomer session grants nothing at all', () => {
    const s = fakeSession();
    lockKustomerSession(s);
    for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
      expect(ask(s, 9, p, { requestingUrl: 'https://acme.kustomerapp.com/app', mediaTypes: ['audio'] }), p).toBe(false);
      expect(s.h.check?.({ id: 9 }, p, 'https://acme.kustomerapp.com', { isMainFrame: true }), p).toBe(false);
    }
    expect(s.h.device?.({})).toBe(false);
  });
});

describe('origins', () => {
  it('recognises our page exactly', () => {
    expect(isAppUrl('app://agentdesk/index.html')).toBe(true);
    expect(isAppUrl('app://agentdesk/assets/x.js?y=1')).toBe(true);
    for (const u of ['app://agentdesk.evil/', 'app://evil/', 'https://agentdesk/', 'file:///index.html', 'app://u:p@agentdesk/', 'not a url']) expect(isAppUrl(u), u).toBe(false);
  });

  it('keeps the Kustomer view on its origin', () => {
    const o = 'https://acme.kustomerapp.com';
    expect(isOnOrigin('https://acme.kustomerapp.com/app/conversations/1', o)).toBe(true);
    for (const u of ['https://acme.kustomerapp.com.evil.example/', 'http://acme.kustomerapp.com/', 'https://other.kustomerapp.com/', 'javascript:alert(1)']) expect(isOnOrigin(u, o), u).toBe(false);
    expect(isOnOrigin('https://acme.kustomerapp.com/', null)).toBe(false);
  });

  it('hands only plain https links to the OS browser', () => {
    expect(safeExternalUrl('https://help.kustomer.com/article')).toBe(true);
    for (const u of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-msdt:/id', 'smb://host/share', 'https://user:pw@example.com/', 'https://localhost/', 'https://127.0.0.1/', 'https://intranet/', `https://example.com/${'x'.repeat(3000)}`]) {
      expect(safeExternalUrl(u), u).toBe(false);
    }
  });
});

class FakeSafeStorage implements SafeStorageLike {
  constructor(
    public available = true,
    public backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret',
  ) {}
  isEncryptionAvailable() {
    return this.available;
  }
  encryptString(s: string) {
    return Buffer.from(`enc:${Buffer.from(s).toString('hex')}`);
  }
  decryptString(b: Buffer) {
    const t = b.toString();
    if (!t.startsWith('enc:')) throw new Error('cannot decrypt');
    return Buffer.from(t.slice(4), 'hex').toString();
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
}

function blobs() {
  const m = new Map<SecretName, string>();
  return { m, store: { get: (n: SecretName) => m.get(n), set: (n: SecretName, v: string) => void m.set(n, v), delete: (n: SecretName) => void m.delete(n) } };
}

describe('secrets with safeStorage', () => {
  it('stores only ciphertext and reads it back', () => {
    const b = blobs();
    const s = safeStorageSecrets(new FakeSafeStorage(), b.store, { allowPlaintextBackend: false, platform: 'linux', log: memoryLog() });
    expect(s.set('crm.apiKey', 'top-secret')).toEqual({ ok: true });
    expect(b.m.get('crm.apiKey')).not.toContain('top-secret');
    expect(Buffer.from(b.m.get('crm.apiKey') ?? '', 'base64').toString()).not.toContain('top-secret');
    expect(s.get('crm.apiKey')).toBe('top-secret');
    expect(s.get('sip.password')).toBeNull();
  });

  it('refuses to store with the basic_text backend unless IT allowed it', () => {
    const b = blobs();
    const log = memoryLog();
    const refused = safeStorageSecrets(new FakeSafeStorage(true, 'basic_text'), b.store, { allowPlaintextBackend: false, platform: 'linux', log });
    expect(refused.set('crm.apiKey', 'k')).toMatchObject({ ok: false, code: 'refused', message: expect.stringContaining('basic_text') });
    expect(b.m.size).toBe(0);
    expect(JSON.stringify(log.lines)).not.toContain('"k"');
    const allowed = safeStorageSecrets(new FakeSafeStorage(true, 'basic_text'), b.store, { allowPlaintextBackend: true, platform: 'linux', log });
    expect(allowed.set('crm.apiKey', 'k')).toEqual({ ok: true });
  });

  it('the backend check is Linux-only; without any encryption nothing is stored', () => {
    const b = blobs();
    const mac = safeStorageSecrets(new FakeSafeStorage(true, 'basic_text'), b.store, { allowPlaintextBackend: false, platform: 'darwin', log: memoryLog() });
    expect(mac.set('sip.password', 'p')).toEqual({ ok: true });
    const none = safeStorageSecrets(new FakeSafeStorage(false), blobs().store, { allowPlaintextBackend: true, platform: 'win32', log: memoryLog() });
    expect(none.set('sip.password', 'p')).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('a development overlay is read but never written; a stored value replaces it', () => {
    const b = blobs();
    const s = safeStorageSecrets(new FakeSafeStorage(), b.store, { allowPlaintextBackend: false, platform: 'linux', overlay: { 'crm.apiKey': 'from-env' }, log: memoryLog() });
    expect(s.get('crm.apiKey')).toBe('from-env');
    expect(b.m.size).toBe(0);
    s.set('crm.apiKey', 'saved');
    expect(s.get('crm.apiKey')).toBe('saved');
  });

  it('an unreadable blob is reported and read as absent', () => {
    const b = blobs();
    b.m.set('crm.apiKey', Buffer.from('garbage').toString('base64'));
    const log = memoryLog();
    const s = safeStorageSecrets(new FakeSafeStorage(), b.store, { allowPlaintextBackend: false, platform: 'linux', log });
    expect(s.get('crm.apiKey')).toBeNull();
    expect(log.lines.some((l) => l.event === 'secrets.decrypt_failed')).toBe(true);
  });
});

describe('web preferences (Electron security checklist)', () => {
  it('our window and the Kustomer view: isolation, sandbox, no Node, web security, no webview; the view in its own partition', async () => {
    const { appWebPreferences, kustomerWebPreferences, KUSTOMER_PARTITION } = await import('../../../main/electron/web-preferences.js');
    for (const p of [appWebPreferences('/app.js'), kustomerWebPreferences('/k.js')]) {
      expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false });
    }
    expect(appWebPreferences('/app.js')).toMatchObject({ preload: '/app.js' });
    expect(appWebPreferences('/app.js').partition).toBeUndefined();
    expect(kustomerWebPreferences('/k.js')).toMatchObject({ preload: '/k.js', partition: KUSTOMER_PARTITION });
    expect(KUSTOMER_PARTITION).toMatch(/^persist:/);
  });
});
