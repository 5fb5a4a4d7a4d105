// The Kustomer adapter against the emulator over loopback. After every test, EVERY request the
// adapter sent is checked against Kustomer's OpenAPI description (from the emulator's request
// log); a violation fails the test. Only a missing spec file skips that check (reason printed).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';
import type { KustomerAdapter } from '../../../main/adapters/crm/kustomer/index.js';
import type { LogFields } from '../../../main/engine/ports.js';
import { AGENT_A, AGENT_B, APP_URL, adapterFor, expectRequestsConform, newCaller, start, voiceRecord } from './helpers.js';

const ctx = { retry: false };
let k: KustomerEmulator;
let a: KustomerAdapter;
const SEEDED = '64c0000000000000000000c1';

beforeEach(async () => {
  k = await start({
    seed: {
      customers: [{ id: SEEDED, name: 'Known Caller', phones: ['+821012345678'], emails: ['known@example.com'], externalId: 'app-user-9' }],
      conversations: [
        { customer: SEEDED, name: 'old', status: 'done', createdAt: '2025-02-01T09:00:00.000Z', lastDoneAt: '2025-02-01T09:30:00.000Z', custom: { agentdeskLeafQueueStr: 'queue-billing', agentdeskChannelStr: 'voice' } },
        { customer: SEEDED, name: 'older', status: 'snoozed', createdAt: '2025-01-01T09:00:00.000Z' },
      ],
    },
  });
  a = adapterFor(k);
});
afterEach(async () => {
  try {
    expectRequestsConform(k);
  } finally {
    await k.close();
  }
});

const sent = () => k.requests().map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

describe('Kustomer adapter: customers (KUS-7, KUS-8)', () => {
  it('looks a customer up by the primary identity only (one round trip): identifier, else E.164 phone, else e-mail', async () => {
    expect(await a.findCustomer({ ...newCaller, identifier: 'nobody', email: 'none@x.example' }, ctx)).toBeNull();
    expect(sent()).toEqual(['GET /v1/customers/externalId=nobody']);
    k.clearRequests();
    expect(await a.findCustomer({ ...newCaller, identifier: 'nobody', email: 'none@x.example' }, { retry: true })).toBeNull();
    expect(sent()).toEqual(['GET /v1/customers/externalId=nobody', 'GET /v1/customers/phone=+14155550100', 'GET /v1/customers/email=none@x.example']);
    k.clearRequests();
    expect(await a.findCustomer({ phoneE164: '+821012345678', phoneRaw: '010-1234-5678', identifier: null, email: null, name: null }, ctx)).toEqual({ id: SEEDED });
    expect(await a.findCustomer({ phoneE164: null, phoneRaw: null, identifier: 'app-user-9', email: null, name: null }, ctx)).toEqual({ id: SEEDED });
    expect(await a.findCustomer({ phoneE164: null, phoneRaw: null, identifier: null, email: 'KNOWN@example.com', name: null }, ctx)).toEqual({ id: SEEDED });
    expect(k.requests()).toHaveLength(3);
  });

  it('creates a customer with a mobile E.164 phone, e-mail, externalId, name and custom fields (KUS-2)', async () => {
    const c = await a.createCustomer({ ...newCaller, identifier: 'app-user-1', email: 'carol@example.com', key: 'cust:app-user-1', fields: { customUserIdStr: 'app-user-1' } }, ctx);
    expect(c.created).toBe(true);
    const stored = k.store.customers.get(c.id);
    expect(stored).toMatchObject({ name: 'Carol Caller', externalId: 'app-user-1', custom: { customUserIdStr: 'app-user-1' } });
    expect(stored?.phones).toEqual([{ type: 'mobile', phone: '+14155550100', verified: false }]);
    expect(stored?.emails.map((e) => e.email)).toEqual(['carol@example.com']);
    expect(sent()).toEqual(['POST /v1/customers']);
  });

  it('KUS-7: a new app identifier calling from a known phone resolves to the customer holding the phone', async () => {
    expect(await a.findCustomer({ phoneE164: '+821012345678', phoneRaw: null, identifier: 'brand-new-app-user', email: null, name: null }, ctx)).toBeNull();
    const c = await a.createCustomer({ phoneE164: '+821012345678', phoneRaw: null, identifier: 'brand-new-app-user', email: null, name: null, key: 'id:brand-new-app-user', fields: {} }, ctx);
    expect(c).toEqual({ id: SEEDED, created: false });
    expect(k.store.customers.size).toBe(1);
  });

  it('resolves a 409 on create by returning the customer that holds the identity', async () => {
    const c = await a.createCustomer({ phoneE164: '+821012345678', phoneRaw: null, identifier: null, email: null, name: 'Dup', key: 'k', fields: {} }, ctx);
    expect(c).toEqual({ id: SEEDED, created: false });
    expect(k.store.customers.size).toBe(1);
  });

  it('REL-1: with ctx.retry looks before it writes and returns the customer an earlier attempt created', async () => {
    const first = await a.createCustomer({ ...newCaller, key: 'k', fields: {} }, ctx);
    k.clearRequests();
    const again = await a.createCustomer({ ...newCaller, key: 'k', fields: {} }, { retry: true });
    expect(again).toEqual({ id: first.id, created: false });
    expect(sent()).toEqual(['GET /v1/customers/phone=+14155550100']);
  });

  it('assignCustomer is a documented no-op: Kustomer customers have no owner', async () => {
    await a.assignCustomer(SEEDED, AGENT_A, ctx);
    expect(k.requests()).toEqual([]);
  });

  it('leaves out (and logs) fields Kustomer would refuse instead of failing the customer', async () => {
    const warnings: LogFields[] = [];
    const logged = adapterFor(k, {}, { log: { info() {}, error() {}, warn: (_e: string, f?: LogFields) => warnings.push(f ?? {}) } });
    const c = await logged.createCustomer({ ...newCaller, key: 'k', fields: { customUserId: 'no suffix', vipBool: 'maybe', tierStr: 3 } }, ctx);
    expect(k.store.customers.get(c.id)?.custom).toEqual({ tierStr: '3' });
    expect(warnings.map((w) => String(w.reason))).toEqual([expect.stringContaining('customUserId'), expect.stringContaining('vipBool')]);
  });
});

