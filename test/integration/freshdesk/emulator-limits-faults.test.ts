// Freshdesk emulator: rate limits (account-wide per minute with X-Ratelimit-* headers, include=
// credits, per-endpoint sub-limits, invalid requests counted, 429 + Retry-After) and every fault
// kind of the http-kit, from code and over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import { basicAuth, type FreshdeskEmulator } from '../../../emulators/freshdesk/index.js';
import { api, start } from './helpers.js';

let f: FreshdeskEmulator | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});
const T = { subject: 'S', description: 'D', email: 'a@b.example' };

describe('Freshdesk emulator: rate limits', () => {
  it('reports X-Ratelimit-Total/Remaining/Used-CurrentRequest and answers 429 + Retry-After past the account limit; the next window is fresh', async () => {
    const clock = new ManualClock('2025-03-01T10:00:26.000Z');
    f = await start({ clock, rateLimitPerMinute: 5 });
    const seen: Array<[number, string | null, string | null, string | null]> = [];
    const call = async (path: string, auth = true) => {
      const r = await api(f as FreshdeskEmulator, 'GET', path, undefined, auth ? {} : { authorization: basicAuth('wrong') });
      seen.push([r.status, r.headers.get('x-ratelimit-total'), r.headers.get('x-ratelimit-remaining'), r.headers.get('x-ratelimit-used-currentrequest')]);
      return r;
    };
    await call('/api/v2/agents/me');
    await call('/api/v2/agents/me', false); // invalid requests count too
    await call('/api/v2/tickets?include=stats'); // 3 credits
    const refused = await call('/api/v2/agents/me');
    expect(seen).toEqual([
      [200, '5', '4', '1'],
      [401, '5', '3', '1'],
      [200, '5', '0', '3'],
      [429, '5', '0', '0'],
    ]);
    expect(refused.headers.get('retry-after')).toBe('34');
    expect(refused.json).toMatchObject({ code: 'too_many_requests' });
    clock.advance(34_000);
    const next = await call('/api/v2/agents/me');
    expect([next.status, next.headers.get('x-ratelimit-remaining')]).toEqual([200, '4']);
  });

  it('applies the per-endpoint limits (ticket create, update, tickets list, contacts list) under the account limit', async () => {
    const clock = new ManualClock('2025-03-01T10:00:00.000Z');
    f = await start({ clock, endpointLimits: { ticketCreate: 1, ticketUpdate: 1, ticketsList: 1, contactsList: 1 } });
    const id = (await api(f, 'POST', '/api/v2/tickets', T)).json.id;
    const second = await api(f, 'POST', '/api/v2/tickets', T);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('60');
    expect(second.json.message).toContain('for this endpoint');
    expect((await api(f, 'PUT', `/api/v2/tickets/${id}`, { priority: 2 })).status).toBe(200);
    expect((await api(f, 'PUT', `/api/v2/tickets/${id}`, { priority: 3 })).status).toBe(429);
    expect((await api(f, 'GET', '/api/v2/tickets')).status).toBe(200);
    expect((await api(f, 'GET', '/api/v2/tickets')).status).toBe(429);
    expect((await api(f, 'GET', `/api/v2/tickets/${id}`)).status).toBe(200); // viewing one ticket is not the list
    expect((await api(f, 'GET', '/api/v2/contacts')).status).toBe(200);
    expect((await api(f, 'GET', '/api/v2/contacts')).status).toBe(429);
    expect(f.store.tickets.size).toBe(1);
  });
});

describe('Freshdesk emulator: fault injection', () => {
  it('status: replies the status in Freshdesk shape, `times` times, without running the handler', async () => {
    f = await start();
    const [fault] = f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'status', status: 503, times: 2 });
    const r = await api(f, 'POST', '/api/v2/tickets', T);
    expect(r.status).toBe(503);
    expect(r.json).toEqual({ code: 'service_unavailable', message: 'Injected fault' });
    expect((await api(f, 'POST', '/api/v2/tickets', T)).status).toBe(503);
    expect((await api(f, 'POST', '/api/v2/tickets', T)).status).toBe(201);
    expect(f.store.tickets.size).toBe(1);
    expect(f.faults.list().find((x) => x.id === fault?.id)?.fired).toBe(2);
  });

  it('rate_limit: 429 with Retry-After and X-Ratelimit-Remaining 0', async () => {
    f = await start();
    f.fault({ path: '/api/v2/tickets/**', kind: 'rate_limit', retryAfterSec: 7 });
    const r = await api(f, 'GET', '/api/v2/tickets/1');
    expect([r.status, r.headers.get('retry-after'), r.headers.get('x-ratelimit-remaining')]).toEqual([429, '7', '0']);
    expect(r.json.code).toBe('too_many_requests');
  });

  it('delay: waits, then handles normally', async () => {
    f = await start();
    f.fault({ method: 'GET', path: '/api/v2/agents/me', kind: 'delay', delayMs: 50 });
    expect((await api(f, 'GET', '/api/v2/agents/me')).status).toBe(200);
    expect(f.requests()[0]?.faultId).not.toBeNull();
  });

  it('drop: cuts the connection before handling; nothing committed', async () => {
    f = await start();
    f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'drop' });
    await expect(api(f, 'POST', '/api/v2/tickets', T)).rejects.toThrow();
    expect(f.store.tickets.size).toBe(0);
    expect(f.requests()[0]?.outcome).toBe('dropped');
  });

  it('commit_then_drop: the ticket is committed, then the connection is cut without a reply', async () => {
    f = await start();
    f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'commit_then_drop' });
    await expect(api(f, 'POST', '/api/v2/tickets', T)).rejects.toThrow();
    expect(f.store.tickets.size).toBe(1);
    expect(f.requests()[0]).toMatchObject({ outcome: 'committed_then_dropped', status: 201 });
  });

  it('probability faults replay identically for the same seed', async () => {
    const run = async () => {
      const e = await start({ faultSeed: 7 });
      e.fault({ method: 'GET', path: '/api/v2/agents/{id}', kind: 'status', status: 502, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await api(e, 'GET', '/api/v2/agents/1001')).status);
      await e.close();
      return statuses;
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(a).toContain(502);
    expect(a).toContain(200);
  });

  it('is programmable over HTTP: POST/GET/DELETE /__emulator/faults and GET /__emulator/requests?since=', async () => {
    f = await start();
    const post = await fetch(`${f.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'boom', method: 'GET', path: '/api/v2/contacts', kind: 'status', status: 500, times: null }),
    });
    expect(post.status).toBe(201);
    expect((await api(f, 'GET', '/api/v2/contacts')).json).toEqual({ code: 'internal_error', message: 'Injected fault' });
    expect((await api(f, 'GET', '/api/v2/contacts')).status).toBe(500);
    const listed = (await (await fetch(`${f.url}/__emulator/faults`)).json()) as { faults: Array<{ id: string; fired: number }> };
    expect(listed.faults).toMatchObject([{ id: 'boom', fired: 2 }]);
    expect((await fetch(`${f.url}/__emulator/faults/boom`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(f, 'GET', '/api/v2/contacts')).status).toBe(200);
    const since = (await (await fetch(`${f.url}/__emulator/requests?since=2`)).json()) as { requests: Array<{ status: number }> };
    expect(since.requests.map((r) => r.status)).toEqual([200]);
  });
});
