import { describe, expect, it } from 'vitest';
import { Router } from '../../../emulators/http-kit/index.js';

const h = () => ({ status: 200 });

describe('http-kit router', () => {
  const r = new Router().get('/v1/customers/{id}', h).get('/v1/customers/phone={phone}', h).post('/v1/customers/search', h).put('/v1/customers/{id}', h);

  it('extracts percent-decoded path parameters, also inside a segment with literal text', () => {
    const m = r.match('GET', '/v1/customers/phone=%2B14155550100');
    expect(m).toMatchObject({ kind: 'found', route: { pattern: '/v1/customers/phone={phone}' }, params: { phone: '+14155550100' } });
    expect(r.match('GET', '/v1/customers/abc/')).toMatchObject({ kind: 'found', params: { id: 'abc' } });
  });

  it('prefers the most specific pattern among those accepting the method', () => {
    expect(r.match('POST', '/v1/customers/search')).toMatchObject({ kind: 'found', route: { pattern: '/v1/customers/search' } });
    expect(r.match('GET', '/v1/customers/search')).toMatchObject({ kind: 'found', route: { pattern: '/v1/customers/{id}' } });
  });

  it('tells 405 (with the allowed methods) from 404', () => {
    expect(r.match('DELETE', '/v1/customers/abc')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'PUT'] });
    expect(r.match('GET', '/v1/nothing')).toEqual({ kind: 'not_found' });
  });
});
