// The Zendesk adapter against the emulator over loopback: customers (KUS-7, KUS-8, phone formats),
// tickets (REC-1 stamps, REC-8/REC-9 tags, custom fields, KUS-10 assignment), notes, attachments
// (KUS-9), REC-1/REC-2 summaries, follow-ups of closed tickets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import type { ZendeskAdapter } from '../../../main/adapters/crm/zendesk/index.js';
import type { LogFields } from '../../../main/engine/ports.js';
import { adapterFor, AGENT_A, AGENT_B, api, APP_URL, FIELD_DURATION, FIELD_QUEUE, FIELD_TYPE, newCaller, sent, STAMP_CHANNEL, STAMP_LEAF, start, voiceRecord } from './helpers.js';

const ctx = { retry: false };
let z: ZendeskEmulator;
let a: ZendeskAdapter;
const KNOWN = 361000000901;
const DAY = 86_400_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

beforeEach(async () => {
  z = await start({
    seed: {
      users: [{ id: KNOWN, name: 'Known Caller', phone: '010-1234-5678', email: 'known@example.com', external_id: 'app-user-9', role: 'end-user' }],
      tickets: [
        { id: 11, subject: 'old', status: 'closed', requester_id: KNOWN, created_at: iso(9 * DAY), solved_at: iso(8 * DAY), tags: ['agentdesk_channel_voice', 'agentdesk_queue_q_2dbilling'] },
        { id: 12, subject: 'solved', status: 'solved', requester_id: KNOWN, created_at: iso(3 * DAY), solved_at: iso(2 * DAY), tags: ['agentdesk_channel_chat', 'agentdesk_queue_q_2dchat'] },
        { id: 13, subject: 'pending', status: 'pending', requester_id: KNOWN, created_at: iso(DAY) },
      ],
    },
  });
  a = adapterFor(z);
});
afterEach(async () => {
  await z.close();
});

