// The bridge's calls to the page's own API: what it asks, how it reads Kustomer's JSON:API
// replies, and how failures surface.
import { describe, expect, it } from 'vitest';
import { createPageApi, PageApiError, type FetchLike } from '../../../preload/kustomer/page-api.js';
import { DEFAULT_PROFILE } from '../../../preload/kustomer/profile.js';

type Handler = (method: string, url: string, body: unknown) => { status: number; json?: unknown } | Promise<never>;

function fakeFetch(handler: Handler) {
  const calls: Array<{ method: string; url: string; body: unknown; credentials: string; headers: Record<string, string> }> = [];
  const fetchFn: FetchLike = async (url, init) => {
    const body = init.body === undefined ? undefined : JSON.parse(init.body);
    calls.push({ method: init.method, url, body, credentials: init.credentials, headers: init.headers });
    const r = await handler(init.method, url, body);
    return { ok: r.status >= 200 && r.status < 300, status: r.status, json: async () => (r.json === undefined ? Promise.reject(new Error('no body')) : r.json) };
  };
  return { calls, api: createPageApi(fetchFn, DEFAULT_PROFILE, () => undefined) };
}

const status = (id: string, name: string, statusType: string, system = false) => ({ type: 'user_status', id, attributes: { name, statusType, system } });
const STATUS_LIST = { data: [status('s1', 'Available', 'available', true), status('s2', 'Offline', 'offline', true), status('s3', 'Lunch', 'unavailable')], links: { next: null } };
const session = (id: string, statusId: string, active = true) => ({
  type: 'work_session',
  id,
  attributes: { active, statusType: 'x', statusChangedAt: '2026-01-02T03:04:05.000Z' },
  relationships: { status: { data: { type: 'user_status', id: statusId } } },
});

describe('createPageApi', () => {
  it('reads the signed-in user with the page cookies (same-origin), and 401 as nobody', async () => {
    const ok = fakeFetch(() => ({ status: 200, json: { data: { id: 'u1', type: 'user', attributes: { email: 'a@acme.example', name: 'A' } } } }));
    expect(await ok.api.currentUser()).toEqual({ id: 'u1', email: 'a@acme.example' });
    expect(ok.calls[0]).toMatchObject({ method: 'GET', url: '/v1/users/current', credentials: 'same-origin' });
    const anon = fakeFetch(() => ({ status: 401, json: { errors: [{ detail: 'Missing Authorization header' }] } }));
    expect(await anon.api.currentUser()).toBeNull();
    const broken = fakeFetch(() => ({ status: 500, json: { errors: [{ detail: 'boom' }] } }));
    await expect(broken.api.currentUser()).rejects.toThrow('GET /v1/users/current: HTTP 500 boom');
  });

  it('lists statuses across pages, following only same-origin relative links, and caches them', async () => {
    const { api, calls } = fakeFetch((_m, url) =>
      url === DEFAULT_PROFILE.paths.statuses
        ? { status: 200, json: { data: [status('s1', 'Available', 'available', true)], links: { next: '/v1/routing/statuses?page=2' } } }
        : url === '/v1/routing/statuses?page=2'
          ? { status: 200, json: { data: [status('s3', 'Lunch', 'unavailable'), status('s9', 'Odd', 'weird')], links: { next: 'https://evil.example/v1/x' } } }
          : { status: 404 },
    );
    expect(await api.statuses()).toEqual([
      { id: 's1', name: 'Available', statusType: 'available', system: true },
      { id: 's3', name: 'Lunch', statusType: 'unavailable', system: false },
      { id: 's9', name: 'Odd', system: false },
    ]);
    await api.statuses();
    expect(calls).toHaveLength(2);
    await api.statuses(true);
    expect(calls).toHaveLength(4);
  });

  it('reads the current status from the active work session', async () => {
    const { api } = fakeFetch((_m, url) => (url.startsWith('/v1/routing/statuses') ? { status: 200, json: STATUS_LIST } : { status: 200, json: { data: [session('w1', 's3')] } }));
    expect(await api.currentStatus()).toEqual({ sessionId: 'w1', statusId: 's3', name: 'Lunch', statusType: 'unavailable', changedAt: Date.parse('2026-01-02T03:04:05.000Z') });
  });

  it('no active session is the org Offline status', async () => {
    const { api, calls } = fakeFetch((_m, url) => (url.startsWith('/v1/routing/statuses') ? { status: 200, json: STATUS_LIST } : { status: 200, json: { data: [] } }));
    expect(await api.currentStatus()).toEqual({ sessionId: null, statusId: 's2', name: 'Offline', statusType: 'offline', changedAt: null });
    expect(calls[0]?.url).toBe('/v1/routing/work-sessions?user=true&active=true');
  });

  it('a status created since the list was read is found by reading the list again', async () => {
    let list = STATUS_LIST;
    const { api } = fakeFetch((_m, url) => (url.startsWith('/v1/routing/statuses') ? { status: 200, json: list } : { status: 200, json: { data: [session('w1', 's4')] } }));
    await api.statuses();
    list = { ...STATUS_LIST, data: [...STATUS_LIST.data, status('s4', 'Coffee', 'unavailable')] };
    expect((await api.currentStatus()).name).toBe('Coffee');
  });

  it('changes the active session with PUT, or starts one with the web app call', async () => {
    const { api, calls } = fakeFetch(() => ({ status: 200, json: { data: null } }));
    await api.setStatus('s3', 'w1');
    await api.setStatus('s1', null);
    expect(calls.map((c) => [c.method, c.url, c.body, c.headers['content-type']])).toEqual([
      ['PUT', '/v1/routing/work-sessions/w1', { status: 's3' }, 'application/json'],
      ['POST', '/app/api/work-sessions', { status: 's1' }, 'application/json'],
    ]);
  });

  it('network failures and unexpected replies are PageApiErrors', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(down.api.setStatus('s1', 'w1')).rejects.toMatchObject({ name: 'PageApiError', status: 0, message: 'PUT /v1/routing/work-sessions/w1 failed: Failed to fetch' });
    const odd = fakeFetch(() => ({ status: 200, json: { data: 'nope' } }));
    await expect(odd.api.currentUser()).rejects.toBeInstanceOf(PageApiError);
  });
});
