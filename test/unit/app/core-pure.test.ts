// Pure pieces of the core: configuration from the environment (with IT's presets winning), tel:
// links, the CSP, static paths, notices, and the state store's coalesced pushes.
import { describe, expect, it } from 'vitest';
import { appConfigFromEnv } from '../../../main/app/env-config.js';
import { kustomerOrigin, parseAppConfig } from '../../../main/app/config.js';
import { NO_MANAGED_CONFIG, parseManagedConfig } from '../../../main/app/managed-config.js';
import { envSecretValues, memorySecrets, secretsFromEnv } from '../../../main/app/memory-secrets.js';
import { linkFromArgv, numberFromLink } from '../../../main/app/tel-links.js';
import { appCsp } from '../../../main/app/csp.js';
import { resolveStatic } from '../../../main/browser-host/static-files.js';
import { Notices, MAX_NOTICES } from '../../../main/app/state/notices.js';
import { AppStateStore } from '../../../main/app/state/app-state-store.js';
import { initialAppState } from '../../../main/app/state/initial-state.js';
import { defaultPrefs } from '../../../main/app/prefs.js';
import { appStateSchema } from '../../../common/ipc/index.js';

describe('configuration', () => {
  const env = { AGENTDESK_CC_URL: 'http://127.0.0.1:4000', AGENTDESK_CC_TOKEN: 'dev:agent1@acme.test', AGENTDESK_CRM_BASE_URL: 'http://127.0.0.1:4010', AGENTDESK_CRM_KIND: 'kustomer', AGENTDESK_KUSTOMER_APP_URL: 'http://127.0.0.1:4010/app', AGENTDESK_SIP_WS_URL: 'ws://127.0.0.1:5066', AGENTDESK_SIP_URI: 'sip:agent1@acme.test', AGENTDESK_SIP_USER: 'agent1' };

  it('builds a valid configuration from the environment', () => {
    const r = appConfigFromEnv(env, NO_MANAGED_CONFIG);
    if (!r.ok) throw new Error(r.error);
    expect(r.config).toMatchObject({ contactCenter: { url: env.AGENTDESK_CC_URL, token: env.AGENTDESK_CC_TOKEN }, crm: { kind: 'kustomer', baseUrl: env.AGENTDESK_CRM_BASE_URL }, sip: { wsUrl: 'ws://127.0.0.1:5066', user: 'agent1', displayName: '' }, defaultCountry: 'KR' });
    expect(kustomerOrigin(r.config)).toBe('http://127.0.0.1:4010');
  });

  it('IT\'s presets win over the environment', () => {
    const managed = parseManagedConfig({ app: { contactCenterUrl: 'https://cc.acme.example', crm: { baseUrl: 'https://api.kustomerapp.com' } } }, null);
    const r = appConfigFromEnv(env, managed);
    expect(r.ok && r.config.contactCenter.url).toBe('https://cc.acme.example');
    expect(r.ok && r.config.crm?.baseUrl).toBe('https://api.kustomerapp.com');
  });

  it('says what is missing or wrong', () => {
    expect(appConfigFromEnv({}, NO_MANAGED_CONFIG)).toMatchObject({ ok: false, error: expect.stringContaining('AGENTDESK_CC_URL') });
    expect(appConfigFromEnv({ ...env, AGENTDESK_SIP_WS_URL: 'http://x' }, NO_MANAGED_CONFIG)).toMatchObject({ ok: false, error: expect.stringContaining('ws(s)') });
    expect(parseAppConfig({ contactCenter: { url: 'http://x' }, surprise: 1 })).toMatchObject({ ok: false });
  });

  it('secrets come from the environment into memory only', () => {
    expect(envSecretValues({ AGENTDESK_CRM_API_KEY: 'k', AGENTDESK_SIP_PASSWORD: '' })).toEqual({ 'crm.apiKey': 'k' });
    const s = secretsFromEnv({ AGENTDESK_SIP_PASSWORD: 'p' });
    expect(s.get('sip.password')).toBe('p');
    expect(s.get('crm.apiKey')).toBeNull();
    const m = memorySecrets();
    expect(m.set('crm.apiKey', 'x')).toEqual({ ok: true });
    expect(m.get('crm.apiKey')).toBe('x');
  });
});

