// Freshdesk emulator: tickets. Create (requester rules, mandatory fields, enums, custom fields
// validated against the defined ticket fields), view with include=stats, update with status
// stats (resolved/closed/reopened), custom statuses, and the list with its 30-day default window.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import type { FreshdeskEmulator, FreshdeskOptions } from '../../../emulators/freshdesk/index.js';
import { AGENT_A, api, contact, start } from './helpers.js';

let f: FreshdeskEmulator | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});
async function setup(opts: FreshdeskOptions = {}): Promise<FreshdeskEmulator> {
  f = await start(opts);
  return f;
}
const T = { subject: 'Help', description: 'Details' };

describe('Freshdesk emulator: ticket create', () => {
  it('takes the requester by requester_id, e-mail (existing or new contact), unique_external_id, or phone with a name', async () => {
    const e = await setup();
    const carol = await contact(e, { name: 'Carol', email: 'carol@example.com', phone: '+14155550100' });
    const byId = await api(e, 'POST', '/api/v2/tickets', { ...T, requester_id: carol });
    expect(byId.status).toBe(201);
    expect(byId.json).toMatchObject({ requester_id: carol, status: 2, priority: 1, source: 2, subject: 'Help', description: '<div>Details</div>', description_text: 'Details' });
    expect((await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'CAROL@example.com' })).json.requester_id).toBe(carol);
    const newByEmail = await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'dan@example.com' });
    expect(newByEmail.json.requester_id).not.toBe(carol);
    expect(e.store.contacts.get(newByEmail.json.requester_id)?.email).toBe('dan@example.com');
    const byPhone = await api(e, 'POST', '/api/v2/tickets', { ...T, phone: '+14155550100', name: 'whoever' });
    expect(byPhone.json.requester_id).toBe(carol);
    const newByPhone = await api(e, 'POST', '/api/v2/tickets', { ...T, phone: '010-1234-5678', name: 'Eve', unique_external_id: 'app-eve' });
    expect(e.store.contacts.get(newByPhone.json.requester_id)).toMatchObject({ name: 'Eve', phone: '010-1234-5678', uniqueExternalId: 'app-eve' });
    expect((await api(e, 'POST', '/api/v2/tickets', { ...T, unique_external_id: 'app-eve' })).json.requester_id).toBe(newByPhone.json.requester_id);
  });

  it('refuses a phone without e-mail and without name, a missing requester, subject or description, and an unknown requester_id', async () => {
    const e = await setup();
    const noName = await api(e, 'POST', '/api/v2/tickets', { ...T, phone: '+14155550100' });
    expect(noName.status).toBe(400);
    expect(noName.json.errors[0]).toMatchObject({ field: 'name', code: 'missing_field' });
    expect((await api(e, 'POST', '/api/v2/tickets', T)).json.errors[0]).toMatchObject({ field: 'requester_id', code: 'missing_field' });
    expect((await api(e, 'POST', '/api/v2/tickets', { description: 'd', email: 'a@b.example' })).json.errors[0]).toMatchObject({ field: 'subject', code: 'missing_field' });
    expect((await api(e, 'POST', '/api/v2/tickets', { subject: 's', email: 'a@b.example' })).json.errors[0]).toMatchObject({ field: 'description', code: 'missing_field' });
    expect((await api(e, 'POST', '/api/v2/tickets', { ...T, requester_id: 123 })).json.errors[0]).toMatchObject({ field: 'requester_id', code: 'invalid_value' });
    expect((await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'not-an-email' })).json.errors[0]).toMatchObject({ field: 'email', code: 'invalid_value' });
    expect(e.store.tickets.size).toBe(0);
    expect(e.store.contacts.size).toBe(0);
  });

  it('checks status, priority, source, responder, group and types with Freshdesk codes', async () => {
    const e = await setup();
    const base = { ...T, email: 'a@b.example' };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ status: 9 }, 'status', 'invalid_value'],
      [{ status: '2' }, 'status', 'datatype_mismatch'],
      [{ priority: 5 }, 'priority', 'invalid_value'],
      [{ source: 4 }, 'source', 'invalid_value'],
      [{ responder_id: 77 }, 'responder_id', 'invalid_value'],
      [{ group_id: 77 }, 'group_id', 'invalid_value'],
      [{ tags: 'a' }, 'tags', 'datatype_mismatch'],
      [{ tags: ['a,b'] }, 'tags', 'invalid_value'],
      [{ type: 'Gossip' }, 'type', 'invalid_value'],
      [{ attachments: [] }, 'attachments', 'invalid_field'],
    ];
    for (const [extra, field, code] of cases) {
      const r = await api(e, 'POST', '/api/v2/tickets', { ...base, ...extra });
      expect(r.status, JSON.stringify(extra)).toBe(400);
      expect(r.json.errors[0], JSON.stringify(extra)).toMatchObject({ field, code });
    }
    const ok = await api(e, 'POST', '/api/v2/tickets', { ...base, status: 6, priority: 4, source: 3, responder_id: AGENT_A, group_id: 1, tags: ['Voice Inbound (IVR)', 'AgentDesk'], type: 'Question' });
    expect(ok.json).toMatchObject({ status: 6, priority: 4, source: 3, responder_id: AGENT_A, group_id: 1, tags: ['Voice Inbound (IVR)', 'AgentDesk'], type: 'Question' });
  });

  it('KUS-4: validates custom_fields against the defined cf_ ticket fields and lists every field (null when unset)', async () => {
    const e = await setup();
    const base = { ...T, email: 'a@b.example' };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ cf_unknown: 'x' }, 'cf_unknown', 'invalid_field'],
      [{ cf_call_duration: '95' }, 'cf_call_duration', 'datatype_mismatch'],
      [{ cf_call_duration: 9.5 }, 'cf_call_duration', 'datatype_mismatch'],
      [{ cf_queue_name: 7 }, 'cf_queue_name', 'datatype_mismatch'],
      [{ cf_queue_name: 'x'.repeat(256) }, 'cf_queue_name', 'invalid_value'],
      [{ cf_tier: 'Bronze' }, 'cf_tier', 'invalid_value'],
      [{ cf_vip: 'yes' }, 'cf_vip', 'datatype_mismatch'],
      [{ cf_callback_on: '03/01/2025' }, 'cf_callback_on', 'invalid_value'],
    ];
    for (const [custom, field, code] of cases) {
      const r = await api(e, 'POST', '/api/v2/tickets', { ...base, custom_fields: custom });
      expect(r.json.errors?.[0], JSON.stringify(custom)).toMatchObject({ field, code });
    }
    const ok = await api(e, 'POST', '/api/v2/tickets', { ...base, custom_fields: { cf_call_duration: 95, cf_queue_name: 'Billing', cf_tier: 'Gold', cf_vip: true, cf_callback_on: '2025-03-01', cf_notes: 'long text' } });
    expect(ok.json.custom_fields).toEqual({
      cf_agentdesk_session: null, cf_agentdesk_leaf_queue: null, cf_agentdesk_channel: null, cf_queue_name: 'Billing', cf_call_duration: 95,
      cf_vip: true, cf_callback_on: '2025-03-01', cf_tier: 'Gold', cf_notes: 'long text',
    });
  });
});

