// The Freshdesk adapter against the emulator: records are tickets. Create (source, tags by name,
// responder, cf_ fields typed by the account's definitions, AgentDesk stamps), the requester's
// recent tickets with open/closed and closedAt (REC-1, REC-2), update (reopen, close, fields,
// assignment, tags), private notes and multipart attachments.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { FreshdeskEmulator, FreshdeskOptions } from '../../../emulators/freshdesk/index.js';
import type { FreshdeskAdapter } from '../../../main/adapters/crm/freshdesk/index.js';
import type { LogFields } from '../../../main/engine/ports.js';
import { AGENT_A, AGENT_B, APP_URL, adapterFor, sent, start, voiceRecord } from './helpers.js';

const ctx = { retry: false };
const CAROL = 50_000_000_001;
const NOW = '2025-03-10T12:00:00.000Z';
let f: FreshdeskEmulator;
let a: FreshdeskAdapter;
let clock: ManualClock;

async function setup(opts: FreshdeskOptions = {}) {
  clock = new ManualClock(NOW);
  f = await start({
    clock,
    ...opts,
    seed: {
      contacts: [{ id: CAROL, name: 'Carol', phone: '+14155550100' }],
      tickets: [
        // resolved 2 days ago, then closed automatically
        { id: 101, requesterId: CAROL, subject: 'resolved', status: 5, createdAt: '2025-03-01T09:00:00Z', statusAt: '2025-03-08T09:00:00Z', customFields: { cf_agentdesk_leaf_queue: 'q-billing', cf_agentdesk_channel: 'voice', cf_agentdesk_session: 'S-101' } },
        { id: 102, requesterId: CAROL, subject: 'pending chat', status: 3, source: 7, createdAt: '2025-03-02T09:00:00Z' },
        { id: 103, requesterId: CAROL, subject: 'custom open', status: 6, createdAt: '2025-03-03T09:00:00Z' },
        { id: 104, requesterId: CAROL, subject: 'custom closed', status: 7, createdAt: '2025-03-04T09:00:00Z', statusAt: '2025-03-05T10:00:00Z' },
        // 60 days old: outside Freshdesk's default 30-day list window
        { id: 105, requesterId: CAROL, subject: 'old but open', status: 2, createdAt: '2025-01-09T09:00:00Z', customFields: { cf_agentdesk_leaf_queue: 'q-old' } },
      ],
      ...opts.seed,
    },
  });
  a = adapterFor(f, { closedStatuses: [7] }, { now: () => clock.now() });
}
beforeEach(() => setup());
afterEach(async () => {
  await f.close();
});

