// Kustomer emulator: customers, identity uniqueness, lookups, pagination and search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { api, start } from './helpers.js';

let k: KustomerEmulator;
beforeAll(async () => {
  k = await start();
});
afterAll(() => k.close());

describe('Kustomer emulator: customers', () => {
  it('creates, reads and updates a customer (PUT and PATCH), bumping rev', async () => {
    const c = await api(k, 'POST', '/v1/customers', {
      name: 'Dana',
      externalId: 'app-user-1',
      emails: [{ type: 'work', email: 'dana@example.com' }],
      phones: [{ type: 'mobile', phone: '+821012345678' }],
      custom: { customUserIdStr: 'u-1' },
    });
    expect(c.status).toBe(201);
    const id = c.json.data.id;
    expect(c.json.data.attributes).toMatchObject({ name: 'Dana', externalId: 'app-user-1', rev: 1, custom: { customUserIdStr: 'u-1' } });
    expect(c.json.data.attributes.phones[0]).toMatchObject({ type: 'mobile', phone: '+821012345678' });

    const got = await api(k, 'GET', `/v1/customers/${id}`);
    expect(got.json.data.id).toBe(id);
    const put = await api(k, 'PUT', `/v1/customers/${id}`, { name: 'Dana K', custom: { tierStr: 'gold' } });
    expect(put.json.data.attributes).toMatchObject({ name: 'Dana K', rev: 2, custom: { customUserIdStr: 'u-1', tierStr: 'gold' } });
    const patch = await api(k, 'PATCH', `/v1/customers/${id}`, { custom: { tierStr: null } });
    expect(patch.json.data.attributes.custom).toEqual({ customUserIdStr: 'u-1' });
    expect(patch.json.data.attributes.rev).toBe(3);
    const stale = await api(k, 'PATCH', `/v1/customers/${id}`, { name: 'x', rev: 1 });
    expect(stale.status).toBe(409);
    expect((await api(k, 'GET', '/v1/customers/64b000000000000000000fff')).status).toBe(404);
  });

  it('keeps e-mails, phones (by digits) and externalIds unique org-wide: 409 in Kustomer shape', async () => {
    const first = await api(k, 'POST', '/v1/customers', { externalId: 'dup-ext', emails: [{ email: 'Dup@Example.com' }], phones: [{ phone: '+1 (212) 555-0101' }] });
    expect(first.status).toBe(201);
    for (const [body, pointer] of [
      [{ externalId: 'dup-ext' }, '/externalId'],
      [{ emails: [{ email: 'dup@example.com' }] }, '/emails/0/email'],
      [{ phones: [{ phone: '12125550101' }] }, '/phones/0/phone'],
    ] as const) {
      const r = await api(k, 'POST', '/v1/customers', body);
      expect(r.status).toBe(409);
      expect(r.json.errors[0]).toMatchObject({ status: '409', code: 'conflict', source: { pointer }, meta: { conflictingId: first.json.data.id } });
    }
    const other = await api(k, 'POST', '/v1/customers', { name: 'Other' });
    const steal = await api(k, 'PUT', `/v1/customers/${other.json.data.id}`, { externalId: 'dup-ext' });
    expect(steal.status).toBe(409);
  });

  it('KUS-8: finds customers by phone digits of the E.164 form, e-mail and externalId; 404 when none', async () => {
    const c = await api(k, 'POST', '/v1/customers', { name: 'Lookup', externalId: 'ext/42', emails: [{ email: 'look@up.example' }], phones: [{ phone: '+44 20 7946 0958' }] });
    const id = c.json.data.id;
    for (const path of ['/v1/customers/phone=%2B442079460958', '/v1/customers/phone=442079460958', '/v1/customers/email=LOOK%40up.example', '/v1/customers/externalId=ext%2F42']) {
      const r = await api(k, 'GET', path);
      expect(r.status, path).toBe(200);
      expect(r.json.data.id).toBe(id);
    }
    for (const path of ['/v1/customers/phone=%2B15550000000', '/v1/customers/email=nobody%40x.example', '/v1/customers/externalId=none']) {
      const r = await api(k, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.json.errors[0].code).toBe('not_found');
    }
  });

  it('validates formats and custom attribute suffixes (KUS-2)', async () => {
    expect((await api(k, 'POST', '/v1/customers', { emails: [{ email: 'not an email' }] })).status).toBe(400);
    expect((await api(k, 'POST', '/v1/customers', { phones: [{ phone: 'call me' }] })).status).toBe(400);
    const bad = await api(k, 'POST', '/v1/customers', { custom: { vipBool: 'yes', scoreNum: 3, whatever: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { source: { pointer: string } }) => e.source.pointer).sort()).toEqual(['/custom/vipBool', '/custom/whatever']);
  });

  it('paginates lists 1-based with links.next null on the last page and a max pageSize', async () => {
    const fresh = await start();
    try {
      for (let i = 0; i < 5; i++) await api(fresh, 'POST', '/v1/customers', { name: `C${i}` });
      const p1 = await api(fresh, 'GET', '/v1/customers?page=1&pageSize=2');
      expect(p1.json.meta).toEqual({ page: 1, pageSize: 2 });
      expect(p1.json.data).toHaveLength(2);
      expect(p1.json.links).toMatchObject({ prev: null, next: '/v1/customers?page=2&pageSize=2', first: '/v1/customers?page=1&pageSize=2' });
      const p3 = await api(fresh, 'GET', p1.json.links.next.replace('page=2', 'page=3'));
      expect(p3.json.data.map((c: { attributes: { name: string } }) => c.attributes.name)).toEqual(['C4']);
      expect(p3.json.links.next).toBeNull();
      expect((await api(fresh, 'GET', '/v1/customers?pageSize=101')).status).toBe(400);
      expect((await api(fresh, 'GET', '/v1/customers?page=0')).status).toBe(400);
    } finally {
      await fresh.close();
    }
  });

  it('POST /v1/customers/search finds customers by phone, e-mail, externalId and by their conversations', async () => {
    const fresh = await start();
    try {
      const a = (await api(fresh, 'POST', '/v1/customers', { name: 'Search A', externalId: 'sa', phones: [{ phone: '+16505550111' }], emails: [{ email: 'a@search.example' }] })).json.data.id;
      const b = (await api(fresh, 'POST', '/v1/customers', { name: 'Search B' })).json.data.id;
      await api(fresh, 'POST', '/v1/conversations', { customer: b, name: 'done one', status: 'done', externalId: 'sess-b' });
      const ids = async (body: unknown) => {
        const r = await api(fresh, 'POST', '/v1/customers/search', body);
        expect(r.status).toBe(200);
        expect(r.json.meta).toMatchObject({ total: r.json.data.length });
        return r.json.data.map((d: { id: string }) => d.id);
      };
      expect(await ids({ queryContext: 'customer', and: [{ customer_phone: { equals: '16505550111' } }] })).toEqual([a]);
      expect(await ids({ and: { customer_email: { equals: 'A@search.example' } } })).toEqual([a]);
      expect(await ids({ and: [{ customer_external_id: { in: ['sa', 'zz'] } }] })).toEqual([a]);
      expect(await ids({ and: [{ conversation_status: { equals: 'done' } }] })).toEqual([b]);
      expect(await ids({ and: [{ conversation_external_id: { equals: 'sess-b' } }], queryContext: 'conversation' })).toHaveLength(1);
      expect(await ids({ or: [{ customer_name: { contains: 'search a' } }, { conversation_status: { equals: 'done' } }], sort: [{ customer_created_at: 'asc' }] })).toEqual([a, b]);
      const bad = await api(fresh, 'POST', '/v1/customers/search', { and: [{ customer_shoe_size: { equals: 42 } }] });
      expect(bad.status).toBe(400);
      expect(bad.json.errors[0].detail).toContain('customer_shoe_size');
    } finally {
      await fresh.close();
    }
  });
});