describe('Freshdesk emulator: ticket view, update and status stats (REC-2)', () => {
  it('include=stats gives resolved_at/closed_at/reopened_at as the status moves; a reopened ticket is Open again', async () => {
    const clock = new ManualClock('2025-03-01T10:00:00.000Z');
    const e = await setup({ clock });
    const id = (await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'a@b.example' })).json.id;
    expect((await api(e, 'GET', `/api/v2/tickets/${id}`)).json.stats).toBeUndefined();
    clock.advance(60_000);
    await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 4 });
    clock.advance(60_000);
    await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 5 });
    let stats = (await api(e, 'GET', `/api/v2/tickets/${id}?include=stats`)).json.stats;
    expect(stats).toMatchObject({ resolved_at: '2025-03-01T10:01:00Z', closed_at: '2025-03-01T10:02:00Z', reopened_at: null, status_updated_at: '2025-03-01T10:02:00Z' });
    clock.advance(60_000);
    const reopened = await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 2 });
    expect(reopened.json).toMatchObject({ status: 2, updated_at: '2025-03-01T10:03:00Z' });
    clock.advance(60_000);
    await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 5 });
    stats = (await api(e, 'GET', `/api/v2/tickets/${id}?include=stats,requester`)).json.stats;
    // Closed straight from Open after a reopen: closed_at and resolved_at are both the new time.
    expect(stats).toMatchObject({ reopened_at: '2025-03-01T10:03:00Z', resolved_at: '2025-03-01T10:04:00Z', closed_at: '2025-03-01T10:04:00Z' });
  });

  it('custom statuses (6, 7) are accepted and listed as choices of the status field; 8 is not', async () => {
    const e = await setup();
    const id = (await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'a@b.example' })).json.id;
    expect((await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 7 })).json.status).toBe(7);
    expect((await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 8 })).json.errors[0]).toMatchObject({ field: 'status', code: 'invalid_value', message: "It should be one of these values: '2,3,4,5,6,7'" });
    const fields = (await api(e, 'GET', '/api/v2/ticket_fields?type=default_status')).json;
    expect(fields[0].choices).toEqual({
      2: ['Open', 'Being Processed'], 3: ['Pending', 'Awaiting your Reply'], 4: ['Resolved', 'This ticket has been Resolved'],
      5: ['Closed', 'This ticket has been Closed'], 6: ['Waiting on Customer', 'Waiting on Customer'], 7: ['Cancelled', 'Cancelled'],
    });
  });

  it('update replaces tags, merges custom fields, assigns, and refuses closing while a field required for closure is empty', async () => {
    const e = await setup({ seed: { ticketFields: [{ name: 'cf_reason', type: 'custom_text', requiredForClosure: true }] } });
    const id = (await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'a@b.example', tags: ['one'] })).json.id;
    const r = await api(e, 'PUT', `/api/v2/tickets/${id}`, { tags: ['two', 'Two'], responder_id: AGENT_A });
    expect(r.json).toMatchObject({ tags: ['two'], responder_id: AGENT_A });
    const blocked = await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 4 });
    expect(blocked.json.errors[0]).toMatchObject({ field: 'cf_reason', code: 'missing_field' });
    expect(e.store.tickets.get(id)?.status).toBe(2);
    expect((await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 4, custom_fields: { cf_reason: 'done' } })).json.status).toBe(4);
    expect((await api(e, 'PUT', `/api/v2/tickets/${id}`, { subject: '' })).json.errors[0]).toMatchObject({ field: 'subject', code: 'missing_field' });
    expect((await api(e, 'PUT', '/api/v2/tickets/9999', { status: 2 })).status).toBe(404);
  });
});