describe('Freshdesk adapter: ticket creation (KUS-10, REC-8, REC-9, KUS-4)', () => {
  it('creates the ticket with subject, description, source Phone, tags by name, responder, typed cf_ fields and the stamps; the pop URL opens it', async () => {
    const rec = await a.createRecord(voiceRecord(CAROL, 'S-200', { fields: { cf_queue_name: 'Billing', cf_call_duration: '61', cf_vip: 'true', cf_callback_on: '2025-03-11T10:00:00Z', cf_tier: 'gold' } }), ctx);
    expect(rec).toMatchObject({ status: 'open', closedAt: null, leafQueueId: 'q-billing', channel: 'voice', externalId: 'S-200', reopenable: true });
    expect(rec.existed).toBeUndefined();
    const t = f.store.tickets.get(Number(rec.id));
    expect(t).toMatchObject({
      requesterId: CAROL, subject: 'IVR call 1234 - Sales > Billing', status: 2, source: 3, priority: 1, responderId: AGENT_A,
      tags: ['Voice Inbound (IVR)', 'AgentDesk'],
      customFields: { cf_queue_name: 'Billing', cf_call_duration: 61, cf_vip: true, cf_callback_on: '2025-03-11', cf_tier: 'Gold', cf_agentdesk_session: 'S-200', cf_agentdesk_leaf_queue: 'q-billing', cf_agentdesk_channel: 'voice' },
    });
    expect(t?.descriptionText).toContain('session S-200');
    expect(a.recordUrl(rec.id)).toBe(`${APP_URL}/a/tickets/${rec.id}`);
    expect(sent(f)).toEqual(['GET /api/v2/ticket_fields', 'POST /api/v2/tickets']);
  });

  it('REC-8: a chat ticket has source Chat and the Freshdesk tag "Messaging Inbound (Web Chat)"; the field definitions are read once', async () => {
    await a.createRecord(voiceRecord(CAROL, 'S-201'), ctx);
    f.clearRequests();
    const rec = await a.createRecord(voiceRecord(CAROL, 'C-1', { channel: 'chat', sessionType: 'chat_inbound_web', tags: ['Messaging Inbound (Web Chat)', 'AgentDesk', 'agentdesk'], leafQueueId: 'q-web' }), ctx);
    expect(f.store.tickets.get(Number(rec.id))).toMatchObject({ source: 7, tags: ['Messaging Inbound (Web Chat)', 'AgentDesk'] });
    expect(sent(f)).toEqual(['POST /api/v2/tickets']);
  });

  it('leaves out (and logs) fields that are not cf_ names, not defined, or not of the field type, and an assignee that is not an agent id', async () => {
    const warnings: LogFields[] = [];
    const logged = adapterFor(f, {}, { log: { info() {}, error() {}, warn: (_e: string, fl?: LogFields) => warnings.push(fl ?? {}) } });
    const rec = await logged.createRecord(voiceRecord(CAROL, 'S-202', { fields: { queueName: 'x', cf_missing: 'x', cf_call_duration: 'long', cf_tier: 'Bronze', cf_queue_name: 'ok' }, assigneeUserId: '64b7f0c2a1d3e4f5a6b7c801' }), ctx);
    const t = f.store.tickets.get(Number(rec.id));
    expect(t?.customFields).toMatchObject({ cf_queue_name: 'ok', cf_call_duration: null, cf_tier: null });
    expect(t?.responderId).toBeNull();
    expect(warnings.map((w) => String(w.userId ?? w.reason))).toEqual([
      expect.stringContaining('queueName: not a Freshdesk custom field name'),
      expect.stringContaining('cf_missing: no such custom ticket field'),
      expect.stringContaining('cf_call_duration'),
      expect.stringContaining('cf_tier'),
      '64b7f0c2a1d3e4f5a6b7c801',
    ]);
  });

  it('when Freshdesk refuses a field the cached definitions still listed (deleted meanwhile), it leaves it out and sends once more', async () => {
    await a.createRecord(voiceRecord(CAROL, 'S-203'), ctx); // caches the definitions
    const tier = [...f.store.ticketFields.values()].find((d) => d.name === 'cf_tier');
    f.store.ticketFields.delete(tier?.id ?? -1);
    f.clearRequests();
    const rec = await a.createRecord(voiceRecord(CAROL, 'S-204', { fields: { cf_tier: 'Gold', cf_queue_name: 'kept' } }), ctx);
    expect(f.store.tickets.get(Number(rec.id))?.customFields).toMatchObject({ cf_queue_name: 'kept' });
    expect(sent(f)).toEqual(['POST /api/v2/tickets', 'POST /api/v2/tickets']);
    expect(f.requests().map((r) => r.status)).toEqual([400, 201]);
  });
});