describe('Zendesk adapter: customers are end users (KUS-7, KUS-8)', () => {
  it('KUS-7: looks up by the primary identity only (a new SDK identifier is a new end user); on a retry by every identity', async () => {
    expect(await a.findCustomer({ ...newCaller, identifier: 'nobody', email: 'none@x.example' }, ctx)).toBeNull();
    expect(sent(z)).toEqual(['GET /api/v2/users/search']);
    z.clearRequests();
    expect(await a.findCustomer({ ...newCaller, identifier: 'nobody', email: 'none@x.example' }, { retry: true })).toBeNull();
    expect(sent(z)).toEqual(['GET /api/v2/users/search', 'GET /api/v2/search.json', 'GET /api/v2/search.json']);
    expect(new URLSearchParams(z.requests()[1]?.query).get('query')).toBe('type:user role:end-user phone:*4155550100');
    expect(new URLSearchParams(z.requests()[2]?.query).get('query')).toBe('type:user email:none@x.example');
    expect(await a.findCustomer({ phoneE164: null, phoneRaw: null, identifier: 'app-user-9', email: null, name: null }, ctx)).toEqual({ id: String(KNOWN) });
    expect(await a.findCustomer({ phoneE164: null, phoneRaw: null, identifier: null, email: 'KNOWN@example.com', name: null }, ctx)).toEqual({ id: String(KNOWN) });
  });

  it.each([
    ['E.164', '+821055556666'],
    ['national', '010-5555-6666'],
    ['as dialled, spaced', '+82 10 5555 6666'],
    ['as dialled, no plus', '82-10-5555-6666'],
  ])('KUS-8: finds a caller whose number is stored %s, and no one else', async (_what, stored) => {
    const r = await api(z, 'POST', '/api/v2/users', { user: { name: 'Stored', phone: stored } });
    await api(z, 'POST', '/api/v2/users', { user: { name: 'Neighbour', phone: '+821055556667' } });
    const found = await a.findCustomer({ phoneE164: '+821055556666', phoneRaw: '010-5555-6666', identifier: null, email: null, name: null }, ctx);
    expect(found).toEqual({ id: String(r.json.user.id) });
  });

  it('prefers the user whose number is exactly the caller\'s over one that only shares the last digits', async () => {
    const longer = await api(z, 'POST', '/api/v2/users', { user: { name: 'Longer', phone: '+1 (650) 415-555-0100' } });
    const exact = await api(z, 'POST', '/api/v2/users', { user: { name: 'Exact', phone: '(415) 555-0100' } });
    expect(longer.json.user.id).toBeLessThan(exact.json.user.id);
    expect(await a.findCustomer(newCaller, ctx)).toEqual({ id: String(exact.json.user.id) });
  });

  it.each([
    ['e164', '+14155550100'],
    ['national', '(415) 555-0100'],
    ['as_dialled', '415.555.0100'],
  ] as const)('writes a new caller\'s number in the admin\'s format (%s) with create_or_update keyed agentdesk:<key>; a second create finds the first (REL-1)', async (format, stored) => {
    const adapter = adapterFor(z, { phoneFormat: format });
    const c = { ...newCaller, phoneRaw: '415.555.0100', key: 'phone:+14155550100', fields: { customer_id_field: 'x' } };
    const made = await adapter.createCustomer(c, ctx);
    expect(made.created).toBe(true);
    expect(z.store.users.get(Number(made.id))).toMatchObject({ name: 'Carol Caller', phone: stored, external_id: 'agentdesk:phone:+14155550100', role: 'end-user', user_fields: { customer_id_field: 'x' } });
    expect(sent(z)).toEqual(['POST /api/v2/users/create_or_update']);
    expect(await adapter.findCustomer(c, ctx)).toEqual({ id: made.id });
    expect(await adapter.createCustomer(c, { retry: true })).toEqual({ id: made.id, created: false });
  });

  it('an SDK identifier becomes the external_id; a new identifier with a known e-mail is that user (create_or_update matches the e-mail and links the identifier)', async () => {
    const app = await a.createCustomer({ phoneE164: null, phoneRaw: null, identifier: 'app-1', email: null, name: 'App User', key: 'id:app-1', fields: {} }, ctx);
    expect(z.store.users.get(Number(app.id))?.external_id).toBe('app-1');
    const known = await a.createCustomer({ phoneE164: null, phoneRaw: null, identifier: 'app-2', email: 'known@example.com', name: 'Known Caller', key: 'id:app-2', fields: {} }, ctx);
    expect(known).toEqual({ id: String(KNOWN), created: false });
    expect(z.store.users.get(KNOWN)?.external_id).toBe('app-2');
    const mailOnly = await a.createCustomer({ phoneE164: null, phoneRaw: null, identifier: null, email: 'kim@example.com', name: 'Kim', key: 'email:kim@example.com', fields: {} }, ctx);
    expect(z.store.users.get(Number(mailOnly.id))).toMatchObject({ email: 'kim@example.com', external_id: null });
  });

  it('assignCustomer is a documented no-op: Zendesk end users have no owner', async () => {
    await a.assignCustomer(String(KNOWN), String(AGENT_A), ctx);
    expect(z.requests()).toEqual([]);
  });
});

