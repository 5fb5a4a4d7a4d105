// Zendesk emulator: tickets. Create (Idempotency-Key replay / mismatch / expiry), show, lists by
// external_id and requester (sort, offset and cursor pagination, metric_sets), updates (status
// rules, tags, custom fields, metadata in audits), closed tickets (422, close automation),
// safe_update, follow-ups, comments and audits.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import { IDEMPOTENCY_TTL_MS, type ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { AGENT_A, api, endUser, FIELD_DURATION, FIELD_QUEUE, start, ticket } from './helpers.js';

let z: ZendeskEmulator | null = null;
afterEach(async () => {
  await z?.close();
  z = null;
});

const body = (requester: number, extra: Record<string, unknown> = {}) => ({ ticket: { subject: 'Call', comment: { body: 'hello', public: false }, requester_id: requester, ...extra } });

describe('Zendesk emulator: creating tickets', () => {
  it('201 {ticket, audit} with Location; new when unassigned, open when assigned; the private first comment is the description', async () => {
    z = await start();
    const u = await endUser(z, { name: 'Caller' });
    const r = await api(z, 'POST', '/api/v2/tickets.json', body(u, { external_id: 'S-1', tags: ['Voice Inbound', 'agentdesk'] }));
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`${z.url}/api/v2/tickets/${r.json.ticket.id}.json`);
    expect(r.json.ticket).toMatchObject({ status: 'new', requester_id: u, external_id: 'S-1', description: 'hello', is_public: false, tags: ['voice', 'inbound', 'agentdesk'], via: { channel: 'api' } });
    expect(r.json.ticket).not.toHaveProperty('solved_at');
    expect(r.json.audit.events.map((e: { type: string }) => e.type)).toContain('Comment');
    const assigned = await ticket(z, { requester_id: u, assignee_id: AGENT_A });
    expect(assigned.status).toBe('open');
    expect((await api(z, 'GET', `/api/v2/tickets/${assigned.id}/comments`)).json.comments[0]).toMatchObject({ body: 'first', public: false, type: 'Comment' });
  });

  it('422 RecordInvalid for a blank comment, an unknown requester, a non-agent assignee, and status closed', async () => {
    z = await start();
    const u = await endUser(z, { name: 'Caller' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ comment: { body: '  ' }, requester_id: u }, 'description'],
      [{ comment: { body: 'x' }, requester_id: 424242 }, 'requester_id'],
      [{ comment: { body: 'x' }, requester_id: u, assignee_id: u }, 'assignee_id'],
      [{ comment: { body: 'x' }, requester_id: u, status: 'closed' }, 'status'],
    ];
    for (const [t, field] of cases) {
      const r = await api(z, 'POST', '/api/v2/tickets', { ticket: t });
      expect(r.status).toBe(422);
      expect(r.json).toMatchObject({ error: 'RecordInvalid', details: { [field]: expect.any(Array) } });
    }
    expect(z.store.tickets.size).toBe(0);
  });

  it('Idempotency-Key: miss, then the same body replays the first response (hit), another body is a 400 IdempotentRequestError; keys expire after 2 h', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock });
    const u = await endUser(z, { name: 'Caller' });
    const key = { 'idempotency-key': 'agentdesk:ticket:S-9' };
    const first = await api(z, 'POST', '/api/v2/tickets', body(u), key);
    expect(first.headers.get('x-idempotency-lookup')).toBe('miss');
    await api(z, 'PUT', `/api/v2/tickets/${first.json.ticket.id}`, { ticket: { status: 'pending' } });
    const again = await api(z, 'POST', '/api/v2/tickets', { ticket: { requester_id: u, comment: { public: false, body: 'hello' }, subject: 'Call' } }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('x-idempotency-lookup')).toBe('hit');
    expect(again.json.ticket).toEqual(first.json.ticket); // the first response, not the ticket as it is now
    const other = await api(z, 'POST', '/api/v2/tickets', body(u, { subject: 'Other' }), key);
    expect(other).toMatchObject({ status: 400, json: { error: 'IdempotentRequestError' } });
    expect(z.store.tickets.size).toBe(1);
    clock.advance(IDEMPOTENCY_TTL_MS);
    const expired = await api(z, 'POST', '/api/v2/tickets', body(u), key);
    expect(expired.headers.get('x-idempotency-lookup')).toBe('miss');
    expect(z.store.tickets.size).toBe(2);
    expect((await api(z, 'POST', '/api/v2/tickets', body(u), { 'idempotency-key': 'k'.repeat(256) })).status).toBe(400);
  });

  it('a follow-up (via_followup_source_id) of a closed ticket links both ways; of an open ticket it is a 422', async () => {
    z = await start();
    const u = await endUser(z, { name: 'Caller' });
    const t = await ticket(z, { requester_id: u });
    expect((await api(z, 'POST', '/api/v2/tickets', body(u, { via_followup_source_id: t.id }))).status).toBe(422);
    await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { status: 'solved' } });
    z.closeTicket(t.id);
    const f = await api(z, 'POST', '/api/v2/tickets', body(u, { via_followup_source_id: t.id }));
    expect(f.status).toBe(201);
    expect(f.json.ticket.via).toEqual({ channel: 'api', source: { from: { ticket_id: t.id, subject: '', channel: 'api' }, to: {}, rel: 'follow_up' } });
    expect((await api(z, 'GET', `/api/v2/tickets/${t.id}`)).json.ticket.followup_ids).toEqual([f.json.ticket.id]);
  });
});