describe('Freshdesk adapter: recent records and status (REC-1, REC-2)', () => {
  it('REC-1/REC-2: lists the requester\'s tickets newest first: Open/Pending/custom-open are open, Resolved/Closed/admin-closed customs are closed, with closedAt from stats', async () => {
    const list = await a.listRecentRecords(String(CAROL), 20, ctx);
    expect(list.map((r) => [r.id, r.status, r.closedAt, r.leafQueueId, r.channel])).toEqual([
      ['104', 'closed', '2025-03-05T10:00:00Z', null, 'voice'],
      ['103', 'open', null, null, 'voice'],
      ['102', 'open', null, null, 'chat'],
      ['101', 'closed', '2025-03-08T09:00:00Z', 'q-billing', 'voice'],
      ['105', 'open', null, 'q-old', 'voice'],
    ]);
    expect(sent(f)).toEqual([`GET /api/v2/tickets?requester_id=${CAROL}&updated_since=2024-02-04T12:00:00.000Z&order_by=created_at&order_type=desc&per_page=20&page=1&include=stats`]);
    expect(a.lastRateLimit()).toMatchObject({ usedByLastRequest: 3 });
  });

  it('REC-2: measures "closed" from resolved_at (an automatic close later does not stretch the window), and skips stats when REC-2 is off', async () => {
    await f.close();
    await setup({ seed: { tickets: [{ id: 110, requesterId: CAROL, subject: 'r', status: 4, createdAt: '2025-03-01T09:00:00Z', statusAt: '2025-03-02T09:00:00Z' }] } });
    const t = f.store.tickets.get(110);
    if (!t) throw new Error('seed');
    t.status = 5; // Freshdesk closes resolved tickets automatically later
    t.stats.closedAt = Date.parse('2025-03-07T09:00:00Z');
    expect((await a.listRecentRecords(String(CAROL), 5, ctx)).find((r) => r.id === '110')?.closedAt).toBe('2025-03-02T09:00:00Z');
    let window: number | null = 0;
    const cheap = adapterFor(f, {}, { now: () => clock.now(), reopenWindowDays: () => window });
    f.clearRequests();
    expect((await cheap.listRecentRecords(String(CAROL), 5, ctx))[0]).toMatchObject({ status: 'closed', closedAt: null });
    expect(f.requests()[0]?.query).not.toContain('include=stats');
    window = 3;
    expect((await cheap.listRecentRecords(String(CAROL), 5, ctx))[0]?.closedAt).toBe('2025-03-02T09:00:00Z');
  });

  it('pages through more than 100 tickets and stops at the limit', async () => {
    for (let i = 0; i < 105; i++) await a.createRecord(voiceRecord(CAROL, `bulk-${i}`), ctx);
    f.clearRequests();
    const list = await a.listRecentRecords(String(CAROL), 103, ctx);
    expect(list).toHaveLength(103);
    expect(list[0]?.externalId).toBe('bulk-104');
    expect(f.requests().map((r) => /(?:^|&)page=(\d+)/.exec(r.query)?.[1])).toEqual(['1', '2']);
  });

  it('REC-2: reopening sets status back to Open (2); closing writes Resolved (4) or Closed (5) as configured', async () => {
    await a.updateRecord('101', { status: 'open' }, ctx);
    expect(f.store.tickets.get(101)).toMatchObject({ status: 2 });
    expect(f.store.tickets.get(101)?.stats.reopenedAt).toBe(clock.now());
    expect((await a.listRecentRecords(String(CAROL), 20, ctx)).find((r) => r.id === '101')?.status).toBe('open');
    await a.updateRecord('101', { status: 'closed' }, ctx);
    expect(f.store.tickets.get(101)?.status).toBe(4);
    await adapterFor(f, { closeAs: 5 }).updateRecord('102', { status: 'closed' }, ctx);
    expect(f.store.tickets.get(102)?.status).toBe(5);
  });

  it('finds a record by its session key through search, or null', async () => {
    expect(await a.findRecordByExternalId('S-101', ctx)).toMatchObject({ id: '101', externalId: 'S-101', status: 'closed', leafQueueId: 'q-billing' });
    expect(await a.findRecordByExternalId('S-none', ctx)).toBeNull();
    expect(await a.findRecordByExternalId("it's", ctx)).toBeNull();
    expect(sent(f)).toEqual([`GET /api/v2/search/tickets?query="cf_agentdesk_session:'S-101'"`, `GET /api/v2/search/tickets?query="cf_agentdesk_session:'S-none'"`]);
  });
});