describe('Kustomer adapter: records are conversations', () => {
  it('KUS-10: creates the conversation with subject, externalId, direction, tags, assignee, fields and AgentDesk stamps; the pop URL opens it', async () => {
    const rec = await a.createRecord(voiceRecord(SEEDED, 'sess-100'), ctx);
    expect(rec).toMatchObject({ status: 'open', closedAt: null, leafQueueId: 'queue-billing', channel: 'voice', externalId: 'sess-100' });
    expect(rec.existed).toBeUndefined();
    const conv = k.store.conversations.get(rec.id);
    expect(conv).toMatchObject({
      customerId: SEEDED, name: 'Incoming call 1234 - Sales > Billing', externalId: 'sess-100', direction: 'in',
      tags: ['Voice Inbound - IVR', 'AgentDesk'], assignedUsers: [AGENT_A],
      custom: { queueNameStr: 'Billing', sessionIdStr: 'sess-100', agentdeskLeafQueueStr: 'queue-billing', agentdeskChannelStr: 'voice' },
    });
    expect(a.recordUrl(rec.id)).toBe(`${APP_URL}/app/conversations/${rec.id}`);
    expect(sent()).toEqual(['POST /v1/conversations']);
  });

  it('finds a record by externalId, or null', async () => {
    const rec = await a.createRecord(voiceRecord(SEEDED, 'vm:77', { channel: 'voice', sessionType: 'voicemail' }), ctx);
    expect((await a.findRecordByExternalId('vm:77', ctx))?.id).toBe(rec.id);
    expect(await a.findRecordByExternalId('vm:missing', ctx)).toBeNull();
  });

  it('REC-1/REC-2: lists recent records newest first with open/closed, closedAt from lastDone.createdAt and the stamps', async () => {
    const rec = await a.createRecord(voiceRecord(SEEDED, 'sess-new', { channel: 'chat', sessionType: 'chat_inbound_app', leafQueueId: 'queue-chat' }), ctx);
    const list = await a.listRecentRecords(SEEDED, 10, ctx);
    expect(list.map((r) => [r.status, r.leafQueueId, r.channel, r.closedAt])).toEqual([
      ['open', 'queue-chat', 'chat', null],
      ['closed', 'queue-billing', 'voice', '2025-02-01T09:30:00.000Z'],
      ['open', null, null, null],
    ]);
    expect(list[0]?.id).toBe(rec.id);
    expect(await a.listRecentRecords(SEEDED, 2, ctx)).toHaveLength(2);
  });

  it('updates status (closed -> done, open -> open), fields, assignee and tags with at most two calls', async () => {
    const rec = await a.createRecord(voiceRecord(SEEDED, 'sess-upd'), ctx);
    k.clearRequests();
    await a.updateRecord(rec.id, { status: 'closed', fields: { callDurationNum: '95', recordingUrl: 'https://rec.example/1.mp3' }, addTags: ['Recorded'], assigneeUserId: AGENT_B }, ctx);
    expect(sent()).toEqual([`PUT /v1/conversations/${rec.id}`, `POST /v1/conversations/${rec.id}/tags`]);
    const conv = k.store.conversations.get(rec.id);
    expect(conv).toMatchObject({ status: 'done', assignedUsers: [AGENT_B], tags: ['Voice Inbound - IVR', 'AgentDesk', 'Recorded'] });
    expect(conv?.custom).toMatchObject({ callDurationNum: 95, recordingUrl: 'https://rec.example/1.mp3' });
    const closed = await a.findRecordByExternalId('sess-upd', ctx);
    expect(closed).toMatchObject({ status: 'closed', closedAt: conv?.lastDone?.createdAt });
    k.clearRequests();
    await a.updateRecord(rec.id, { status: 'open' }, ctx);
    expect(k.store.conversations.get(rec.id)?.status).toBe('open');
    await a.updateRecord(rec.id, { addTags: ['Callback'] }, ctx);
    expect(sent()).toEqual([`PUT /v1/conversations/${rec.id}`, `POST /v1/conversations/${rec.id}/tags`]);
  });

  it('KUS-8: adds a note carrying its key as externalId; a retry finds it and adds nothing (REL-1)', async () => {
    const rec = await a.createRecord(voiceRecord(SEEDED, 'sess-note'), ctx);
    await a.addNote(rec.id, { key: 'sess-note:phone', body: 'Caller number: +821012345678' }, ctx);
    await a.addNote(rec.id, { key: 'sess-note:phone', body: 'Caller number: +821012345678' }, { retry: true });
    const notes = k.store.notesOf(rec.id);
    expect(notes.map((n) => [n.externalId, n.body])).toEqual([['sess-note:phone', 'Caller number: +821012345678']]);
  });

  it('KUS-9: attaches a file by the three-step upload and a note that carries it; a retry adds nothing', async () => {
    const rec = await a.createRecord(voiceRecord(SEEDED, 'sess-chat', { channel: 'chat' }), ctx);
    k.clearRequests();
    const bytes = new TextEncoder().encode('[10:00] Customer: hi\n[10:01] Agent: hello\n');
    await a.attachFile(rec.id, { key: 'sess-chat:transcript', name: 'transcript.txt', contentType: 'text/plain', bytes, caption: 'Chat transcript' }, ctx);
    expect(sent()).toEqual(['POST /v1/attachments', 'POST /s3/kustomer-attachments', `POST /v1/conversations/${rec.id}/notes`]);
    const upload = k.requests()[1];
    expect(upload?.headers.authorization).toBeUndefined(); // the API key never goes to the storage host
    expect(upload?.parts?.at(-1)).toMatchObject({ name: 'file', filename: 'transcript.txt', size: bytes.length });
    const [note] = k.store.notesOf(rec.id);
    expect(note).toMatchObject({ body: 'Chat transcript', externalId: 'sess-chat:transcript' });
    const att = k.store.attachments.get(note?.attachments[0]?._id ?? '');
    expect(att?.bytes?.toString('utf8')).toBe('[10:00] Customer: hi\n[10:01] Agent: hello\n');
    await a.attachFile(rec.id, { key: 'sess-chat:transcript', name: 'transcript.txt', contentType: 'text/plain', bytes, caption: 'Chat transcript' }, { retry: true });
    expect(k.store.notesOf(rec.id)).toHaveLength(1);
  });

  it('exposes the x-ratelimit-* state of the latest reply so the outbox can slow down before a 429', async () => {
    expect(a.lastRateLimit()).toBeNull();
    await a.findRecordByExternalId('nothing', ctx);
    const rl = a.lastRateLimit();
    expect(rl).toMatchObject({ limit: 1000, remaining: 999 });
    expect(rl?.resetAt).toBeGreaterThan(rl?.observedAt ?? Infinity);
  });
});