describe('Zendesk emulator: reading tickets', () => {
  it('lists by external_id (not unique), by requester newest first with metric_sets, and pages offset- and cursor-style', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock });
    const u = await endUser(z, { name: 'Caller' });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await ticket(z, { requester_id: u, external_id: i < 2 ? 'dup' : `e${i}` })).id);
      clock.advance(60_000);
    }
    expect((await api(z, 'GET', '/api/v2/tickets?external_id=dup')).json.tickets.map((t: { id: number }) => t.id)).toEqual(ids.slice(0, 2));
    const req = await api(z, 'GET', `/api/v2/users/${u}/tickets/requested?sort_by=created_at&sort_order=desc&per_page=2&include=metric_sets`);
    expect(req.json.tickets.map((t: { id: number }) => t.id)).toEqual([ids[4], ids[3]]);
    expect(req.json.metric_sets.map((m: { ticket_id: number }) => m.ticket_id)).toEqual([ids[4], ids[3]]);
    expect(req.json.count).toBe(5);
    expect(req.json.next_page).toContain('page=2');
    const u3 = new URL(req.json.next_page);
    u3.searchParams.set('page', '3');
    const page3 = await api(z, 'GET', u3.pathname + u3.search);
    expect(page3.json.tickets.map((t: { id: number }) => t.id)).toEqual([ids[0]]);
    expect(page3.json.next_page).toBeNull();
    const c1 = await api(z, 'GET', `/api/v2/users/${u}/tickets/requested?page[size]=3&sort=-created_at`);
    expect(c1.json.meta.has_more).toBe(true);
    const next = new URL(c1.json.links.next);
    const c2 = await api(z, 'GET', next.pathname + next.search);
    expect([...c1.json.tickets, ...c2.json.tickets].map((t: { id: number }) => t.id)).toEqual([...ids].reverse());
    expect(c2.json.meta.has_more).toBe(false);
    expect((await api(z, 'GET', '/api/v2/tickets?page[size]=101')).status).toBe(400);
    expect((await api(z, 'GET', `/api/v2/tickets/show_many?ids=${ids[0]},${ids[2]},999`)).json.tickets.map((t: { id: number }) => t.id)).toEqual([ids[0], ids[2]]);
    expect((await api(z, 'GET', '/api/v2/users/999/tickets/requested')).status).toBe(404);
  });
});

