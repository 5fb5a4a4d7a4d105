// The Zendesk adapter's failures as CrmError kinds (the outbox decides on them), and REL-1:
// an attempt that may have committed is retried without duplicating anything.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { ZendeskEmulator, ZendeskOptions } from '../../../emulators/zendesk/index.js';
import { TicketRateLimited, type ZendeskAdapter } from '../../../main/adapters/crm/zendesk/index.js';
import { CrmError, isRetryable } from '../../../main/engine/crm-port.js';
import { adapterFor, AGENT_A, failure, newCaller, start, voiceRecord } from './helpers.js';

const ctx = { retry: false };
const CUSTOMER = 361000000950;
let z: ZendeskEmulator | null = null;

async function setup(opts: ZendeskOptions = {}, timeoutMs = 5_000): Promise<{ z: ZendeskEmulator; a: ZendeskAdapter }> {
  z = await start({ ...opts, seed: { users: [{ id: CUSTOMER, name: 'Err', phone: '+16175550100', role: 'end-user' }], ...opts.seed } });
  return { z, a: adapterFor(z, { timeoutMs }) };
}
afterEach(async () => {
  await z?.close();
  z = null;
});

const rec = (key: string, extra = {}) => voiceRecord(CUSTOMER, key, { fields: {}, ...extra });
const ticketsWith = (em: ZendeskEmulator, key: string) => [...em.store.tickets.values()].filter((t) => t.external_id === key);

describe('Zendesk adapter: error mapping', () => {
  it('429 -> rate_limited with retryAfterMs from Retry-After (account window exhausted), retryable', async () => {
    const { a } = await setup({ clock: new ManualClock('2026-03-01T10:00:10Z'), rateLimitPerMinute: 1 });
    await a.findRecordByExternalId('x', ctx);
    const e = await failure(a.findRecordByExternalId('x', ctx), CrmError);
    expect(e).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 50_000 });
    expect(e.message).toContain('APIRateLimitExceeded');
    expect(a.lastRateLimit()).toMatchObject({ limit: 1, remaining: 0 });
    expect(isRetryable(e)).toBe(true);
  });

  it('429 from an injected fault honours its Retry-After; without Retry-After the ratelimit-reset header gives the wait', async () => {
    const { z, a } = await setup({ clock: new ManualClock('2026-03-01T10:00:45Z') });
    z.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'rate_limit', retryAfterSec: 7 });
    expect(await failure(a.createRecord(rec('S-429'), ctx), CrmError)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7_000 });
    z.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'status', status: 429 });
    expect(await failure(a.createRecord(rec('S-429'), ctx), CrmError)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 15_000 });
    expect(ticketsWith(z, 'S-429')).toHaveLength(0);
  });

  it('5xx -> transient with Zendesk\'s message', async () => {
    const { z, a } = await setup();
    for (const status of [500, 502, 503]) {
      z.fault({ method: 'GET', path: '/api/v2/search.json', kind: 'status', status });
      const e = await failure(a.findCustomer(newCaller, ctx), CrmError);
      expect(e).toMatchObject({ kind: 'transient', status });
      expect(isRetryable(e)).toBe(true);
    }
  });

  it('a dropped connection, a reply slower than the timeout and a caller abort -> transient', async () => {
    const { z, a } = await setup({}, 100);
    z.fault({ method: 'PUT', path: '/api/v2/tickets/{id}', kind: 'drop' });
    expect(await failure(a.addNote('5', { key: 'n', body: 'b' }, ctx), CrmError)).toMatchObject({ kind: 'transient' });
    z.fault({ method: 'GET', path: '/api/v2/tickets', kind: 'delay', delayMs: 1_500 });
    const slow = await failure(a.findRecordByExternalId('slow', ctx), CrmError);
    expect(slow).toMatchObject({ kind: 'transient', status: null });
    expect(slow.message).toContain('timed out after 100 ms');
    const patient = adapterFor(z, { timeoutMs: 5_000 });
    z.fault({ method: 'GET', path: '/api/v2/tickets', kind: 'delay', delayMs: 1_500 });
    const controller = new AbortController();
    const p = patient.findRecordByExternalId('slow', { retry: false, signal: controller.signal });
    controller.abort();
    expect((await failure(p, CrmError)).message).toContain('cancelled');
  });

  it('401/403 -> auth, 404 -> not_found, 422 -> invalid with Zendesk\'s details', async () => {
    const { z, a } = await setup();
    const wrong = adapterFor(z, { auth: { email: 'integration@acme.example', apiToken: 'revoked' } });
    expect(await failure(wrong.findCustomer(newCaller, ctx), CrmError)).toMatchObject({ kind: 'auth', status: 401 });
    const oauth = adapterFor(z, { auth: { oauthToken: 'expired' } });
    expect(await failure(oauth.findCustomer(newCaller, ctx), CrmError)).toMatchObject({ kind: 'auth', status: 401 });
    z.fault({ path: '/api/v2/tickets', method: 'POST', kind: 'status', status: 403 });
    expect(await failure(a.createRecord(rec('S-403'), ctx), CrmError)).toMatchObject({ kind: 'auth', status: 403 });
    const missing = await failure(a.updateRecord('424242', { status: 'closed' }, ctx), CrmError);
    expect(missing).toMatchObject({ kind: 'not_found', status: 404 });
    expect(isRetryable(missing)).toBe(false);
    const invalid = await failure(a.createRecord(rec('S-422', { customerId: '999999' }), ctx), CrmError);
    expect(invalid).toMatchObject({ kind: 'invalid', status: 422 });
    expect(invalid.message).toContain('RecordInvalid: Record validation errors (requester_id: Requester: user 999999 does not exist)');
    expect(await failure(a.createRecord(rec('S-bad', { customerId: 'not-a-number' }), ctx), CrmError)).toMatchObject({ kind: 'invalid' });
  });

  it('a 2xx reply of the wrong shape is a clear (transient) error, not a wrong record', async () => {
    const { z, a } = await setup();
    z.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'status', status: 201, body: { ticket: { id: 5, status: 'weird' } } });
    const e = await failure(a.createRecord(rec('S-shape'), ctx), CrmError);
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/unexpected reply shape: ticket\.status/);
  });

  it('OAuth bearer auth works end to end', async () => {
    const { z } = await setup();
    const oauth = adapterFor(z, { auth: { oauthToken: z.oauthToken } });
    const made = await oauth.createRecord(rec('S-oauth'), ctx);
    expect(z.store.tickets.get(Number(made.id))?.submitter_id).toBe(AGENT_A);
  });
});

