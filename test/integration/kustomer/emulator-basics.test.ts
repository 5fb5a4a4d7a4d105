// Kustomer emulator: auth, envelopes and errors, body limits (CRM-APIS.md 1.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { api, start } from './helpers.js';

let k: KustomerEmulator;
beforeAll(async () => {
  k = await start();
});
afterAll(() => k.close());

describe('Kustomer emulator: auth and envelopes', () => {
  it('refuses a missing or unknown Bearer key with 401 in Kustomer error shape', async () => {
    for (const headers of [{ authorization: '' }, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }]) {
      const r = await api(k, 'GET', '/v1/customers', undefined, headers);
      expect(r.status).toBe(401);
      expect(r.json.errors[0]).toMatchObject({ status: '401', code: 'unauthorized', title: 'Unauthorized' });
      expect(typeof r.json.errors[0].detail).toBe('string');
    }
  });

  it('GET /v1/auth/tokens/current describes the calling key', async () => {
    const r = await api(k, 'GET', '/v1/auth/tokens/current');
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ type: 'token', relationships: { org: { data: { type: 'org', id: k.store.org.id } } } });
  });

  it('answers single resources as {data:{type,id,attributes,relationships,links}} with 24-hex ids and ISO times', async () => {
    const r = await api(k, 'POST', '/v1/customers', { name: 'Envelope Test' });
    expect(r.status).toBe(201);
    const d = r.json.data;
    expect(Object.keys(d).sort()).toEqual(['attributes', 'id', 'links', 'relationships', 'type']);
    expect(d.id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Date(d.attributes.createdAt).toISOString()).toBe(d.attributes.createdAt);
    expect(d.links.self).toBe(`/v1/customers/${d.id}`);
  });

  it('answers unknown routes 404 and wrong methods 405, both in the error shape', async () => {
    const a = await api(k, 'GET', '/v1/nothing-here');
    expect(a.status).toBe(404);
    expect(a.json.errors[0].code).toBe('not_found');
    const b = await api(k, 'DELETE', '/v1/metadata/customer');
    expect(b.status).toBe(405);
    expect(b.headers.get('allow')).toContain('GET');
  });

  it('refuses bodies over 100 KB with 413', async () => {
    const r = await api(k, 'POST', '/v1/customers', { name: 'x', company: 'y'.repeat(101 * 1024) });
    expect(r.status).toBe(413);
    expect(r.json.errors[0].code).toBe('payload_too_large');
  });

  it('refuses malformed JSON and non-JSON content types', async () => {
    const bad = await api(k, 'POST', '/v1/customers', '{"name":', {});
    expect(bad.status).toBe(400);
    const text = await api(k, 'POST', '/v1/customers', 'name=x', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('names every unknown field in a 400 bad_request', async () => {
    const r = await api(k, 'POST', '/v1/customers', { name: 'x', nickname: 'y', phones: [{ phone: '+14155550199', kind: 'cell' }] });
    expect(r.status).toBe(400);
    const pointers = r.json.errors.map((e: { source: { pointer: string } }) => e.source.pointer).sort();
    expect(pointers).toEqual(['/nickname', '/phones/0/kind']);
    expect(r.json.errors[0]).toMatchObject({ status: '400', code: 'bad_request' });
  });
});
