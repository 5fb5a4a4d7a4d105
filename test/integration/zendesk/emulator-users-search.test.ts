// Zendesk emulator: users (create, uniqueness, E.164 validation, create_or_update, users/search)
// and the search API (Zendesk's caller phone matching, tickets by status/tags/external_id,
// sorting, index lag, limits).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { AGENT_A, api, endUser, start, ticket } from './helpers.js';

let z: ZendeskEmulator | null = null;
afterEach(async () => {
  await z?.close();
  z = null;
});

const ids = (r: { json: { results: Array<{ id: number }> } }) => r.json.results.map((x) => x.id);
const search = (em: ZendeskEmulator, q: string, extra = '') => api(em, 'GET', `/api/v2/search.json?query=${encodeURIComponent(q)}${extra}`);

describe('Zendesk emulator: users', () => {
  it('creates end users; name is required, e-mail and external_id are unique (422 DuplicateValue)', async () => {
    z = await start();
    const r = await api(z, 'POST', '/api/v2/users', { user: { name: 'Carol', email: 'carol@example.com', phone: '+14155550100', external_id: 'app-1' } });
    expect(r.status).toBe(201);
    expect(r.json.user).toMatchObject({ name: 'Carol', role: 'end-user', phone: '+14155550100', external_id: 'app-1', shared_phone_number: false });
    expect(await api(z, 'POST', '/api/v2/users', { user: { email: 'x@example.com' } })).toMatchObject({ status: 422, json: { details: { name: [expect.objectContaining({ error: 'BlankValue' })] } } });
    expect(await api(z, 'POST', '/api/v2/users', { user: { name: 'Dup', email: 'CAROL@example.com' } })).toMatchObject({ status: 422, json: { details: { email: [expect.objectContaining({ error: 'DuplicateValue' })] } } });
    expect(await api(z, 'POST', '/api/v2/users', { user: { name: 'Dup', external_id: 'app-1' } })).toMatchObject({ status: 422, json: { details: { external_id: expect.any(Array) } } });
    expect((await api(z, 'GET', `/api/v2/users/${r.json.user.id}`)).json.user.email).toBe('carol@example.com');
  });

  it('with "Validate user phone numbers" on, a phone that is not E.164 is a 422', async () => {
    z = await start({ validatePhoneNumbers: true });
    expect((await api(z, 'POST', '/api/v2/users', { user: { name: 'A', phone: '(415) 555-0100' } })).status).toBe(422);
    expect((await api(z, 'POST', '/api/v2/users', { user: { name: 'B', phone: '+14155550100' } })).status).toBe(201);
  });

  it('create_or_update matches by external_id, else e-mail: 201 when it creates, 200 when it updates', async () => {
    z = await start();
    const first = await api(z, 'POST', '/api/v2/users/create_or_update', { user: { name: 'Caller +1', external_id: 'agentdesk:phone:+14155550100', phone: '+14155550100' } });
    expect(first.status).toBe(201);
    const again = await api(z, 'POST', '/api/v2/users/create_or_update', { user: { name: 'Caller +1', external_id: 'agentdesk:phone:+14155550100', phone: '+14155550100' } });
    expect(again.status).toBe(200);
    expect(again.json.user.id).toBe(first.json.user.id);
    const byEmail = await api(z, 'POST', '/api/v2/users/create_or_update', { user: { name: 'Kim', email: 'kim@example.com' } });
    expect((await api(z, 'POST', '/api/v2/users/create_or_update', { user: { email: 'KIM@example.com' } })).json.user.id).toBe(byEmail.json.user.id);
    expect((await api(z, 'POST', '/api/v2/users/create_or_update', { user: { name: 'No key' } })).status).toBe(422);
    expect((await api(z, 'GET', '/api/v2/users/search?external_id=agentdesk:phone:%2B14155550100')).json.users.map((u: { id: number }) => u.id)).toEqual([first.json.user.id]);
  });
});

describe('Zendesk emulator: search', () => {
  it('KUS-8: phone:<digits> matches exactly those digits; phone:*<digits> matches any stored format ending with them', async () => {
    z = await start();
    const e164 = await endUser(z, { name: 'E164', phone: '+14155550100' });
    const national = await endUser(z, { name: 'National', phone: '(415) 555-0100' });
    const dotted = await endUser(z, { name: 'Dotted', phone: '+1 415.555.0100' });
    await endUser(z, { name: 'Other', phone: '+14155550199' });
    expect(ids(await search(z, 'type:user phone:14155550100'))).toEqual([e164, dotted]);
    expect(ids(await search(z, 'type:user phone:*4155550100'))).toEqual([e164, national, dotted]);
    expect(ids(await search(z, 'type:user role:end-user phone:+1 415'))).toEqual([]);
    expect((await search(z, 'type:user phone:*4155550100')).json.results[0].result_type).toBe('user');
    expect(ids(await search(z, 'type:user role:agent'))).toContain(AGENT_A);
    expect((await api(z, 'GET', `/api/v2/users/search?query=${encodeURIComponent('phone:*4155550100')}`)).json.users).toHaveLength(3);
  });

  it('finds tickets by status (with < and >), tags, external_id and requester; sorts with order_by/sort; -key negates', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock });
    const u = await endUser(z, { name: 'C', email: 'c@example.com' });
    const a = await ticket(z, { requester_id: u, tags: ['vip'], external_id: 'S-1' });
    clock.advance(1000);
    const b = await ticket(z, { requester_id: u, status: 'solved' });
    clock.advance(1000);
    const c = await ticket(z, { requester_id: u, status: 'pending', tags: ['vip'] });
    expect(ids(await search(z, 'type:ticket status<solved'))).toEqual([a.id, c.id]);
    expect(ids(await search(z, 'type:ticket status>=solved'))).toEqual([b.id]);
    expect(ids(await search(z, 'type:ticket tags:vip order_by:created_at sort:desc'))).toEqual([c.id, a.id]);
    expect(ids(await search(z, 'type:ticket external_id:S-1'))).toEqual([a.id]);
    expect(ids(await search(z, 'type:ticket requester:c@example.com -tags:vip'))).toEqual([b.id]);
    expect(ids(await search(z, 'type:ticket created>2026-03-01T10:00:00Z'))).toEqual([b.id, c.id]);
  });

  it('sees a record only once indexed (searchLagMs), while reads by id or external_id see it at once', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock, searchLagMs: 30_000 });
    const u = await endUser(z, { name: 'Fresh', phone: '+14155550123', external_id: 'fresh-1' });
    expect(ids(await search(z, 'type:user phone:*4155550123'))).toEqual([]);
    expect((await api(z, 'GET', '/api/v2/users/search?external_id=fresh-1')).json.users).toHaveLength(1);
    clock.advance(30_000);
    expect(ids(await search(z, 'type:user phone:*4155550123'))).toEqual([u]);
  });

  it('an unsupported field is a 400 naming it; results stop at 1000 (422); query is required', async () => {
    z = await start();
    const bad = await search(z, 'type:user shoe_size:42');
    expect(bad).toMatchObject({ status: 400, json: { error: 'InvalidSearch' } });
    expect(bad.json.description).toContain('shoe_size');
    expect((await search(z, 'type:user', '&page=11&per_page=100')).status).toBe(422);
    expect((await api(z, 'GET', '/api/v2/search.json')).status).toBe(400);
  });
});
