// The Kustomer adapter's failures as CrmError kinds (the outbox decides on them), and REL-1:
// an attempt that may have committed is retried without duplicating anything. Every request
// the adapter sent is checked against the OpenAPI description after each test.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { KustomerEmulator, KustomerOptions } from '../../../emulators/kustomer/index.js';
import type { KustomerAdapter } from '../../../main/adapters/crm/kustomer/index.js';
import { isRetryable } from '../../../main/engine/crm-port.js';
import { crmFailure as failure } from '../../support/rejection.js';
import { adapterFor, AGENT_A, expectRequestsConform, newCaller, start, voiceRecord } from './helpers.js';

const ctx = { retry: false };
const CUSTOMER = '64c0000000000000000000d1';
let k: KustomerEmulator | null = null;

async function setup(opts: KustomerOptions = {}, timeoutMs = 5_000): Promise<{ k: KustomerEmulator; a: KustomerAdapter }> {
  k = await start({ ...opts, seed: { customers: [{ id: CUSTOMER, name: 'Err', phones: ['+16175550100'] }], ...opts.seed } });
  return { k, a: adapterFor(k, { timeoutMs }) };
}
afterEach(async () => {
  if (!k) return;
  try {
    expectRequestsConform(k);
  } finally {
    await k.close();
    k = null;
  }
});

describe('Kustomer adapter: error mapping', () => {
  it('429 -> rate_limited with retryAfterMs from Retry-After (org window exhausted)', async () => {
    const { a } = await setup({ clock: new ManualClock('2025-03-01T10:00:10.000Z'), rateLimitPerMinute: 1 });
    await a.findRecordByExternalId('x', ctx);
    const e = await failure(a.findRecordByExternalId('x', ctx));
    expect(e).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 50_000 });
    expect(e.message).toContain('too_many_requests');
    expect(a.lastRateLimit()).toMatchObject({ remaining: 0, limit: 1 });
    expect(isRetryable(e)).toBe(true);
  });

  it('429 -> rate_limited with retryAfterMs from an injected Retry-After, and from x-ratelimit-reset when Retry-After is absent', async () => {
    const { k, a } = await setup({ clock: new ManualClock('2025-03-01T10:00:45.000Z') });
    k.fault({ method: 'POST', path: '/v1/conversations', kind: 'rate_limit', retryAfterSec: 7 });
    expect(await failure(a.createRecord(voiceRecord(CUSTOMER, 's-429'), ctx))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7_000 });
    k.fault({ method: 'POST', path: '/v1/conversations', kind: 'status', status: 429 });
    expect(await failure(a.createRecord(voiceRecord(CUSTOMER, 's-429'), ctx))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 15_000 });
  });

  it('5xx -> transient, with the status and Kustomer\'s message', async () => {
    const { k, a } = await setup();
    for (const status of [500, 502, 503]) {
      k.fault({ method: 'GET', path: '/v1/customers/**', kind: 'status', status });
      const e = await failure(a.findCustomer(newCaller, ctx));
      expect(e).toMatchObject({ kind: 'transient', status });
      expect(isRetryable(e)).toBe(true);
    }
  });

  it('a dropped connection -> transient', async () => {
    const { k, a } = await setup();
    k.fault({ method: 'POST', path: '/v1/conversations/*/notes', kind: 'drop' });
    const e = await failure(a.addNote('64c0000000000000000000e1', { key: 'n', body: 'b' }, ctx));
    expect(e.kind).toBe('transient');
    expect(e.message).toContain('POST /v1/conversations/64c0000000000000000000e1/notes');
  });

  it('a reply slower than the per-request timeout -> transient', async () => {
    const { k, a } = await setup({}, 100);
    k.fault({ method: 'GET', path: '/v1/conversations/externalId={x}', kind: 'delay', delayMs: 1_500 });
    const e = await failure(a.findRecordByExternalId('slow', ctx));
    expect(e).toMatchObject({ kind: 'transient', status: null });
    expect(e.message).toContain('timed out after 100 ms');
  });

  it('a caller abort -> transient (the outbox retries later)', async () => {
    const { k, a } = await setup();
    k.fault({ method: 'GET', path: '/v1/conversations/externalId={x}', kind: 'delay', delayMs: 1_500 });
    const controller = new AbortController();
    const p = a.findRecordByExternalId('slow', { retry: false, signal: controller.signal });
    controller.abort();
    expect((await failure(p)).message).toContain('cancelled');
  });

  it('401/403 -> auth, 404 -> not_found, other 4xx -> invalid with Kustomer\'s message', async () => {
    const { k, a } = await setup();
    const wrongKey = adapterFor(k, { apiKey: 'revoked' });
    expect(await failure(wrongKey.findCustomer(newCaller, ctx))).toMatchObject({ kind: 'auth', status: 401 });
    k.fault({ path: '/v1/conversations', method: 'POST', kind: 'status', status: 403 });
    expect(await failure(a.createRecord(voiceRecord(CUSTOMER, 's-403'), ctx))).toMatchObject({ kind: 'auth', status: 403 });
    const missing = await failure(a.updateRecord('64c0000000000000000000ff', { status: 'closed' }, ctx));
    expect(missing).toMatchObject({ kind: 'not_found', status: 404 });
    expect(isRetryable(missing)).toBe(false);
    const invalid = await failure(a.createRecord(voiceRecord(CUSTOMER, 's-400', { assigneeUserId: '64b000000000000000000fff' }), ctx));
    expect(invalid).toMatchObject({ kind: 'invalid', status: 400 });
    expect(invalid.message).toContain('bad_request: User 64b000000000000000000fff does not exist (at /assignedUsers/0)');
    expect(isRetryable(invalid)).toBe(false);
  });

  it('a 2xx reply of the wrong shape is a clear (transient) error, not a wrong record', async () => {
    const { k, a } = await setup();
    k.fault({ method: 'POST', path: '/v1/conversations', kind: 'status', status: 200, body: { data: { id: 'x', attributes: { status: 'weird' } } } });
    const e = await failure(a.createRecord(voiceRecord(CUSTOMER, 's-shape'), ctx));
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/unexpected reply shape: data\.attributes\.status/);
  });
});