describe('Freshdesk adapter: updates, notes and files', () => {
  it('KUS-10: one PUT for status, fields and assignee; added tags are merged with the ticket\'s (Freshdesk replaces tags), so it reads the ticket first', async () => {
    const rec = await a.createRecord(voiceRecord(CAROL, 'S-300'), ctx);
    f.clearRequests();
    await a.updateRecord(rec.id, { status: 'closed', fields: { cf_call_duration: 95 }, assigneeUserId: String(AGENT_B), addTags: ['Recorded', 'agentdesk'] }, ctx);
    expect(sent(f)).toEqual([`GET /api/v2/tickets/${rec.id}`, `PUT /api/v2/tickets/${rec.id}`]);
    expect(f.requests()[1]?.json).toEqual({ status: 4, custom_fields: { cf_call_duration: 95 }, responder_id: AGENT_B, tags: ['Voice Inbound (IVR)', 'AgentDesk', 'Recorded'] });
    f.clearRequests();
    await a.updateRecord(rec.id, { addTags: ['AgentDesk'] }, ctx);
    expect(sent(f)).toEqual([`GET /api/v2/tickets/${rec.id}`]);
    await a.updateRecord(rec.id, { fields: { unmapped: 1 } }, ctx);
    expect(f.requests()).toHaveLength(1);
  });

  it('KUS-8: adds a private note whose last line is its reference; a retry finds it and adds nothing (REL-1)', async () => {
    await a.addNote('101', { key: 'S-101:details', body: 'Phone: +14155550100\nCall ID: S-101 <script>' }, ctx);
    await a.addNote('101', { key: 'S-101:details', body: 'Phone: +14155550100\nCall ID: S-101 <script>' }, { retry: true });
    await a.addNote('101', { key: 'S-101:details2', body: 'Another' }, { retry: true });
    const notes = f.store.conversationsOf(101);
    expect(notes.map((n) => [n.private, n.bodyText])).toEqual([
      [true, 'Phone: +14155550100\nCall ID: S-101 <script>\nAgentDesk ref: S-101:details'],
      [true, 'Another\nAgentDesk ref: S-101:details2'],
    ]);
    expect(notes[0]?.body).toContain('&lt;script&gt;');
  });

  it('KUS-9: attaches a file as one multipart private note; a retry adds nothing', async () => {
    const bytes = new TextEncoder().encode('[10:00] Customer: hi\n');
    const file = { key: 'C-1:transcript', name: 'transcript.txt', contentType: 'text/plain', bytes, caption: 'Chat transcript' };
    await a.attachFile('102', file, ctx);
    expect(f.requests()[0]?.parts).toEqual([
      { name: 'body', filename: null, size: expect.any(Number) },
      { name: 'private', filename: null, size: 4 },
      { name: 'attachments[]', filename: 'transcript.txt', size: bytes.length },
    ]);
    await a.attachFile('102', file, { retry: true });
    const notes = f.store.conversationsOf(102);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ private: true, bodyText: 'Chat transcript\nAgentDesk ref: C-1:transcript' });
    expect(f.store.attachments.get(notes[0]?.attachmentIds[0] ?? -1)?.bytes.toString('utf8')).toBe('[10:00] Customer: hi\n');
  });

  it('tracks X-Ratelimit-* from the latest reply', async () => {
    expect(a.lastRateLimit()).toBeNull();
    await a.findRecordByExternalId('x', ctx);
    expect(a.lastRateLimit()).toMatchObject({ limit: 700, remaining: 699, usedByLastRequest: 1 });
  });

  it('refuses ids that are not Freshdesk numbers as invalid (never retried)', async () => {
    await expect(a.updateRecord('64b7f0c2a1d3e4f5a6b7c801', { status: 'open' }, ctx)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(a.listRecentRecords('abc', 5, ctx)).rejects.toMatchObject({ kind: 'invalid' });
    expect(f.requests()).toEqual([]);
  });
});
