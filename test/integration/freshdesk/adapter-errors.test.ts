// The Freshdesk adapter's failures as CrmError kinds (the outbox decides on them), and REL-1:
// an attempt that may have committed is retried without duplicating anything (Freshdesk has no
// external ids, so the adapter finds its own ticket by the session-key stamp among the
// requester's tickets; search is not used for that, as it lags behind).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { FreshdeskEmulator, FreshdeskOptions } from '../../../emulators/freshdesk/index.js';
import type { FreshdeskAdapter } from '../../../main/adapters/crm/freshdesk/index.js';
import { isRetryable } from '../../../main/engine/crm-port.js';
import { crmFailure as failure } from '../../support/rejection.js';
import { adapterFor, newCaller, sent, start, voiceRecord } from './helpers.js';

const ctx = { retry: false };
const CUSTOMER = 50_000_000_001;
let f: FreshdeskEmulator | null = null;

async function setup(opts: FreshdeskOptions = {}, timeoutMs = 5_000): Promise<{ f: FreshdeskEmulator; a: FreshdeskAdapter }> {
  f = await start({ ...opts, seed: { contacts: [{ id: CUSTOMER, name: 'Err', phone: '+16175550100' }], ...opts.seed } });
  return { f, a: adapterFor(f, { timeoutMs }) };
}
afterEach(async () => {
  await f?.close();
  f = null;
});

describe('Freshdesk adapter: error mapping', () => {
  it('REL-1: 429 past the account limit -> rate_limited with retryAfterMs from Retry-After', async () => {
    const { a } = await setup({ clock: new ManualClock('2025-03-01T10:00:15.000Z'), rateLimitPerMinute: 1 });
    await a.findRecordByExternalId('x', ctx);
    const e = await failure(a.findRecordByExternalId('x', ctx));
    expect(e).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 45_000 });
    expect(e.message).toContain('too_many_requests');
    expect(a.lastRateLimit()).toMatchObject({ limit: 1, remaining: 0 });
    expect(isRetryable(e)).toBe(true);
  });

  it('REL-1: an injected 429 on ticket create -> rate_limited with the injected Retry-After; nothing created', async () => {
    const { f, a } = await setup();
    f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'rate_limit', retryAfterSec: 7 });
    expect(await failure(a.createRecord(voiceRecord(CUSTOMER, 's-429'), ctx))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7_000 });
    expect(f.store.tickets.size).toBe(0);
  });

  it('REL-1: 5xx -> transient, with the status and Freshdesk\'s message', async () => {
    const { f, a } = await setup();
    for (const status of [500, 502, 503, 504]) {
      f.fault({ method: 'GET', path: '/api/v2/contacts', kind: 'status', status });
      const e = await failure(a.findCustomer(newCaller, ctx));
      expect(e).toMatchObject({ kind: 'transient', status });
      expect(e.message).toContain('Injected fault');
    }
  });

  it('REL-1: a dropped connection -> transient', async () => {
    const { f, a } = await setup();
    f.fault({ method: 'POST', path: '/api/v2/tickets/*/notes', kind: 'drop' });
    const e = await failure(a.addNote('12', { key: 'n', body: 'b' }, ctx));
    expect(e.kind).toBe('transient');
    expect(e.message).toContain('POST /tickets/12/notes');
  });

  it('REL-1: a reply slower than the per-request timeout -> transient', async () => {
    const { f, a } = await setup({}, 100);
    f.fault({ method: 'GET', path: '/api/v2/search/tickets', kind: 'delay', delayMs: 1_500 });
    const e = await failure(a.findRecordByExternalId('slow', ctx));
    expect(e).toMatchObject({ kind: 'transient', status: null });
    expect(e.message).toContain('timed out after 100 ms');
  });

  it('401 -> auth, 404 -> not_found, 400 -> invalid with Freshdesk\'s field, message and code', async () => {
    const { f, a } = await setup();
    expect(await failure(adapterFor(f, { apiKey: 'revoked' }).findCustomer(newCaller, ctx))).toMatchObject({ kind: 'auth', status: 401 });
    const missing = await failure(a.updateRecord('4242', { status: 'closed' }, ctx));
    expect(missing).toMatchObject({ kind: 'not_found', status: 404 });
    expect(isRetryable(missing)).toBe(false);
    const invalid = await failure(a.createRecord(voiceRecord(999, 's-400'), ctx));
    expect(invalid).toMatchObject({ kind: 'invalid', status: 400 });
    expect(invalid.message).toContain('Validation failed: field "requester_id": There is no contact matching the given requester_id [invalid_value]');
    expect(isRetryable(invalid)).toBe(false);
  });

  it('a 2xx reply of the wrong shape is a clear (transient) error, not a wrong record', async () => {
    const { f, a } = await setup();
    f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'status', status: 201, body: { id: 'seven', status: 2 } });
    const e = await failure(a.createRecord(voiceRecord(CUSTOMER, 's-shape'), ctx));
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/unexpected reply shape: id/);
  });
});