describe('Kustomer adapter: REL-1 no duplicates across timeouts after commit', () => {
  it('commit_then_drop on the conversation create, then a retry finds the committed conversation and creates none', async () => {
    const { k, a } = await setup();
    k.fault({ method: 'POST', path: '/v1/conversations', kind: 'commit_then_drop' });
    expect((await failure(a.createRecord(voiceRecord(CUSTOMER, 'sess-ctd'), ctx))).kind).toBe('transient');
    const committed = k.store.conversationByExternalId('sess-ctd');
    expect(committed).not.toBeNull();
    const again = await a.createRecord(voiceRecord(CUSTOMER, 'sess-ctd'), { retry: true });
    expect(again).toMatchObject({ id: committed?.id, existed: true, leafQueueId: 'queue-billing', channel: 'voice' });
    expect([...k.store.conversations.values()].filter((c) => c.externalId === 'sess-ctd')).toHaveLength(1);
    expect(k.requests().filter((r) => r.method === 'POST' && r.path === '/v1/conversations')).toHaveLength(1);
  });

  it('even without ctx.retry, the 409 on a duplicate externalId resolves to the existing conversation', async () => {
    const { a, k } = await setup();
    const first = await a.createRecord(voiceRecord(CUSTOMER, 'sess-409'), ctx);
    const second = await a.createRecord(voiceRecord(CUSTOMER, 'sess-409'), ctx);
    expect(second).toMatchObject({ id: first.id, existed: true });
    expect(k.store.conversations.size).toBe(1);
  });

  it('commit_then_drop on the customer create, then a retry returns that customer', async () => {
    const { k, a } = await setup();
    k.fault({ method: 'POST', path: '/v1/customers', kind: 'commit_then_drop' });
    await failure(a.createCustomer({ ...newCaller, identifier: 'app-7', key: 'k', fields: {} }, ctx));
    const again = await a.createCustomer({ ...newCaller, identifier: 'app-7', key: 'k', fields: {} }, { retry: true });
    expect(again.created).toBe(false);
    expect(k.store.customers.size).toBe(2);
    expect(k.store.customerByExternalId('app-7')?.id).toBe(again.id);
  });

  it('commit_then_drop on a note, then a retry finds it by externalId and adds no duplicate', async () => {
    const { k, a } = await setup();
    const rec = await a.createRecord(voiceRecord(CUSTOMER, 'sess-n'), ctx);
    k.fault({ method: 'POST', path: `/v1/conversations/${rec.id}/notes`, kind: 'commit_then_drop' });
    await failure(a.addNote(rec.id, { key: 'sess-n:phone', body: 'Caller +16175550100' }, ctx));
    await a.addNote(rec.id, { key: 'sess-n:phone', body: 'Caller +16175550100' }, { retry: true });
    expect(k.store.notesOf(rec.id).map((n) => n.externalId)).toEqual(['sess-n:phone']);
  });

  it('commit_then_drop on the note of an attachment, then a retry leaves exactly one note with the file', async () => {
    const { k, a } = await setup();
    const rec = await a.createRecord(voiceRecord(CUSTOMER, 'sess-f', { channel: 'chat', assigneeUserId: AGENT_A }), ctx);
    k.fault({ method: 'POST', path: `/v1/conversations/${rec.id}/notes`, kind: 'commit_then_drop' });
    const file = { key: 'sess-f:transcript', name: 't.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hi'), caption: 'Transcript' };
    await failure(a.attachFile(rec.id, file, ctx));
    await a.attachFile(rec.id, file, { retry: true });
    const notes = k.store.notesOf(rec.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.attachments).toHaveLength(1);
  });

  it('a failed upload step surfaces as an error and a retry completes the attachment', async () => {
    const { k, a } = await setup();
    const rec = await a.createRecord(voiceRecord(CUSTOMER, 'sess-u', { channel: 'chat' }), ctx);
    k.fault({ method: 'POST', path: '/s3/kustomer-attachments', kind: 'status', status: 503 });
    const file = { key: 'sess-u:transcript', name: 't.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hello'), caption: 'Transcript' };
    expect((await failure(a.attachFile(rec.id, file, ctx))).kind).toBe('transient');
    await a.attachFile(rec.id, file, { retry: true });
    expect(k.store.notesOf(rec.id)).toHaveLength(1);
  });
});