describe('Kustomer adapter: round trips (benchmark budget)', () => {
  it('a new caller\'s voice record exists after at most 3 sequential round trips, and a whole voice session takes at most 6', async () => {
    const customer = (await a.findCustomer(newCaller, ctx)) ?? (await a.createCustomer({ ...newCaller, key: 'k', fields: {} }, ctx));
    const rec = await a.createRecord(voiceRecord(customer.id, 'sess-rt'), ctx);
    expect(k.requests()).toHaveLength(3);
    await a.addNote(rec.id, { key: 'sess-rt:phone', body: 'Caller: +14155550100' }, ctx); // KUS-8
    await a.updateRecord(rec.id, { fields: { callDurationNum: 61, waitTimeNum: 5, holdTimeNum: 0 } }, ctx); // session end
    expect(k.requests().length).toBeLessThanOrEqual(6);
  });

  it('a known caller\'s record (lookup, recent records, create) also takes 3', async () => {
    const customer = await a.findCustomer({ ...newCaller, phoneE164: '+821012345678' }, ctx);
    await a.listRecentRecords(customer?.id ?? '', 20, ctx);
    await a.createRecord(voiceRecord(customer?.id ?? '', 'sess-known'), ctx);
    expect(k.requests()).toHaveLength(3);
  });
});
