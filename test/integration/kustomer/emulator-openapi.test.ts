// The emulator measured against Kustomer's own OpenAPI description: its replies to the main
// endpoints match the spec's response schemas, its request schemas list the same fields as the
// spec's, and the request validator the adapter tests rely on behaves as documented.
// Skipped (with the reason printed) only when the spec file is absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import { requestBodySchemas } from '../../../emulators/kustomer/schemas/index.js';
import { available, findOperation, unavailableReason, validateRequest, validateResponse } from '../../support/kustomer-openapi.js';
import { AGENT_A, api, start } from './helpers.js';

if (!available) console.warn(`[skip] ${unavailableReason}`);

let k: KustomerEmulator;
beforeAll(async () => {
  k = await start();
});
afterAll(() => k.close());

describe.skipIf(!available)('Kustomer emulator replies match the OpenAPI response schemas', () => {
  it('customers, conversations, tags, notes, messages, attachments, metadata and search', async () => {
    const problems: string[] = [];
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await api(k, method, path, body);
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.json)}`).toBeLessThan(300);
      problems.push(...validateResponse(method, path, r.status, r.json).map((e) => `${method} ${path} ${r.status}: ${e}`));
      return r.json;
    };
    const c = await call('POST', '/v1/customers', { name: 'Spec', externalId: 'spec-1', emails: [{ email: 'spec@x.example' }], phones: [{ type: 'mobile', phone: '+14155550123' }], custom: { customUserIdStr: 'u' } });
    const id = c.data.id;
    await call('GET', `/v1/customers/${id}`);
    await call('PUT', `/v1/customers/${id}`, { name: 'Spec 2' });
    await call('PATCH', `/v1/customers/${id}`, { locale: 'en_US' });
    await call('GET', '/v1/customers/phone=%2B14155550123');
    await call('GET', '/v1/customers/email=spec%40x.example');
    await call('GET', '/v1/customers/externalId=spec-1');
    const conv = await call('POST', '/v1/conversations', { customer: id, name: 'Call', externalId: 'spec-s1', direction: 'in', tags: ['AgentDesk'], assignedUsers: [AGENT_A], custom: { queueNameStr: 'Q' } });
    await call('POST', `/v1/customers/${id}/conversations`, { name: 'Second' });
    await call('GET', `/v1/conversations/${conv.data.id}`);
    await call('GET', '/v1/conversations/externalId=spec-s1');
    await call('PUT', `/v1/conversations/${conv.data.id}`, { status: 'done' });
    await call('GET', '/v1/conversations?sort=desc');
    await call('GET', `/v1/customers/${id}/conversations`);
    await call('POST', `/v1/conversations/${conv.data.id}/tags`, ['Recorded']);
    await call('DELETE', `/v1/conversations/${conv.data.id}/tags`, ['Recorded']);
    await call('POST', `/v1/conversations/${conv.data.id}/notes`, { body: 'note', externalId: 'spec-n1' });
    await call('GET', `/v1/conversations/${conv.data.id}/notes`);
    await call('POST', `/v1/conversations/${conv.data.id}/messages`, { channel: 'voice', app: 'agentdesk', direction: 'in', preview: 'hi' });
    await call('GET', `/v1/conversations/${conv.data.id}/messages`);
    await call('GET', '/v1/messages');
    await call('POST', '/v1/attachments', { name: 'a.txt', contentType: 'text/plain', contentLength: 1 });
    await call('PUT', '/v1/metadata/conversation', { properties: { queueNameStr: { displayName: 'Queue' } } });
    await call('GET', '/v1/metadata/conversation');
    await call('POST', '/v1/customers/search', { and: [{ customer_phone: { equals: '+14155550123' } }] });
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!available)("The emulator's request schemas list the spec's fields", () => {
  const specFields = (method: string, template: string) => {
    const op = findOperation(method, template)?.op;
    const content = op?.requestBody?.content ?? {};
    const media = Object.keys(content).find((c) => c.includes('json')) ?? '';
    let schema = (content[media]?.schema ?? {}) as { properties?: Record<string, unknown>; required?: string[]; oneOf?: unknown[]; type?: string };
    if (schema.oneOf) schema = schema.oneOf[0] as typeof schema;
    return { type: schema.type, properties: Object.keys(schema.properties ?? {}).sort(), required: [...(schema.required ?? [])].sort() };
  };
  for (const [key, schema] of Object.entries(requestBodySchemas)) {
    const [method, template] = key.split(' ') as [string, string];
    if (!findOperation(method, template)) continue; // routing endpoints are outside the spec
    it(`${key}`, () => {
      const spec = specFields(method, template);
      const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as { type?: string; properties?: Record<string, unknown>; required?: string[] };
      expect(json.type).toBe(spec.type ?? 'object');
      if (spec.type === 'array') return;
      expect(Object.keys(json.properties ?? {}).sort()).toEqual(spec.properties);
      expect([...(json.required ?? [])].sort()).toEqual(spec.required);
    });
  }
});

describe.skipIf(!available)('The OpenAPI request validator (test/support/kustomer-openapi.ts)', () => {
  const conv = '64b0000000000000000000c1';
  it('accepts conforming requests and names fields the spec does not list', () => {
    expect(validateRequest('POST', '/v1/customers', { name: 'x', phones: [{ type: 'mobile', phone: '+14155550100' }] })).toEqual([]);
    expect(validateRequest('POST', '/v1/customers', { name: 'x', nickname: 'y' })).toEqual(['body/nickname: field not in the spec']);
  });
  it('checks custom attributes by the type-suffix rules instead of the placeholder schema', () => {
    expect(validateRequest('PUT', `/v1/conversations/${conv}`, { custom: { queueNameStr: 'Q', callDurationNum: 3 } })).toEqual([]);
    expect(validateRequest('PUT', `/v1/conversations/${conv}`, { custom: { queueName: 'Q' } }).join()).toContain('custom/queueName');
    expect(validateRequest('PUT', `/v1/conversations/${conv}`, { custom: { callDurationNum: '3' } }).join()).toContain('custom/callDurationNum');
  });
  it("validates the spec's oneOf as anyOf (an ordinary update matches more than one branch)", () => {
    expect(validateRequest('PUT', `/v1/conversations/${conv}`, {})).toEqual([]);
    expect(validateRequest('PATCH', `/v1/conversations/${conv}`, { status: 'done' })).toEqual([]);
    expect(validateRequest('PATCH', `/v1/conversations/${conv}`, { status: 'closed' })).not.toEqual([]);
  });
  it('checks path and query parameters and refuses operations the spec does not have', () => {
    expect(validateRequest('GET', '/v1/customers/email=a%40b.example', undefined)).toEqual([]);
    expect(validateRequest('GET', '/v1/customers/email=not-an-email', undefined)).not.toEqual([]);
    expect(validateRequest('GET', `/v1/customers/${conv}/conversations?page=1&pageSize=20`, undefined)).toEqual([]);
    expect(validateRequest('GET', `/v1/customers/${conv}/conversations?sort=desc`, undefined)).toEqual([
      'query parameter sort is not in the spec for /customers/{id}/conversations',
    ]);
    expect(validateRequest('DELETE', '/v1/metadata/customer', undefined)[0]).toContain('no such operation');
    expect(validateRequest('GET', '/s3/kustomer-attachments', undefined)[0]).toContain('not a Kustomer API path');
  });
  it('checks the routing, auth and user endpoints documented outside the spec against the emulator schemas', () => {
    expect(validateRequest('GET', '/v1/routing/work-sessions?user=true&active=true&statusType=available', undefined)).toEqual([]);
    expect(validateRequest('GET', '/v1/routing/work-sessions?mine=1', undefined)).not.toEqual([]);
    expect(validateRequest('PUT', `/v1/routing/work-sessions/${conv}`, { status: conv })).toEqual([]);
    expect(validateRequest('PUT', `/v1/routing/work-sessions/${conv}`, { status: conv, note: 'x' })).not.toEqual([]);
    expect(validateRequest('GET', '/v1/auth/tokens/current', undefined)).toEqual([]);
    expect(validateRequest('GET', '/v1/users?email=a%40b.example', undefined)).toEqual([]);
  });
});