describe('Zendesk adapter: Update Ticket limit per ticket', () => {
  it('counts its own updates of a ticket and answers rate_limited (record scope) before Zendesk would, until the oldest leaves the window', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const { z } = await setup();
    const a = adapterFor(z, { ticketUpdateLimit: { max: 2, windowMs: 600_000 } }, { now: () => now });
    const made = await a.createRecord(rec('S-lim'), ctx);
    await a.addNote(made.id, { key: 'n1', body: '1' }, ctx);
    now += 60_000;
    await a.addNote(made.id, { key: 'n2', body: '2' }, ctx);
    const puts = z.requests().filter((r) => r.method === 'PUT').length;
    const e = await failure(a.addNote(made.id, { key: 'n3', body: '3' }, ctx), TicketRateLimited);
    expect(e).toMatchObject({ kind: 'rate_limited', scope: 'record', retryAfterMs: 540_000 });
    expect(z.requests().filter((r) => r.method === 'PUT')).toHaveLength(puts); // no request spent on a certain 429
    now += 540_000;
    await a.addNote(made.id, { key: 'n3', body: '3' }, ctx);
    expect(z.store.commentsOf(Number(made.id))).toHaveLength(4);
  });

  it('Zendesk\'s own per-ticket 429 (another process, same user) -> rate_limited with its Retry-After', async () => {
    const { z, a } = await setup({ clock: new ManualClock('2026-03-01T10:00:00Z'), perTicketUpdates: 1 });
    const made = await a.createRecord(rec('S-lim2'), ctx);
    await adapterFor(z).addNote(made.id, { key: 'other', body: 'other process' }, ctx);
    const e = await failure(a.addNote(made.id, { key: 'mine', body: 'mine' }, ctx), CrmError);
    expect(e).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 600_000 });
  });
});