describe('Zendesk adapter: records are tickets', () => {
  it('KUS-10/REC-8/REC-9: one POST with subject, private first comment, requester, assignee, external_id, tags, stamps, custom fields by title and id; Idempotency-Key', async () => {
    const rec = await a.createRecord(voiceRecord(KNOWN, 'S-100', { fields: { 'queue NAME': 'Billing', [String(FIELD_DURATION)]: '0', 'Session type': 'Voice Inbound (IVR)' } }), ctx);
    expect(rec).toMatchObject({ status: 'open', closedAt: null, leafQueueId: 'q-billing', channel: 'voice', externalId: 'S-100' });
    expect(rec.existed).toBeUndefined();
    const t = z.store.tickets.get(Number(rec.id));
    expect(t).toMatchObject({ subject: 'IVR call 1234 - Sales > Billing', requester_id: KNOWN, assignee_id: AGENT_A, external_id: 'S-100', status: 'open', is_public: false });
    expect(t?.tags).toEqual(['voice_inbound_ivr', 'agentdesk', 'agentdesk_channel_voice', 'agentdesk_queue_q_2dbilling', 'st_voice_ivr']);
    expect([...(t?.custom_fields ?? [])]).toEqual([[FIELD_QUEUE, 'Billing'], [FIELD_DURATION, 0], [FIELD_TYPE, 'st_voice_ivr']]);
    expect(t?.description).toContain('Voice Inbound (IVR) session S-100');
    const post = z.requests().find((r) => r.method === 'POST');
    expect(post?.headers['idempotency-key']).toBe('agentdesk:ticket:S-100');
    expect(sent(z)).toEqual(['GET /api/v2/ticket_fields', 'POST /api/v2/tickets']);
    expect(a.recordUrl(rec.id)).toBe(`${APP_URL}/agent/tickets/${rec.id}`);
  });

  it('stamps can live in two custom ticket fields instead of tags', async () => {
    const f = adapterFor(z, { stamps: { kind: 'fields', leafQueueFieldId: STAMP_LEAF, channelFieldId: STAMP_CHANNEL } });
    const rec = await f.createRecord(voiceRecord(KNOWN, 'S-101', { fields: {}, channel: 'chat', leafQueueId: 'Q-Chat/Web' }), ctx);
    const t = z.store.tickets.get(Number(rec.id));
    expect(t?.tags).toEqual(['voice_inbound_ivr', 'agentdesk']);
    expect([...(t?.custom_fields ?? [])]).toEqual([[STAMP_CHANNEL, 'chat'], [STAMP_LEAF, 'Q-Chat/Web']]);
    expect((await f.findRecordByExternalId('S-101', ctx))?.leafQueueId).toBe('Q-Chat/Web');
    expect(sent(z)).toEqual(['POST /api/v2/tickets', 'GET /api/v2/tickets']);
  });

  it('REC-1/REC-2: lists requested tickets newest first in one call: open = new/open/pending/hold, closedAt = solved_at, closed tickets cannot be reopened', async () => {
    const rec = await a.createRecord(voiceRecord(KNOWN, 'S-new', { fields: {} }), ctx);
    z.clearRequests();
    const list = await a.listRecentRecords(String(KNOWN), 20, ctx);
    expect(sent(z)).toEqual([`GET /api/v2/users/${KNOWN}/tickets/requested`]);
    expect(list.map((r) => [r.id, r.status, r.leafQueueId, r.channel, r.reopenable])).toEqual([
      [rec.id, 'open', 'q-billing', 'voice', undefined],
      ['13', 'open', null, null, undefined],
      ['12', 'closed', 'q-chat', 'chat', undefined],
      ['11', 'closed', 'q-billing', 'voice', false],
    ]);
    expect(list[2]?.closedAt).toBe(z.store.tickets.get(12)?.metrics.solved_at);
    expect(list[3]?.closedAt).toBe(z.store.tickets.get(11)?.metrics.solved_at);
    expect(await a.listRecentRecords(String(KNOWN), 2, ctx)).toHaveLength(2);
  });

  it('finds a record by external_id (the newest ticket with it), or null', async () => {
    const rec = await a.createRecord(voiceRecord(KNOWN, 'vm:77', { sessionType: 'voicemail', fields: {} }), ctx);
    expect((await a.findRecordByExternalId('vm:77', ctx))?.id).toBe(rec.id);
    expect(await a.findRecordByExternalId('vm:missing', ctx)).toBeNull();
  });

  it('updates status (closed -> solved, open -> open), fields, tags and assignee in one PUT', async () => {
    const rec = await a.createRecord(voiceRecord(KNOWN, 'S-upd', { fields: {} }), ctx);
    z.clearRequests();
    await a.updateRecord(rec.id, { status: 'closed', fields: { 'Call duration': 95 }, addTags: ['Recorded'], assigneeUserId: String(AGENT_B) }, ctx);
    expect(sent(z)).toEqual(['GET /api/v2/ticket_fields', `PUT /api/v2/tickets/${rec.id}`]);
    expect(z.requests()[1]?.json).toEqual({ ticket: { status: 'solved', custom_fields: [{ id: FIELD_DURATION, value: 95 }], additional_tags: ['recorded'], assignee_id: AGENT_B } });
    const t = z.store.tickets.get(Number(rec.id));
    expect(t).toMatchObject({ status: 'solved', assignee_id: AGENT_B });
    expect(t?.tags).toContain('recorded');
    expect((await a.findRecordByExternalId('S-upd', ctx))?.closedAt).toBe(t?.metrics.solved_at);
    await a.updateRecord(rec.id, { status: 'open' }, ctx);
    expect(z.store.tickets.get(Number(rec.id))?.status).toBe('open');
    expect(z.store.tickets.get(Number(rec.id))?.metrics.reopens).toBe(1);
  });

  it('KUS-8: a note is a private comment whose key rides in the audit metadata; a retry finds it and adds nothing (REL-1)', async () => {
    const rec = await a.createRecord(voiceRecord(KNOWN, 'S-note', { fields: {} }), ctx);
    await a.addNote(rec.id, { key: 'S-note:details', body: 'Phone: +821012345678' }, ctx);
    z.clearRequests();
    await a.addNote(rec.id, { key: 'S-note:details', body: 'Phone: +821012345678' }, { retry: true });
    expect(sent(z)).toEqual([`GET /api/v2/tickets/${rec.id}/audits`]);
    const comments = z.store.commentsOf(Number(rec.id));
    expect(comments.map((c) => [c.body, c.public])).toEqual([[expect.stringContaining('Created by AgentDesk'), false], ['Phone: +821012345678', false]]);
    expect(z.store.audits.get(comments[1]?.audit_id ?? 0)?.metadata.custom).toEqual({ agentdesk_key: 'S-note:details' });
  });

  it('KUS-9: attaches a file with an upload token and a private comment; a retry adds nothing', async () => {
    const rec = await a.createRecord(voiceRecord(KNOWN, 'S-chat', { channel: 'chat', fields: {} }), ctx);
    z.clearRequests();
    const bytes = new TextEncoder().encode('[10:00] Customer: hi\n');
    const file = { key: 'S-chat:transcript', name: 'chat-transcript-S-chat.txt', contentType: 'text/plain', bytes, caption: 'Chat transcript' };
    await a.attachFile(rec.id, file, ctx);
    expect(sent(z)).toEqual(['POST /api/v2/uploads', `PUT /api/v2/tickets/${rec.id}`]);
    expect(new URLSearchParams(z.requests()[0]?.query).get('filename')).toBe('chat-transcript-S-chat.txt');
    const c = z.store.commentsOf(Number(rec.id)).at(-1);
    expect(c).toMatchObject({ body: 'Chat transcript', public: false });
    expect(z.store.attachments.get(c?.attachment_ids[0] ?? 0)?.bytes.toString('utf8')).toBe('[10:00] Customer: hi\n');
    await a.attachFile(rec.id, file, { retry: true });
    expect(z.store.commentsOf(Number(rec.id))).toHaveLength(2);
  });

  it('leaves out (and logs) fields Zendesk would refuse, and an assignee that is not a Zendesk id, instead of failing the ticket', async () => {
    const warnings: LogFields[] = [];
    const logged = adapterFor(z, {}, { log: { info() {}, error() {}, warn: (_e: string, f?: LogFields) => warnings.push(f ?? {}) } });
    const rec = await logged.createRecord(voiceRecord(KNOWN, 'S-bad', { fields: { 'No such field': 1, 'Call duration': 'ninety', 'Queue name': 'Billing' }, assigneeUserId: '64b7f0c2a1d3e4f5a6b7c801' }), ctx);
    expect([...(z.store.tickets.get(Number(rec.id))?.custom_fields ?? [])]).toEqual([[FIELD_QUEUE, 'Billing']]);
    expect(z.store.tickets.get(Number(rec.id))?.assignee_id).toBeNull();
    expect(warnings.map((w) => `${String(w.assignee ?? '')}${String(w.reason)}`)).toEqual([
      expect.stringMatching(/^64b7f0c2a1d3e4f5a6b7c801not a Zendesk user id/),
      expect.stringContaining('No such field'),
      expect.stringContaining('"ninety" is not a valid integer'),
    ]);
  });
});