describe('Freshdesk adapter: REL-1 no duplicates across lost replies', () => {
  it('commit_then_drop on the ticket create, then a retry finds the committed ticket by its session-key stamp (search lagging far behind) and creates none', async () => {
    const { f, a } = await setup({ searchIndexDelayMs: 3_600_000 });
    await a.createRecord(voiceRecord(CUSTOMER, 'other-session'), ctx);
    f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'commit_then_drop' });
    expect((await failure(a.createRecord(voiceRecord(CUSTOMER, 'sess-ctd'), ctx))).kind).toBe('transient');
    const committed = f.store.ticketsWithField('cf_agentdesk_session', 'sess-ctd');
    expect(committed).toHaveLength(1);
    f.clearRequests();
    const again = await a.createRecord(voiceRecord(CUSTOMER, 'sess-ctd'), { retry: true });
    expect(again).toMatchObject({ id: String(committed[0]?.id), existed: true, leafQueueId: 'q-billing', channel: 'voice', externalId: 'sess-ctd' });
    expect(f.store.ticketsWithField('cf_agentdesk_session', 'sess-ctd')).toHaveLength(1);
    expect(sent(f)).toEqual([expect.stringMatching(new RegExp(`^GET /api/v2/tickets\\?requester_id=${CUSTOMER}&updated_since=.*&order_by=created_at&order_type=desc&per_page=100&page=1$`))]);
  });

  it('a retry after a create that never committed (dropped) creates the ticket once', async () => {
    const { f, a } = await setup();
    f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'drop' });
    await failure(a.createRecord(voiceRecord(CUSTOMER, 'sess-drop'), ctx));
    const rec = await a.createRecord(voiceRecord(CUSTOMER, 'sess-drop'), { retry: true });
    expect(rec.existed).toBeUndefined();
    expect(f.store.ticketsWithField('cf_agentdesk_session', 'sess-drop')).toHaveLength(1);
  });

  it('a 409 on ticket create is resolved by the same lookup', async () => {
    const { f, a } = await setup();
    const first = await a.createRecord(voiceRecord(CUSTOMER, 'sess-409'), ctx);
    f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'status', status: 409 });
    const second = await a.createRecord(voiceRecord(CUSTOMER, 'sess-409'), ctx);
    expect(second).toMatchObject({ id: first.id, existed: true });
    expect(f.store.tickets.size).toBe(1);
  });

  it('commit_then_drop on the contact create, then a retry returns that contact', async () => {
    const { f, a } = await setup();
    f.fault({ method: 'POST', path: '/api/v2/contacts', kind: 'commit_then_drop' });
    await failure(a.createCustomer({ ...newCaller, identifier: 'app-7', key: 'id:app-7', fields: {} }, ctx));
    const again = await a.createCustomer({ ...newCaller, identifier: 'app-7', key: 'id:app-7', fields: {} }, { retry: true });
    expect(again.created).toBe(false);
    expect(f.store.contacts.size).toBe(2);
    expect(f.store.contactByExternalId('app-7')?.id).toBe(Number(again.id));
  });

  it('commit_then_drop on a note, then a retry finds it by its reference line and adds no duplicate', async () => {
    const { f, a } = await setup();
    const rec = await a.createRecord(voiceRecord(CUSTOMER, 'sess-n'), ctx);
    f.fault({ method: 'POST', path: `/api/v2/tickets/${rec.id}/notes`, kind: 'commit_then_drop' });
    await failure(a.addNote(rec.id, { key: 'sess-n:details', body: 'Phone: +16175550100' }, ctx));
    await a.addNote(rec.id, { key: 'sess-n:details', body: 'Phone: +16175550100' }, { retry: true });
    expect(f.store.conversationsOf(Number(rec.id))).toHaveLength(1);
  });

  it('commit_then_drop on an attachment note, then a retry leaves exactly one note with the file', async () => {
    const { f, a } = await setup();
    const rec = await a.createRecord(voiceRecord(CUSTOMER, 'sess-f', { channel: 'chat' }), ctx);
    f.fault({ method: 'POST', path: `/api/v2/tickets/${rec.id}/notes`, kind: 'commit_then_drop' });
    const file = { key: 'sess-f:transcript', name: 't.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hi'), caption: 'Transcript' };
    await failure(a.attachFile(rec.id, file, ctx));
    await a.attachFile(rec.id, file, { retry: true });
    const notes = f.store.conversationsOf(Number(rec.id));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.attachmentIds).toHaveLength(1);
  });

  it('a new caller\'s contact and ticket in one request (createCustomerAndRecord); commit_then_drop then retry: one contact, one ticket', async () => {
    const { f, a } = await setup();
    const made = await a.createCustomerAndRecord({ ...newCaller, key: 'phone:+14155550100', fields: {} }, voiceRecord('', 'sess-new'), ctx);
    expect(made.customer.created).toBe(true);
    expect(f.store.contacts.get(Number(made.customer.id))).toMatchObject({ name: 'Carol Caller', phone: '+14155550100' });
    expect(f.store.tickets.get(Number(made.record.id))).toMatchObject({ requesterId: Number(made.customer.id), responderId: 1001 });
    expect(sent(f).filter((s) => s.startsWith('POST'))).toEqual(['POST /api/v2/tickets']);

    f.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'commit_then_drop' });
    const dave = { ...newCaller, phoneE164: '+14155550111', phoneRaw: null, name: 'Dave', key: 'phone:+14155550111', fields: {} };
    await failure(a.createCustomerAndRecord(dave, voiceRecord('', 'sess-dave'), ctx));
    const again = await a.createCustomerAndRecord(dave, voiceRecord('', 'sess-dave'), { retry: true });
    expect(again).toMatchObject({ customer: { created: false }, record: { existed: true } });
    expect(f.store.contactsByPhone('+14155550111')).toHaveLength(1);
    expect(f.store.ticketsWithField('cf_agentdesk_session', 'sess-dave')).toHaveLength(1);
  });
});