describe('Zendesk adapter: REL-1 no duplicates across commit-then-drop', () => {
  it('commit_then_drop on the ticket create; the retry (ctx.retry) finds it by external_id and creates none', async () => {
    const { z, a } = await setup();
    z.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'commit_then_drop' });
    expect((await failure(a.createRecord(rec('S-ctd'), ctx), CrmError)).kind).toBe('transient');
    const [committed] = ticketsWith(z, 'S-ctd');
    const again = await a.createRecord(rec('S-ctd'), { retry: true });
    expect(again).toMatchObject({ id: String(committed?.id), existed: true, leafQueueId: 'q-billing', channel: 'voice' });
    expect(ticketsWith(z, 'S-ctd')).toHaveLength(1);
    expect(z.requests().filter((r) => r.method === 'POST' && r.path === '/api/v2/tickets')).toHaveLength(1);
  });

  it('even a retry that does not know it is one replays through the Idempotency-Key (x-idempotency-lookup: hit) and reports existed', async () => {
    const { z, a } = await setup();
    z.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'commit_then_drop' });
    await failure(a.createRecord(rec('S-key'), ctx), CrmError);
    const again = await a.createRecord(rec('S-key'), ctx);
    expect(again).toMatchObject({ existed: true });
    expect(ticketsWith(z, 'S-key')).toHaveLength(1);
  });

  it('the same key with other content (IdempotentRequestError) resolves to the ticket made first', async () => {
    const { z, a } = await setup();
    const first = await a.createRecord(rec('S-mm'), ctx);
    const other = await a.createRecord(rec('S-mm', { subject: 'changed since' }), ctx);
    expect(other).toMatchObject({ id: first.id, existed: true });
    expect(ticketsWith(z, 'S-mm')).toHaveLength(1);
  });

  it('commit_then_drop on the end-user create; the retry gets the same user (create_or_update), created: false', async () => {
    const { z, a } = await setup();
    z.fault({ method: 'POST', path: '/api/v2/users/create_or_update', kind: 'commit_then_drop' });
    const c = { ...newCaller, identifier: 'app-7', key: 'id:app-7', fields: {} };
    await failure(a.createCustomer(c, ctx), CrmError);
    const again = await a.createCustomer(c, { retry: true });
    expect(again.created).toBe(false);
    expect([...z.store.users.values()].filter((u) => u.external_id === 'app-7').map((u) => String(u.id))).toEqual([again.id]);
  });

  it('commit_then_drop on a note, then a retry finds its key in the audits and adds no duplicate', async () => {
    const { z, a } = await setup();
    const made = await a.createRecord(rec('S-n'), ctx);
    z.fault({ method: 'PUT', path: `/api/v2/tickets/${made.id}`, kind: 'commit_then_drop' });
    await failure(a.addNote(made.id, { key: 'S-n:phone', body: 'Caller +16175550100' }, ctx), CrmError);
    await a.addNote(made.id, { key: 'S-n:phone', body: 'Caller +16175550100' }, { retry: true });
    expect(z.store.commentsOf(Number(made.id)).map((c) => c.body)).toEqual([expect.any(String), 'Caller +16175550100']);
  });

  it('commit_then_drop on the comment of an attachment, then a retry leaves exactly one comment with the file; a failed upload is retried whole', async () => {
    const { z, a } = await setup();
    const made = await a.createRecord(rec('S-f', { channel: 'chat' }), ctx);
    const file = { key: 'S-f:transcript', name: 't.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hi'), caption: 'Transcript' };
    z.fault({ method: 'POST', path: '/api/v2/uploads', kind: 'status', status: 503 });
    expect((await failure(a.attachFile(made.id, file, ctx), CrmError)).kind).toBe('transient');
    z.fault({ method: 'PUT', path: `/api/v2/tickets/${made.id}`, kind: 'commit_then_drop' });
    await failure(a.attachFile(made.id, file, { retry: true }), CrmError);
    await a.attachFile(made.id, file, { retry: true });
    const withFiles = z.store.commentsOf(Number(made.id)).filter((c) => c.attachment_ids.length > 0);
    expect(withFiles).toHaveLength(1);
  });

  it('commit_then_drop on a follow-up create (late write to a closed ticket); the retry reuses that follow-up', async () => {
    const { z, a } = await setup({ seed: { tickets: [{ id: 40, subject: 'closed', status: 'closed', requester_id: CUSTOMER }] } });
    z.fault({ method: 'POST', path: '/api/v2/tickets', kind: 'commit_then_drop' });
    await failure(a.addNote('40', { key: 'late', body: 'late note' }, ctx), CrmError);
    await adapterFor(z).addNote('40', { key: 'late', body: 'late note' }, { retry: true });
    expect(z.store.tickets.get(40)?.followup_ids).toHaveLength(1);
    const f = z.store.tickets.get(z.store.tickets.get(40)?.followup_ids[0] ?? 0);
    expect(z.store.commentsOf(f?.id ?? 0).map((c) => c.body)).toEqual([expect.stringContaining('Follow-up of ticket #40'), 'late note']);
  });
});

describe('Zendesk adapter: what must not stop a record', () => {
  it('an assignee Zendesk refuses: the ticket is made unassigned (and logged)', async () => {
    const { z, a } = await setup();
    const made = await a.createRecord(rec('S-asg', { assigneeUserId: String(CUSTOMER) }), ctx);
    expect(z.store.tickets.get(Number(made.id))?.assignee_id).toBeNull();
  });

  it('a follow-up Zendesk refuses (the source is no longer closed): a plain ticket is made instead', async () => {
    const { z, a } = await setup({ seed: { tickets: [{ id: 41, subject: 'open again', status: 'open', requester_id: CUSTOMER }] } });
    const made = await a.createRecord(rec('S-nofu', { followUpOf: '41' }), ctx);
    expect(z.store.tickets.get(Number(made.id))?.via.source.rel).toBeNull();
    expect(ticketsWith(z, 'S-nofu')).toHaveLength(1);
  });
});