describe('Zendesk emulator: updating tickets', () => {
  it('solving records solved_at in ticket metrics; reopening counts a reopen; every change is an audit with the metadata', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock });
    const u = await endUser(z, { name: 'Caller' });
    const t = await ticket(z, { requester_id: u, assignee_id: AGENT_A });
    clock.advance(3_600_000);
    const solved = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { status: 'solved', metadata: { agentdesk_key: 'S-1:end' } } });
    expect(solved.json.audit.metadata.custom).toEqual({ agentdesk_key: 'S-1:end' });
    expect((await api(z, 'GET', `/api/v2/tickets/${t.id}/metrics`)).json.ticket_metric).toMatchObject({ solved_at: '2026-03-01T11:00:00Z', reopens: 0 });
    clock.advance(60_000);
    await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { status: 'open' } });
    expect((await api(z, 'GET', `/api/v2/tickets/${t.id}/metrics`)).json.ticket_metric).toMatchObject({ solved_at: '2026-03-01T11:00:00Z', reopens: 1 });
    expect((await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { status: 'new' } })).status).toBe(422);
    const audits = (await api(z, 'GET', `/api/v2/tickets/${t.id}/audits`)).json.audits;
    expect(audits).toHaveLength(3);
  });

  it('additional_tags / remove_tags edit, tags replace; custom_fields merge by id; comment appended privately; a no-op makes no audit', async () => {
    z = await start();
    const u = await endUser(z, { name: 'Caller' });
    const t = await ticket(z, { requester_id: u, tags: ['a', 'b'], custom_fields: [{ id: FIELD_QUEUE, value: 'Billing' }] });
    const r = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, {
      ticket: { additional_tags: ['c'], remove_tags: ['a'], custom_fields: [{ id: FIELD_DURATION, value: '95' }], comment: { body: 'note', public: false }, assignee_id: AGENT_A },
    });
    expect(r.status).toBe(200);
    expect(r.json.ticket).toMatchObject({ tags: ['b', 'c'], assignee_id: AGENT_A, status: 'open' });
    expect(r.json.ticket.custom_fields).toEqual(expect.arrayContaining([{ id: FIELD_QUEUE, value: 'Billing' }, { id: FIELD_DURATION, value: 95 }]));
    expect((await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { tags: ['x'] } })).json.ticket.tags).toEqual(['x']);
    const before = z.store.auditsOf(t.id).length;
    const noop = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { additional_tags: ['x'], metadata: { lost: true } } });
    expect(noop.status).toBe(200);
    expect(noop.json.audit).toBeUndefined();
    expect(z.store.auditsOf(t.id)).toHaveLength(before);
    const comments = (await api(z, 'GET', `/api/v2/tickets/${t.id}/comments?sort_order=desc`)).json.comments;
    expect(comments.map((c: { body: string; public: boolean }) => [c.body, c.public])).toEqual([['note', false], ['first', false]]);
  });

  it('REC-2: a closed ticket refuses every update with 422 "Status: closed prevents ticket update"; the close automation closes solved tickets after 4 days', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock });
    const u = await endUser(z, { name: 'Caller' });
    const t = await ticket(z, { requester_id: u });
    await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { status: 'solved' } });
    clock.advance(4 * 86_400_000 - 1000);
    expect((await api(z, 'GET', `/api/v2/tickets/${t.id}`)).json.ticket.status).toBe('solved');
    clock.advance(1000);
    expect((await api(z, 'GET', `/api/v2/tickets/${t.id}`)).json.ticket.status).toBe('closed');
    const r = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { comment: { body: 'late', public: false } } });
    expect(r.status).toBe(422);
    expect(r.json).toEqual({ error: 'RecordInvalid', description: 'Record validation errors', details: { status: [{ description: 'Status: closed prevents ticket update', error: 'ClosedTicket' }] } });
    expect(z.store.commentsOf(t.id)).toHaveLength(1);
    expect((await api(z, 'GET', `/api/v2/tickets/${t.id}/metrics`)).json.ticket_metric.solved_at).toBe('2026-03-01T10:00:00Z');
  });

  it('safe_update with a stale updated_stamp is a 409 UpdateConflict; with the current one it applies', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00Z');
    z = await start({ clock });
    const u = await endUser(z, { name: 'Caller' });
    const t = await ticket(z, { requester_id: u });
    clock.advance(5000);
    const moved = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { additional_tags: ['x'] } });
    const stale = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { additional_tags: ['y'], safe_update: true, updated_stamp: t.updated_at } });
    expect(stale).toMatchObject({ status: 409, json: { error: 'UpdateConflict' } });
    const fresh = await api(z, 'PUT', `/api/v2/tickets/${t.id}`, { ticket: { additional_tags: ['y'], safe_update: true, updated_stamp: moved.json.ticket.updated_at } });
    expect(fresh.json.ticket.tags).toEqual(['x', 'y']);
  });
});
