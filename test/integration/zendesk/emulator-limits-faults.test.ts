// Zendesk emulator: rate limits (account window with X-Rate-Limit headers and 429 +
// Retry-After; the Update Ticket endpoint's account limit; 30 updates per 10 minutes per user per
// ticket) and every fault kind, from code and over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { AGENT_EMAIL, api, basic, endUser, start, ticket } from './helpers.js';

let z: ZendeskEmulator | null = null;
afterEach(async () => {
  await z?.close();
  z = null;
});

describe('Zendesk emulator: rate limits', () => {
  it('X-Rate-Limit / X-Rate-Limit-Remaining (and ratelimit-*) on every reply; past the account window 429 APIRateLimitExceeded + Retry-After', async () => {
    const clock = new ManualClock('2026-03-01T10:00:10Z');
    z = await start({ clock, rateLimitPerMinute: 3 });
    const seen: Array<[number, string | null, string | null, string | null]> = [];
    for (let i = 0; i < 4; i++) {
      const r = await api(z, 'GET', '/api/v2/users/me');
      seen.push([r.status, r.headers.get('x-rate-limit'), r.headers.get('x-rate-limit-remaining'), r.headers.get('ratelimit-reset')]);
      if (r.status === 429) {
        expect(r.headers.get('retry-after')).toBe('50');
        expect(r.json).toEqual({ error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' });
      }
    }
    expect(seen).toEqual([
      [200, '3', '2', '50'],
      [200, '3', '1', '50'],
      [200, '3', '0', '50'],
      [429, '3', '0', '50'],
    ]);
    expect((await api(z, 'GET', '/api/v2/users/me', undefined, { authorization: basic('x@y.z') })).status).toBe(401); // not counted, not attributable
    clock.advance(50_000);
    expect((await api(z, 'GET', '/api/v2/users/me')).headers.get('x-rate-limit-remaining')).toBe('2');
  });

  it('30 updates per 10 minutes per user per ticket (here 2): the third is a 429 with Retry-After; other tickets and users go on; the window passes', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock, perTicketUpdates: 2 });
    const u = await endUser(z, { name: 'C' });
    const a = await ticket(z, { requester_id: u });
    const b = await ticket(z, { requester_id: u });
    let n = 0;
    const put = (id: number, auth?: string) => api(z as ZendeskEmulator, 'PUT', `/api/v2/tickets/${id}`, { ticket: { additional_tags: [`t${++n}`] } }, auth ? { authorization: auth } : {});
    expect((await put(a.id)).status).toBe(200);
    expect((await put(a.id)).status).toBe(200);
    const third = await put(a.id);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('600');
    expect(third.json.error).toBe('APIRateLimitExceeded');
    expect(third.json.description).toContain(`ticket ${a.id}`);
    expect((await put(b.id)).status).toBe(200);
    expect((await put(a.id, basic(AGENT_EMAIL))).status).toBe(200);
    clock.advance(600_000);
    expect((await put(a.id)).status).toBe(200);
  });

  it('the Update Ticket endpoint has its own account-wide limit per minute', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock, updateTicketPerMinute: 1 });
    const u = await endUser(z, { name: 'C' });
    const a = await ticket(z, { requester_id: u });
    const b = await ticket(z, { requester_id: u });
    expect((await api(z, 'PUT', `/api/v2/tickets/${a.id}`, { ticket: { status: 'open' } })).status).toBe(200);
    expect((await api(z, 'PUT', `/api/v2/tickets/${b.id}`, { ticket: { status: 'open' } })).status).toBe(429);
    expect((await api(z, 'GET', `/api/v2/tickets/${b.id}`)).status).toBe(200);
  });
});

describe('Zendesk emulator: fault injection', () => {
  it('status: the given status in Zendesk\'s shape, `times` times, without running the handler', async () => {
    z = await start();
    const [f] = z.fault({ method: 'POST', path: '/api/v2/users', kind: 'status', status: 503, times: 2 });
    expect(await api(z, 'POST', '/api/v2/users', { user: { name: 'a' } })).toMatchObject({ status: 503, json: { error: 'ServiceUnavailable' } });
    expect((await api(z, 'POST', '/api/v2/users', { user: { name: 'b' } })).status).toBe(503);
    expect((await api(z, 'POST', '/api/v2/users', { user: { name: 'c' } })).status).toBe(201);
    expect([...z.store.users.values()].filter((u) => u.role === 'end-user').map((u) => u.name)).toEqual(['c']);
    expect(z.faults.list().find((x) => x.id === f?.id)?.fired).toBe(2);
  });

  it('rate_limit: 429 with Retry-After and remaining 0', async () => {
    z = await start();
    z.fault({ path: '/api/v2/tickets/**', kind: 'rate_limit', retryAfterSec: 7 });
    const r = await api(z, 'GET', '/api/v2/tickets/1');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(r.json.error).toBe('APIRateLimitExceeded');
  });

  it('delay waits then handles; drop cuts the connection before anything is committed', async () => {
    z = await start();
    z.fault({ method: 'GET', path: '/api/v2/users/me', kind: 'delay', delayMs: 30 });
    expect((await api(z, 'GET', '/api/v2/users/me')).status).toBe(200);
    z.fault({ method: 'POST', path: '/api/v2/users', kind: 'drop' });
    await expect(api(z, 'POST', '/api/v2/users', { user: { name: 'lost' } })).rejects.toThrow();
    expect([...z.store.users.values()].some((u) => u.name === 'lost')).toBe(false);
  });

  it('commit_then_drop on a ticket create commits it; the retry with the same Idempotency-Key replays it (hit), no duplicate', async () => {
    z = await start();
    const u = await endUser(z, { name: 'C' });
    z.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'commit_then_drop' });
    const create = () => api(z as ZendeskEmulator, 'POST', '/api/v2/tickets', { ticket: { requester_id: u, external_id: 'S-ctd', comment: { body: 'x', public: false } } }, { 'idempotency-key': 'agentdesk:ticket:S-ctd' });
    await expect(create()).rejects.toThrow();
    expect(z.store.tickets.size).toBe(1);
    expect(z.requests().at(-1)).toMatchObject({ outcome: 'committed_then_dropped', status: 201 });
    const retry = await create();
    expect(retry.headers.get('x-idempotency-lookup')).toBe('hit');
    expect(z.store.tickets.size).toBe(1);
  });

  it('probability faults replay identically for the same seed; faults are programmable over HTTP', async () => {
    const run = async () => {
      const e = await start({ faultSeed: 42 });
      e.fault({ method: 'GET', path: '/api/v2/users/me', kind: 'status', status: 502, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await api(e, 'GET', '/api/v2/users/me')).status);
      await e.close();
      return statuses;
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(first).toContain(502);
    expect(first).toContain(200);
    z = await start();
    const post = await fetch(`${z.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'boom', path: '/api/v2/**', kind: 'status', status: 500, times: null }) });
    expect(post.status).toBe(201);
    expect((await api(z, 'GET', '/api/v2/users/me')).json.error).toBe('InternalServerError');
    expect((await fetch(`${z.url}/__emulator/faults/boom`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(z, 'GET', '/api/v2/users/me')).status).toBe(200);
  });
});
