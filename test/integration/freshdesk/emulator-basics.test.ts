// Freshdesk emulator: Basic API-key auth, Freshdesk's error shapes, content negotiation,
// agents, pagination with the Link header, and the control surface.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth, type FreshdeskEmulator } from '../../../emulators/freshdesk/index.js';
import { AGENT_A, AGENT_B, AGENT_PLAIN, API_KEY, PLAIN_KEY, api, start } from './helpers.js';

let f: FreshdeskEmulator;
beforeEach(async () => {
  f = await start();
});
afterEach(async () => {
  await f.close();
});

describe('Freshdesk emulator: authentication', () => {
  it('accepts Basic <api key>:X (any password) and answers 401 invalid_credentials otherwise', async () => {
    expect((await api(f, 'GET', '/api/v2/agents/me')).json).toMatchObject({ id: AGENT_A, contact: { email: 'alice@acme.example' } });
    const anyPassword = await api(f, 'GET', '/api/v2/agents/me', undefined, { authorization: `Basic ${Buffer.from(`${PLAIN_KEY}:whatever`).toString('base64')}` });
    expect(anyPassword.json.id).toBe(AGENT_PLAIN);
    for (const authorization of ['', basicAuth('wrong-key'), `Bearer ${API_KEY}`, 'Basic !!!notbase64', `Basic ${Buffer.from(API_KEY).toString('base64')}`]) {
      const r = await api(f, 'GET', '/api/v2/tickets', undefined, { authorization });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });
    }
  });

  it('puts the rate-limit and version headers on every API reply, 401s included', async () => {
    const r = await api(f, 'GET', '/api/v2/agents/me', undefined, { authorization: basicAuth('nope') });
    expect(r.headers.get('x-ratelimit-total')).toBe('700');
    expect(r.headers.get('x-ratelimit-used-currentrequest')).toBe('1');
    expect(r.headers.get('x-freshdesk-api-version')).toBe('latest=v2; requested=v2');
  });
});

describe('Freshdesk emulator: error shapes and content types', () => {
  it('validation errors are {description, errors:[{field, message, code}]}; the rest {code, message}', async () => {
    const invalid = await api(f, 'POST', '/api/v2/tickets', { subject: 'x', description: 'y', email: 'a@b.example', colour: 'red' });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toEqual({ description: 'Validation failed', errors: [{ field: 'colour', message: 'Unexpected/invalid field in request', code: 'invalid_field' }] });
    const missing = await api(f, 'GET', '/api/v2/tickets/999');
    expect(missing.status).toBe(404);
    expect(missing.json.code).toBe('not_found');
    const notAllowed = await api(f, 'PATCH', '/api/v2/tickets/1', {});
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get('allow')).toContain('PUT');
    expect(notAllowed.json.code).toBe('method_not_allowed');
    const noRoute = await api(f, 'GET', '/api/v2/nothing-here');
    expect(noRoute.status).toBe(404);
  });

  it('invalid JSON is a 400 invalid_json; XML is a 415; an Accept it cannot serve is a 406', async () => {
    const bad = await api(f, 'POST', '/api/v2/tickets', '{"subject": ', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].code).toBe('invalid_json');
    const xml = await api(f, 'POST', '/api/v2/tickets', '<ticket/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect(xml.json.code).toBe('invalid_content_type');
    const contactsMultipart = new FormData();
    contactsMultipart.append('name', 'x');
    expect((await api(f, 'POST', '/api/v2/contacts', contactsMultipart)).status).toBe(415);
    expect((await api(f, 'GET', '/api/v2/agents', undefined, { accept: 'application/xml' })).status).toBe(406);
  });
});

describe('Freshdesk emulator: agents and pagination', () => {
  it('lists agents with their ids (the contact center crmUserIds), filters by e-mail and answers /agents/{id}', async () => {
    const all = await api(f, 'GET', '/api/v2/agents');
    expect(all.json.map((a: { id: number }) => a.id)).toEqual([AGENT_A, AGENT_B, AGENT_PLAIN]);
    expect(all.json[0]).toMatchObject({ type: 'support_agent', ticket_scope: 1, contact: { name: 'Alice Agent' } });
    expect((await api(f, 'GET', '/api/v2/agents?email=BOB@acme.example')).json.map((a: { id: number }) => a.id)).toEqual([AGENT_B]);
    expect((await api(f, 'GET', `/api/v2/agents/${AGENT_B}`)).json.contact.email).toBe('bob@acme.example');
    expect((await api(f, 'GET', '/api/v2/agents/4242')).status).toBe(404);
  });

  it('pages with page/per_page and a Link rel="next" header that is absent on the last page; per_page > 100 is an error', async () => {
    const first = await api(f, 'GET', '/api/v2/agents?per_page=2');
    expect(first.json).toHaveLength(2);
    const link = first.headers.get('link') ?? '';
    expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/v2\/agents\?per_page=2&page=2>; rel="next"$/);
    const next = await api(f, 'GET', new URL(link.slice(1, link.indexOf('>'))).pathname + new URL(link.slice(1, link.indexOf('>'))).search);
    expect(next.json.map((a: { id: number }) => a.id)).toEqual([AGENT_PLAIN]);
    expect(next.headers.get('link')).toBeNull();
    const tooMany = await api(f, 'GET', '/api/v2/agents?per_page=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0]).toMatchObject({ field: 'per_page', code: 'invalid_value' });
    expect((await api(f, 'GET', '/api/v2/agents?page=0')).status).toBe(400);
  });

  it('lists groups and rejects unknown query parameters with invalid_field', async () => {
    expect((await api(f, 'GET', '/api/v2/groups')).json).toEqual([{ id: 1, name: 'Support', description: null, agent_ids: [] }]);
    const r = await api(f, 'GET', '/api/v2/agents?colour=red');
    expect(r.json.errors[0]).toEqual({ field: 'colour', message: 'Unexpected/invalid field in request', code: 'invalid_field' });
  });
});

describe('Freshdesk emulator: control surface', () => {
  it('dumps its state with masked keys and logs requests with masked credentials', async () => {
    await api(f, 'GET', '/api/v2/agents/me');
    const state = (await (await fetch(`${f.url}/__emulator/state`)).json()) as { account: { domain: string }; apiKeys: Array<{ key: string }>; statuses: Array<{ id: number }> };
    expect(state.account.domain).toBe('acme.freshdesk.com');
    expect(state.apiKeys[0]?.key).toMatch(/^\*\*\*/);
    expect(state.statuses.map((s) => s.id)).toEqual([2, 3, 4, 5, 6, 7]);
    const log = f.requests();
    expect(log[0]?.headers.authorization).not.toContain(Buffer.from(`${API_KEY}:X`).toString('base64'));
  });
});
