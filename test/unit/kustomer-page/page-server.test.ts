// The Kustomer page emulator over HTTP on loopback: sign-in, the session cookie as a second way
// to call the API (same origin only; API keys unchanged), the page's own endpoints, server-sent
// events with open-page counts, and the bridge's API client against the real replies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKustomerWithPage, type KustomerPage } from '../../../emulators/kustomer-page/index.js';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { createPageApi, type FetchLike } from '../../../preload/kustomer/page-api.js';
import { DEFAULT_PROFILE } from '../../../preload/kustomer/profile.js';

const ALICE = '64b0000000000000000000a1';
const KEY = 'unit-kustomer-key';
let api: KustomerEmulator;
let page: KustomerPage;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ api, page, close } = await startKustomerWithPage({
    seed: { apiKeys: [KEY], users: [{ id: ALICE, email: 'alice@acme.example', name: 'Alice' }], workSessions: [{ user: ALICE, status: 'Available' }] },
  }));
});
afterEach(() => close());

async function signIn(email = 'alice@acme.example'): Promise<string> {
  const res = await fetch(page.loginUrl, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email, next: '/app/customers/1' }) });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/app/customers/1');
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^kustomer_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
  return cookie.split(';')[0] ?? '';
}

describe('sign-in', () => {
  it('refuses unknown e-mails and machine users with a clear error', async () => {
    for (const email of ['nobody@acme.example', [...api.store.users.values()].find((u) => u.userType === 'machine')?.email ?? '']) {
      const res = await fetch(page.loginUrl, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email }) });
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain(`No Kustomer user has the e-mail address ${email}`);
    }
  });

  it('only returns to app pages after sign-in', async () => {
    const res = await fetch(page.loginUrl, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email: 'alice@acme.example', next: 'https://evil.example/' }) });
    expect(res.headers.get('location')).toBe('/app');
  });

  it('serves pages with a CSP and no inline script; app pages need a session', async () => {
    const anon = await fetch(page.appUrl, { redirect: 'manual' });
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe('/login?next=%2Fapp');
    const cookie = await signIn();
    const res = await fetch(page.conversationUrl('abc'), { headers: { cookie } });
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'; style-src 'self'; connect-src 'self'.*frame-ancestors 'self'/);
    const html = await res.text();
    expect(html).toContain('data-testid="user-status-select"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = await fetch(`${page.url}/assets/kustomer-page.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toMatch(/^"use strict";\n\(\(\) => \{/);
  });
});

describe('the session cookie as API authentication', () => {
  it('signs same-origin requests in as the user', async () => {
    const cookie = await signIn();
    const me = await fetch(`${api.url}/v1/users/current`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { id: string } }).data.id).toBe(ALICE);
  });

  it('is refused from other origins, and never replaces a Bearer header', async () => {
    const cookie = await signIn();
    expect((await fetch(`${api.url}/v1/users/current`, { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(401);
    expect((await fetch(`${api.url}/v1/users/current`, { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(401);
    expect((await fetch(`${api.url}/v1/users/current`, { headers: { cookie, authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${api.url}/v1/users/current`, { headers: { cookie: 'kustomer_session=forged' } })).status).toBe(401);
  });

  it('leaves API keys as they were', async () => {
    const res = await fetch(`${api.url}/v1/users/current`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(200);
    expect((await fetch(`${api.url}/v1/users/current`)).status).toBe(401);
  });

  it('the web app endpoints take the session only', async () => {
    const cookie = await signIn();
    const byKey = await fetch(`${api.url}/app/api/work-sessions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: '{"status":"x"}' });
    expect(byKey.status).toBe(403);
    api.setUserStatus(ALICE, 'Offline');
    const lunch = api.store.statusByName('Lunch')?.id;
    const start = await fetch(`${api.url}/app/api/work-sessions`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ status: lunch }) });
    expect(start.status).toBe(200);
    expect(((await start.json()) as { data: { attributes: { active: boolean } } }).data.attributes.active).toBe(true);
    expect(api.store.currentSession(ALICE)?.statusId).toBe(lunch);
  });

  it('logout ends the session', async () => {
    const cookie = await signIn();
    const out = await fetch(`${page.url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${api.url}/v1/users/current`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('events and open pages', () => {
  async function openStream(cookie: string) {
    const controller = new AbortController();
    const res = await fetch(`${page.url}/app/api/events`, { headers: { cookie }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    return {
      close: () => controller.abort(),
      /** The next event of that name (earlier ones are skipped). */
      async next(name: string): Promise<unknown> {
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event === name && data) return JSON.parse(data);
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += decoder.decode(value, { stream: true });
        }
      },
    };
  }

  it('sends a snapshot, every change of the user status, and the open-page count', async () => {
    const cookie = await signIn();
    const counts: number[] = [];
    page.onInstancesChange((user, n) => user === ALICE && counts.push(n));
    const first = await openStream(cookie);
    expect(await first.next('snapshot')).toMatchObject({ status: { name: 'Available', statusType: 'available', active: true }, instances: 1 });
    const second = await openStream(cookie);
    expect(await second.next('snapshot')).toMatchObject({ instances: 2 });
    expect(await first.next('instances')).toEqual({ count: 2 });
    expect(page.instances(ALICE)).toBe(2);

    api.setUserStatus(ALICE, 'Lunch');
    expect(await first.next('status')).toMatchObject({ name: 'Lunch', statusType: 'unavailable', active: true });
    expect(await second.next('status')).toMatchObject({ name: 'Lunch' });
    api.setUserStatus(ALICE, 'Offline');
    expect(await second.next('status')).toMatchObject({ name: 'Offline', statusType: 'offline', active: false, sessionId: null });

    second.close();
    expect(await first.next('instances')).toEqual({ count: 1 });
    expect(counts).toEqual([1, 2, 1]);
    first.close();
  });

  it('needs a session', async () => {
    expect((await fetch(`${page.url}/app/api/events`)).status).toBe(401);
  });
});

describe("the bridge's API client against the page emulator", () => {
  it('reads the user, the statuses and the session, and writes through the session', async () => {
    const cookie = await signIn();
    const fetchFn: FetchLike = async (url, init) => {
      const res = await fetch(api.url + url, { method: init.method, headers: { ...init.headers, cookie, 'sec-fetch-site': 'same-origin' }, body: init.body });
      return { ok: res.ok, status: res.status, json: () => res.json() };
    };
    const client = createPageApi(fetchFn, DEFAULT_PROFILE, () => undefined);
    expect(await client.currentUser()).toEqual({ id: ALICE, email: 'alice@acme.example' });
    expect((await client.statuses()).map((s) => [s.name, s.statusType, s.system])).toEqual([
      ['Available', 'available', true],
      ['Busy', 'busy', true],
      ['Offline', 'offline', true],
      ['Email', 'available', false],
      ['Lunch', 'unavailable', false],
      ['Meeting', 'unavailable', false],
    ]);
    const before = await client.currentStatus();
    expect(before).toMatchObject({ name: 'Available', statusType: 'available' });
    const lunch = (await client.statuses()).find((s) => s.name === 'Lunch')?.id ?? '';
    await client.setStatus(lunch, before.sessionId);
    expect(await client.currentStatus()).toMatchObject({ name: 'Lunch', sessionId: before.sessionId });
    const offline = (await client.statuses()).find((s) => s.name === 'Offline')?.id ?? '';
    await client.setStatus(offline, before.sessionId);
    expect(await client.currentStatus()).toMatchObject({ name: 'Offline', sessionId: null });
    await client.setStatus(lunch, null);
    expect(await client.currentStatus()).toMatchObject({ name: 'Lunch' });
  });
});