describe('tel: links (KUS-1, OS links)', () => {
  it.each([
    ['tel:+82-10-1234-5678', '+821012345678'],
    ['tel://+1 (415) 555-0100', '+14155550100'],
    ['callto:+442071234567', '+442071234567'],
    ['tel:%2B82%2010%201234%205678', '+821012345678'],
    ['tel:1588-1234;ext=12', '15881234'],
    ['TEL:*123#', '*123#'],
    ['+82 2 1588 1234', '+82215881234'],
  ])('%s -> %s', (raw, number) => expect(numberFromLink(raw)).toBe(number));

  it.each(['tel:javascript:alert(1)', 'tel:', 'tel:+', 'tel:abc', 'tel:1', `tel:${'1'.repeat(25)}`, 'tel:%E0%A4%A', 'https://example.com'])('refuses %s', (raw) => expect(numberFromLink(raw)).toBeNull());

  it('finds the link among process arguments', () => {
    expect(linkFromArgv(['/usr/bin/agentdesk', '--flag', 'tel:+8210'])).toBe('tel:+8210');
    expect(linkFromArgv(['/usr/bin/agentdesk'])).toBeNull();
  });
});

describe('CSP and static paths', () => {
  it('the page CSP allows only our own scripts, the SIP server and the given frames', () => {
    const csp = appCsp({ self: 'http://127.0.0.1:5000', sipWsUrl: 'wss://sip.acme.example:7443/ws', frames: ['http://127.0.0.1:5001'], connect: ['ws://127.0.0.1:5000'] });
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:5000 wss://sip.acme.example:7443");
    expect(csp).toContain('frame-src http://127.0.0.1:5001');
    expect(csp).toContain("default-src 'none'");
    expect(appCsp({ self: 'app://agentdesk' })).toContain("frame-src 'none'");
  });

  it('static paths stay inside the folder', () => {
    expect(resolveStatic('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(resolveStatic('/srv/r', '/assets/a.js?v=1')).toBe('/srv/r/assets/a.js');
    expect(resolveStatic('/srv/r', '/../etc/passwd')).toBeNull();
    expect(resolveStatic('/srv/r', '/%2e%2e/x')).toBeNull();
    expect(resolveStatic('/srv/r', '/..%5c..%5cx')).toBe('/srv/r/..\\..\\x');
    expect(resolveStatic('/srv/r', '/%')).toBeNull();
  });
});

describe('notices', () => {
  it('are bounded and the same notice moves to the end instead of piling up', () => {
    const s = initialAppState(parseAppConfigOrThrow(), { prefs: defaultPrefs(), lockedSettings: [], hasSipPassword: false, kustomerAppUrl: null });
    const n = new Notices();
    const text = { en: 'a', ko: '가' };
    n.add(s, { level: 'info', key: 'k', text }, new Date());
    n.add(s, { level: 'info', key: 'other', text }, new Date());
    n.add(s, { level: 'info', key: 'k', text }, new Date());
    expect(s.notices.map((x) => x.key)).toEqual(['other', 'k']);
    for (let i = 0; i < MAX_NOTICES + 5; i++) n.add(s, { level: 'warning', key: `k${i}`, text }, new Date());
    expect(s.notices).toHaveLength(MAX_NOTICES);
  });
});

function parseAppConfigOrThrow() {
  const r = parseAppConfig({ contactCenter: { url: 'http://127.0.0.1:4000' } });
  if (!r.ok) throw new Error(r.error);
  return r.config;
}

describe('state store', () => {
  it('coalesces a burst of changes into one push with the next version; snapshots publish pending changes', () => {
    const queued: (() => void)[] = [];
    const store = new AppStateStore(initialAppState(parseAppConfigOrThrow(), { prefs: defaultPrefs(), lockedSettings: [], hasSipPassword: false, kustomerAppUrl: null }), (fn) => queued.push(fn));
    const pushed: number[] = [];
    store.onChange((s) => pushed.push(s.version));
    store.update((s) => (s.locale = 'ko'));
    store.update((s) => (s.status.statusId = 'lunch'));
    expect(queued).toHaveLength(1);
    queued.shift()?.();
    expect(pushed).toEqual([1]);
    store.update((s) => (s.status.statusId = 'away'));
    const snap = store.snapshot();
    expect(snap.version).toBe(2);
    expect(pushed).toEqual([1, 2]);
    queued.shift()?.();
    expect(pushed).toEqual([1, 2]);
    expect(appStateSchema.parse(snap).status.statusId).toBe('away');
    // Snapshots are shared by every listener, so they are frozen.
    expect(() => {
      snap.status.statusId = 'x';
    }).toThrow(TypeError);
    expect(store.snapshot().status.statusId).toBe('away');
  });
});
