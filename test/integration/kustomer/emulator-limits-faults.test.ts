// Kustomer emulator: rate limits (org window with x-ratelimit-* headers and 429 + Retry-After,
// per-customer creates, search) and every fault kind, from code and over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { api, start } from './helpers.js';

let k: KustomerEmulator | null = null;
afterEach(async () => {
  await k?.close();
  k = null;
});

describe('Kustomer emulator: rate limits', () => {
  it('reports x-ratelimit-limit/remaining/reset on every reply and answers 429 + Retry-After past the org-wide window', async () => {
    const clock = new ManualClock('2025-03-01T10:00:10.000Z');
    k = await start({ clock, rateLimitPerMinute: 3 });
    const seen: Array<[number, string | null, string | null, string | null]> = [];
    for (let i = 0; i < 4; i++) {
      const r = await api(k, 'GET', '/v1/customers');
      seen.push([r.status, r.headers.get('x-ratelimit-limit'), r.headers.get('x-ratelimit-remaining'), r.headers.get('x-ratelimit-reset')]);
      if (r.status === 429) {
        expect(r.headers.get('retry-after')).toBe('50');
        expect(r.json.errors[0]).toMatchObject({ status: '429', code: 'too_many_requests' });
      }
    }
    expect(seen).toEqual([
      [200, '3', '2', '50'],
      [200, '3', '1', '50'],
      [200, '3', '0', '50'],
      [429, '3', '0', '50'],
    ]);
    const unauth = await api(k, 'GET', '/v1/customers', undefined, { authorization: 'Bearer wrong' });
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('x-ratelimit-remaining')).toBe('0');
    clock.advance(50_000);
    const next = await api(k, 'GET', '/v1/customers');
    expect(next.status).toBe(200);
    expect(next.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('limits conversation, message and note creates per customer per client (importedAt exempt)', async () => {
    k = await start({ perCustomerCreatesPerMinute: 2 });
    const c1 = (await api(k, 'POST', '/v1/customers', { name: 'busy' })).json.data.id;
    const c2 = (await api(k, 'POST', '/v1/customers', { name: 'calm' })).json.data.id;
    const conv = (await api(k, 'POST', '/v1/conversations', { customer: c1 })).json.data.id;
    expect((await api(k, 'POST', `/v1/conversations/${conv}/notes`, { body: 'n' })).status).toBe(201);
    const third = await api(k, 'POST', `/v1/conversations/${conv}/messages`, { channel: 'chat', app: 'a' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(third.json.errors[0].meta.customer).toBe(c1);
    expect((await api(k, 'POST', '/v1/conversations', { customer: c1, importedAt: '2025-01-01T00:00:00Z' })).status).toBe(201);
    expect((await api(k, 'POST', '/v1/conversations', { customer: c2 })).status).toBe(201);
  });

  it('limits searches by API key', async () => {
    k = await start({ searchRateLimitPerMinute: 1 });
    expect((await api(k, 'POST', '/v1/customers/search', {})).status).toBe(200);
    expect((await api(k, 'POST', '/v1/customers/search', {})).status).toBe(429);
  });
});

describe('Kustomer emulator: fault injection', () => {
  it('status: replies the given status in Kustomer shape, `times` times, without running the handler', async () => {
    k = await start();
    const [f] = k.fault({ method: 'POST', path: '/v1/customers', kind: 'status', status: 503, times: 2 });
    expect((await api(k, 'POST', '/v1/customers', { name: 'a' })).json.errors[0]).toMatchObject({ status: '503', code: 'service_unavailable' });
    expect((await api(k, 'POST', '/v1/customers', { name: 'b' })).status).toBe(503);
    expect((await api(k, 'POST', '/v1/customers', { name: 'c' })).status).toBe(201);
    expect(k.store.customers.size).toBe(1);
    expect(k.faults.list().find((x) => x.id === f?.id)?.fired).toBe(2);
    expect(k.requests().map((r) => r.faultId)).toEqual([f?.id, f?.id, null]);
  });

  it('rate_limit: 429 with Retry-After seconds and remaining 0', async () => {
    k = await start();
    k.fault({ path: '/v1/conversations/**', kind: 'rate_limit', retryAfterSec: 7 });
    const r = await api(k, 'GET', '/v1/conversations/externalId=x');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(r.headers.get('x-ratelimit-reset')).toBe('7');
  });

  it('delay: waits, then handles normally', async () => {
    k = await start();
    k.fault({ method: 'GET', path: '/v1/users/current', kind: 'delay', delayMs: 50 });
    expect((await api(k, 'GET', '/v1/users/current')).status).toBe(200);
  });

  it('drop: cuts the connection before handling, nothing committed', async () => {
    k = await start();
    k.fault({ method: 'POST', path: '/v1/customers', kind: 'drop' });
    await expect(api(k, 'POST', '/v1/customers', { name: 'lost' })).rejects.toThrow();
    expect(k.store.customers.size).toBe(0);
    expect(k.requests()[0]?.outcome).toBe('dropped');
  });

  it('commit_then_drop: commits the change, then cuts the connection without replying', async () => {
    k = await start();
    const customer = (await api(k, 'POST', '/v1/customers', { name: 'x' })).json.data.id;
    k.fault({ method: 'POST', path: '/v1/conversations', kind: 'commit_then_drop' });
    await expect(api(k, 'POST', '/v1/conversations', { customer, externalId: 'committed' })).rejects.toThrow();
    expect(k.store.conversationByExternalId('committed')).not.toBeNull();
    expect(k.requests().at(-1)).toMatchObject({ outcome: 'committed_then_dropped', status: 201 });
  });

  it('probability faults replay identically for the same seed', async () => {
    const run = async () => {
      const e = await start({ faultSeed: 42 });
      e.fault({ method: 'GET', path: '/v1/users/{id}', kind: 'status', status: 502, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await api(e, 'GET', '/v1/users/current')).status);
      await e.close();
      return statuses;
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(a).toContain(502);
    expect(a).toContain(200);
  });

  it('is programmable over HTTP: POST/GET/DELETE /__emulator/faults, GET /__emulator/requests and /__emulator/state', async () => {
    k = await start();
    const post = await fetch(`${k.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ id: 'boom', method: 'GET', path: '/v1/customers', kind: 'status', status: 500, times: null }]),
    });
    expect(post.status).toBe(201);
    expect((await api(k, 'GET', '/v1/customers')).status).toBe(500);
    expect((await api(k, 'GET', '/v1/customers')).status).toBe(500);
    const listed = (await (await fetch(`${k.url}/__emulator/faults`)).json()) as { faults: Array<{ id: string; fired: number }> };
    expect(listed.faults).toMatchObject([{ id: 'boom', fired: 2 }]);
    expect((await fetch(`${k.url}/__emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(k, 'GET', '/v1/customers')).status).toBe(200);
    const bad = await fetch(`${k.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/x', kind: 'explode' }) });
    expect(bad.status).toBe(400);
    const log = (await (await fetch(`${k.url}/__emulator/requests`)).json()) as { requests: Array<{ path: string; status: number; headers: Record<string, string> }> };
    expect(log.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(log.requests[0]?.headers.authorization).not.toContain('test-kustomer-key');
    const since = (await (await fetch(`${k.url}/__emulator/requests?since=2`)).json()) as { requests: unknown[] };
    expect(since.requests).toHaveLength(1);
    const state = (await (await fetch(`${k.url}/__emulator/state`)).json()) as { org: { name: string }; routingStatuses: unknown[] };
    expect(state.org.name).toBe('Acme');
    expect(state.routingStatuses.length).toBeGreaterThanOrEqual(3);
  });
});
