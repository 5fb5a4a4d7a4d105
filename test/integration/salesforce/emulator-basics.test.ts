// Salesforce emulator: auth (Bearer, OAuth token endpoint, expiry), API versions, error shape,
// body and media-type checks, the limits header and resource (CRM-APIS.md section 4).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import { DEFAULT_CLIENT, isSalesforceId, type SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { AGENT_A, api, start, TOKEN } from './helpers.js';

let e: SalesforceEmulator | null = null;
afterEach(async () => {
  await e?.close();
  e = null;
});

const token = async (em: SalesforceEmulator, form: Record<string, string>) => {
  const res = await fetch(`${em.url}/services/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
};

describe('Salesforce emulator: authentication', () => {
  it('refuses a missing, unknown or malformed token with 401 [{message, errorCode: INVALID_SESSION_ID}]', async () => {
    e = await start();
    for (const authorization of ['', 'Bearer nope', 'Basic abc', `Bearer${TOKEN}`]) {
      const r = await api(e, 'GET', '/limits', undefined, { authorization });
      expect(r.status).toBe(401);
      expect(r.json).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      expect(r.headers.get('www-authenticate')).toBe('Token');
    }
    expect((await api(e, 'GET', '/limits', undefined, { authorization: `OAuth ${TOKEN}` })).status).toBe(200);
  });

  it('issues tokens by client credentials with instance_url, and they work as Bearer tokens until they expire', async () => {
    const clock = new ManualClock('2026-11-21T09:00:00Z');
    e = await start({ clock, sessionTtlMs: 60_000 });
    const t = await token(e, { grant_type: 'client_credentials', client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret });
    expect(t.status).toBe(200);
    expect(t.json).toMatchObject({ instance_url: e.url, token_type: 'Bearer', scope: 'api' });
    expect(t.json.id).toContain(`/id/${e.store.org.id}/`);
    const authorization = `Bearer ${t.json.access_token}`;
    expect((await api(e, 'GET', '/limits', undefined, { authorization })).status).toBe(200);
    clock.advance(60_000);
    expect((await api(e, 'GET', '/limits', undefined, { authorization })).json[0].errorCode).toBe('INVALID_SESSION_ID');
  });

  it('supports the password flow, and answers OAuth errors as {error, error_description}', async () => {
    e = await start();
    const ok = await token(e, { grant_type: 'password', client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret, username: 'alice@acme.example', password: 'alice-pw' });
    expect(ok.status).toBe(200);
    expect(e.store.tokens.get(ok.json.access_token ?? '')?.userId).toBe(AGENT_A);
    const cases: Array<[Record<string, string>, string]> = [
      [{ grant_type: 'password', client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret, username: 'alice@acme.example', password: 'wrong' }, 'invalid_grant'],
      [{ grant_type: 'client_credentials', client_id: 'nope', client_secret: 'x' }, 'invalid_client_id'],
      [{ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT.clientId, client_secret: 'wrong' }, 'invalid_client'],
      [{ grant_type: 'authorization_code', client_id: DEFAULT_CLIENT.clientId }, 'unsupported_grant_type'],
    ];
    for (const [form, error] of cases) {
      const r = await token(e, form);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ error });
      expect(typeof r.json.error_description).toBe('string');
    }
  });

  it('revokes a token (POST /services/oauth2/revoke) and expires one from code (expireToken)', async () => {
    e = await start();
    const t = await token(e, { grant_type: 'client_credentials', client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret });
    const revoke = await fetch(`${e.url}/services/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(t.json.access_token ?? '')}` });
    expect(revoke.status).toBe(200);
    expect((await api(e, 'GET', '/limits', undefined, { authorization: `Bearer ${t.json.access_token}` })).status).toBe(401);
    e.expireToken(TOKEN);
    expect((await api(e, 'GET', '/limits')).status).toBe(401);
  });
});

describe('Salesforce emulator: versions, errors, headers', () => {
  it('lists the versions without auth and serves only those; others are 404 NOT_FOUND', async () => {
    e = await start({ versions: ['v61.0', 'v62.0'] });
    const list = await fetch(`${e.url}/services/data`);
    expect(await list.json()).toEqual([
      { label: 'API v61.0', url: '/services/data/v61.0', version: '61.0' },
      { label: 'API v62.0', url: '/services/data/v62.0', version: '62.0' },
    ]);
    expect((await api(e, 'GET', '/services/data/v61.0/limits')).status).toBe(200);
    for (const path of ['/services/data/v60.0/limits', '/services/data/latest/limits', '/services/data/v62/limits']) {
      const r = await api(e, 'GET', path);
      expect(r.status).toBe(404);
      expect(r.json).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    }
    expect((await api(e, 'GET', '')).json).toMatchObject({ sobjects: '/services/data/v62.0/sobjects', composite: '/services/data/v62.0/composite' });
  });

  it('answers unknown routes, objects and records 404, wrong methods 405, in the error shape', async () => {
    e = await start();
    for (const path of ['/nothing', '/sobjects/Widget__c', '/sobjects/Case/500000000000000AAA']) {
      const r = await api(e, 'GET', path);
      expect(r.status).toBe(404);
      expect(r.json[0].errorCode).toBe('NOT_FOUND');
    }
    const wrong = await api(e, 'PUT', '/sobjects/Case/500000000000000AAA', {});
    expect(wrong.status).toBe(405);
    expect(wrong.json[0]).toMatchObject({ errorCode: 'METHOD_NOT_ALLOWED' });
    expect(wrong.headers.get('allow')).toContain('PATCH');
  });

  it('refuses malformed JSON (400 JSON_PARSER_ERROR), other media types (415) and large bodies (413)', async () => {
    e = await start({ bodyLimitBytes: 1024 });
    expect((await api(e, 'POST', '/sobjects/Contact', '{"LastName":')).json[0].errorCode).toBe('JSON_PARSER_ERROR');
    const text = await api(e, 'POST', '/sobjects/Contact', 'LastName=x', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.json[0].errorCode).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await api(e, 'POST', '/sobjects/Contact', { LastName: 'x'.repeat(2000) });
    expect(big.status).toBe(413);
    expect(e.store.list('Contact')).toHaveLength(0);
  });

  it('puts Sforce-Limit-Info: api-usage=used/limit on every authenticated reply, errors included, and GET /limits agrees', async () => {
    e = await start({ dailyApiLimit: 500 });
    const a = await api(e, 'GET', '/sobjects/Case/500000000000000AAA');
    expect(a.headers.get('sforce-limit-info')).toBe('api-usage=1/500');
    const b = await api(e, 'POST', '/sobjects/Contact', {});
    expect(b.status).toBe(400);
    expect(b.headers.get('sforce-limit-info')).toBe('api-usage=2/500');
    const limits = await api(e, 'GET', '/limits');
    expect(limits.json.DailyApiRequests).toEqual({ Max: 500, Remaining: 497 });
    expect((await api(e, 'GET', '/limits', undefined, { authorization: 'Bearer x' })).headers.get('sforce-limit-info')).toBeNull();
  });

  it('hands out 18-character ids with a valid checksum, and accepts their 15-character form', async () => {
    e = await start();
    const id = (await api(e, 'POST', '/sobjects/Contact', { LastName: 'Ids' })).json.id as string;
    expect(id).toMatch(/^003[a-zA-Z0-9]{15}$/);
    expect(isSalesforceId(id)).toBe(true);
    expect((await api(e, 'GET', `/sobjects/Contact/${id.slice(0, 15)}`)).json.Id).toBe(id);
  });
});