describe('Freshdesk emulator: list tickets', () => {
  it('lists only tickets created in the last 30 days unless updated_since is given (then by update time)', async () => {
    const clock = new ManualClock('2025-03-01T10:00:00.000Z');
    const e = await setup({ clock });
    const requester = await contact(e, { name: 'Old timer', email: 'old@example.com' });
    const old = (await api(e, 'POST', '/api/v2/tickets', { ...T, requester_id: requester })).json.id;
    clock.advance(40 * 86_400_000);
    const recent = (await api(e, 'POST', '/api/v2/tickets', { ...T, requester_id: requester })).json.id;
    const ids = async (q: string) => (await api(e, 'GET', `/api/v2/tickets?${q}`)).json.map((t: { id: number }) => t.id);
    expect(await ids(`requester_id=${requester}`)).toEqual([recent]);
    expect(await ids(`requester_id=${requester}&updated_since=2025-01-01T00:00:00Z`)).toEqual([recent, old]);
    expect(await ids(`requester_id=${requester}&updated_since=2025-01-01T00:00:00Z&order_type=asc`)).toEqual([old, recent]);
    expect(await ids(`email=old@example.com&updated_since=2025-01-01`)).toEqual([recent, old]);
    expect(await ids('unique_external_id=nobody')).toEqual([]);
  });

  it('include=stats embeds stats and costs 3 credits; include=description adds the description', async () => {
    const e = await setup();
    await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'a@b.example' });
    const plain = await api(e, 'GET', '/api/v2/tickets');
    expect(plain.headers.get('x-ratelimit-used-currentrequest')).toBe('1');
    expect(plain.json[0].description).toBeUndefined();
    const withStats = await api(e, 'GET', '/api/v2/tickets?include=stats,description');
    expect(withStats.headers.get('x-ratelimit-used-currentrequest')).toBe('5');
    expect(withStats.json[0]).toMatchObject({ description_text: 'Details', stats: { resolved_at: null } });
  });

  it('refuses unknown filters, sort orders, include names and parameters, and pages beyond 300', async () => {
    const e = await setup();
    for (const q of ['filter=mine', 'order_by=priority', 'order_type=up', 'include=conversations', 'colour=red', 'page=301', 'updated_since=yesterday', 'requester_id=abc']) {
      const r = await api(e, 'GET', `/api/v2/tickets?${q}`);
      expect(r.status, q).toBe(400);
    }
  });

  it('filters new_and_my_open, spam and deleted; a deleted ticket is gone from the default list and from GET', async () => {
    const e = await setup();
    const a = (await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'a@b.example' })).json.id;
    const b = (await api(e, 'POST', '/api/v2/tickets', { ...T, email: 'a@b.example', responder_id: 1002 })).json.id;
    expect((await api(e, 'GET', '/api/v2/tickets?filter=new_and_my_open')).json.map((t: { id: number }) => t.id)).toEqual([a]);
    expect((await api(e, 'DELETE', `/api/v2/tickets/${b}`)).status).toBe(204);
    expect((await api(e, 'GET', '/api/v2/tickets')).json.map((t: { id: number }) => t.id)).toEqual([a]);
    expect((await api(e, 'GET', '/api/v2/tickets?filter=deleted')).json.map((t: { id: number }) => t.id)).toEqual([b]);
    expect((await api(e, 'GET', `/api/v2/tickets/${b}`)).status).toBe(404);
  });
});