describe('Zendesk adapter: closed tickets (REC-2)', () => {
  it('createRecord with followUpOf makes a follow-up ticket of the closed one (via_followup_source_id)', async () => {
    const rec = await a.createRecord(voiceRecord(KNOWN, 'S-fu', { fields: {}, followUpOf: '11' }), ctx);
    const t = z.store.tickets.get(Number(rec.id));
    expect(t?.via).toMatchObject({ source: { rel: 'follow_up', from: { ticket_id: 11 } } });
    expect(z.store.tickets.get(11)?.followup_ids).toEqual([Number(rec.id)]);
    expect(t?.description).toContain('Follow-up of ticket #11');
  });

  it('a write that reaches a closed ticket goes to its follow-up (made once, then reused); closing a closed ticket is a no-op', async () => {
    await a.addNote('11', { key: 'late:1', body: 'CSAT 5/5' }, ctx);
    const [followUp] = z.store.tickets.get(11)?.followup_ids ?? [];
    const f = z.store.tickets.get(followUp ?? 0);
    expect(f).toMatchObject({ requester_id: KNOWN, status: 'new', external_id: null, via: { source: { rel: 'follow_up' } } });
    expect(f?.tags).toEqual(['agentdesk_channel_voice', 'agentdesk_queue_q_2dbilling']);
    expect(z.store.commentsOf(f?.id ?? 0).map((c) => c.body)).toEqual([expect.stringContaining('Follow-up of ticket #11'), 'CSAT 5/5']);
    const fresh = adapterFor(z); // another process: finds the follow-up through followup_ids
    await fresh.updateRecord('11', { fields: { 'Call duration': 61 } }, ctx);
    await fresh.updateRecord('11', { status: 'closed' }, ctx);
    expect(z.store.tickets.get(11)?.followup_ids).toHaveLength(1);
    expect(z.store.tickets.get(f?.id ?? 0)?.custom_fields.get(FIELD_DURATION)).toBe(61);
    z.clearRequests();
    await a.updateRecord('11', { status: 'closed' }, ctx);
    expect(z.store.tickets.get(f?.id ?? 0)?.status).toBe('solved');
  });
});

describe('Zendesk adapter: round trips', () => {
  it('a new caller\'s ticket exists after 3 sequential round trips (search, create_or_update, create); the account rate limit is tracked', async () => {
    const customer = (await a.findCustomer(newCaller, ctx)) ?? (await a.createCustomer({ ...newCaller, key: 'phone:+14155550100', fields: {} }, ctx));
    await a.createRecord(voiceRecord(customer.id, 'S-rt', { fields: {} }), ctx);
    expect(z.requests()).toHaveLength(3);
    const rl = a.lastRateLimit();
    expect(rl?.limit).toBe(700);
    expect(rl?.remaining).toBeLessThanOrEqual(699); // 697 unless the minute turned between the calls
    expect(rl?.resetAt).toBeGreaterThan(rl?.observedAt ?? Infinity);
  });
});
