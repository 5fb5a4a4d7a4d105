// Freshdesk emulator: contacts (unique identities -> 409, phone matching as stored), ticket
// fields (public and admin views, creating cf_ fields), and ticket search (syntax, cf_ fields,
// statuses, indexing delay).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import { basicAuth, type FreshdeskEmulator, type FreshdeskOptions } from '../../../emulators/freshdesk/index.js';
import { PLAIN_KEY, api, contact, start } from './helpers.js';

let f: FreshdeskEmulator | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});
async function setup(opts: FreshdeskOptions = {}): Promise<FreshdeskEmulator> {
  f = await start(opts);
  return f;
}
const ids = (r: { json: Array<{ id: number }> }) => r.json.map((x) => x.id);

describe('Freshdesk emulator: contacts', () => {
  it('needs a name and one identity; e-mail, unique_external_id and twitter_id are unique (409 duplicate_value naming the holder)', async () => {
    const e = await setup();
    expect((await api(e, 'POST', '/api/v2/contacts', { email: 'x@example.com' })).json.errors[0]).toMatchObject({ field: 'name', code: 'missing_field' });
    expect((await api(e, 'POST', '/api/v2/contacts', { name: 'Nobody' })).json.errors[0]).toMatchObject({ code: 'missing_field' });
    const carol = await contact(e, { name: 'Carol', email: 'carol@example.com', unique_external_id: 'app-1', other_emails: ['c2@example.com'] });
    for (const body of [{ email: 'CAROL@example.com' }, { email: 'c2@example.com' }, { unique_external_id: 'app-1' }]) {
      const r = await api(e, 'POST', '/api/v2/contacts', { name: 'Dup', ...body });
      expect(r.status).toBe(409);
      expect(r.json).toMatchObject({ description: 'Validation failed', errors: [{ code: 'duplicate_value', additional_info: { user_id: carol } }] });
    }
  });

  it('phone and mobile are not unique in Freshdesk; with uniquePhones they are (409)', async () => {
    const e = await setup();
    await contact(e, { name: 'A', phone: '+14155550100' });
    expect((await api(e, 'POST', '/api/v2/contacts', { name: 'B', phone: '+14155550100' })).status).toBe(201);
    await e.close();
    const strict = await setup({ uniquePhones: true });
    const a = await contact(strict, { name: 'A', mobile: '+14155550100' });
    const r = await api(strict, 'POST', '/api/v2/contacts', { name: 'B', phone: '+14155550100' });
    expect(r.status).toBe(409);
    expect(r.json.errors[0]).toMatchObject({ field: 'phone', code: 'duplicate_value', additional_info: { user_id: a } });
  });

  it('KUS-8: filters by phone and mobile match the number as stored (format matters), e-mail case-insensitively, unique_external_id exactly', async () => {
    const e = await setup();
    const e164 = await contact(e, { name: 'E164', phone: '+821012345678' });
    const national = await contact(e, { name: 'National', phone: '010-1234-5678' });
    const mob = await contact(e, { name: 'Mobile', mobile: '+821099998888', email: 'Mob@Example.com', unique_external_id: 'sdk-9' });
    expect(ids(await api(e, 'GET', `/api/v2/contacts?phone=${encodeURIComponent('+821012345678')}`))).toEqual([e164]);
    expect(ids(await api(e, 'GET', '/api/v2/contacts?phone=010-1234-5678'))).toEqual([national]);
    expect(ids(await api(e, 'GET', '/api/v2/contacts?phone=01012345678'))).toEqual([]);
    expect(ids(await api(e, 'GET', `/api/v2/contacts?phone=${encodeURIComponent('+821099998888')}`))).toEqual([]);
    expect(ids(await api(e, 'GET', `/api/v2/contacts?mobile=${encodeURIComponent('+821099998888')}`))).toEqual([mob]);
    expect(ids(await api(e, 'GET', '/api/v2/contacts?email=mob@example.com'))).toEqual([mob]);
    expect(ids(await api(e, 'GET', '/api/v2/contacts?unique_external_id=sdk-9'))).toEqual([mob]);
    expect((await api(e, 'GET', `/api/v2/contacts/${mob}`)).json).toMatchObject({ name: 'Mobile', mobile: '+821099998888', unique_external_id: 'sdk-9' });
    expect((await api(e, 'GET', '/api/v2/contacts/123')).status).toBe(404);
    expect((await api(e, 'GET', '/api/v2/contacts?state=gone')).status).toBe(400);
  });

  it('KUS-2: contact custom fields must be defined; PUT updates and keeps identities unique', async () => {
    const e = await setup({ seed: { contactFields: [{ name: 'custom_user_id', type: 'custom_text' }] } });
    expect((await api(e, 'POST', '/api/v2/contacts', { name: 'X', email: 'x@example.com', custom_fields: { nope: 1 } })).json.errors[0]).toMatchObject({ field: 'nope', code: 'invalid_field' });
    const x = await contact(e, { name: 'X', email: 'x@example.com', custom_fields: { custom_user_id: 'u-1' } });
    const y = await contact(e, { name: 'Y', email: 'y@example.com' });
    expect((await api(e, 'PUT', `/api/v2/contacts/${y}`, { phone: '+1 415 555 0100' })).json.phone).toBe('+1 415 555 0100');
    expect((await api(e, 'PUT', `/api/v2/contacts/${y}`, { email: 'x@example.com' })).status).toBe(409);
    expect(e.store.contacts.get(x)?.customFields).toEqual({ custom_user_id: 'u-1' });
    expect((await api(e, 'GET', '/api/v2/contact_fields')).json[0]).toMatchObject({ name: 'custom_user_id', type: 'custom_text' });
  });
});

describe('Freshdesk emulator: ticket fields', () => {
  it('lists default and custom fields; the admin view shows status choices with their SLA flag', async () => {
    const e = await setup();
    const list = (await api(e, 'GET', '/api/v2/ticket_fields')).json as Array<{ name: string; type: string; default: boolean; choices?: unknown }>;
    expect(list.filter((x) => x.default).map((x) => x.name)).toEqual(['requester', 'subject', 'ticket_type', 'source', 'status', 'priority', 'group', 'agent', 'description']);
    expect(list.find((x) => x.name === 'cf_tier')).toMatchObject({ type: 'custom_dropdown', choices: ['Gold', 'Silver'] });
    const admin = (await api(e, 'GET', '/api/v2/admin/ticket_fields')).json as Array<{ id: number; name: string; choices?: unknown }>;
    const status = admin.find((x) => x.name === 'status');
    expect(status?.choices).toContainEqual({ id: 6, value: 'Waiting on Customer', customer_display_name: 'Waiting on Customer', stop_sla_timer: true, default: false, deleted: false, position: 5 });
    expect((await api(e, 'GET', `/api/v2/admin/ticket_fields/${status?.id}`)).json.name).toBe('status');
  });

  it('KUS-2: an admin creates a cf_ field (named from the label, with the account suffix) that tickets then accept; agents get 403', async () => {
    const e = await setup({ fieldNameSuffix: '297457' });
    const r = await api(e, 'POST', '/api/v2/admin/ticket_fields', { label: 'Wait time', label_for_customers: 'Wait time', type: 'custom_number' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ name: 'cf_wait_time_297457', type: 'custom_number', default: false });
    const t = await api(e, 'POST', '/api/v2/tickets', { subject: 's', description: 'd', email: 'a@b.example', custom_fields: { cf_wait_time_297457: 12 } });
    expect(t.json.custom_fields.cf_wait_time_297457).toBe(12);
    expect((await api(e, 'POST', '/api/v2/admin/ticket_fields', { label: 'WAIT TIME', type: 'custom_text' })).status).toBe(409);
    expect((await api(e, 'POST', '/api/v2/admin/ticket_fields', { label: 'Kind', type: 'custom_dropdown' })).json.errors[0]).toMatchObject({ field: 'choices', code: 'missing_field' });
    expect((await api(e, 'POST', '/api/v2/admin/ticket_fields', { label: 'Odd', type: 'custom_blob' })).json.errors[0]).toMatchObject({ field: 'type', code: 'invalid_value' });
    const agent = await api(e, 'POST', '/api/v2/admin/ticket_fields', { label: 'Other', type: 'custom_text' }, { authorization: basicAuth(PLAIN_KEY) });
    expect(agent.status).toBe(403);
    expect(agent.json.code).toBe('access_denied');
  });
});

describe('Freshdesk emulator: ticket search', () => {
  async function seeded(opts: FreshdeskOptions = {}) {
    const e = await setup(opts);
    const mk = async (custom: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      (await api(e, 'POST', '/api/v2/tickets', { subject: 's', description: 'd', email: 'a@b.example', custom_fields: custom, ...extra })).json.id as number;
    return { e, mk };
  }
  const search = (e: FreshdeskEmulator, q: string, page?: number) => api(e, 'GET', `/api/v2/search/tickets?query=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}`);

  it('REL-1: finds tickets by a cf_ text field (exact, case-insensitive) and combines status, tag and dates with AND/OR and parentheses', async () => {
    const { e, mk } = await seeded();
    const a = await mk({ cf_agentdesk_session: 'S-1001' }, { tags: ['VIP'], status: 3 });
    const b = await mk({ cf_agentdesk_session: 'vm:77', cf_call_duration: 30 });
    await mk({ cf_agentdesk_session: 'S-10010' });
    const hits = async (q: string) => (await search(e, q)).json.results.map((t: { id: number }) => t.id);
    expect(await hits(`"cf_agentdesk_session:'S-1001'"`)).toEqual([a]);
    expect(await hits(`"cf_agentdesk_session:'s-1001'"`)).toEqual([a]);
    expect(await hits(`"cf_agentdesk_session:'vm:77'"`)).toEqual([b]);
    expect(await hits(`"(status:2 OR status:3) AND tag:'vip'"`)).toEqual([a]);
    expect(await hits(`"cf_call_duration:>20 AND cf_call_duration:<40"`)).toEqual([b]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await hits(`"created_at:'${today}' AND status:2"`)).sort()).toEqual((await hits('"status:2"')).sort());
    expect(await hits(`"cf_call_duration:null AND status:3"`)).toEqual([a]);
    const r = await search(e, `"status:2"`);
    expect(r.json.total).toBe(2);
  });

  it('refuses a query without double quotes, over 512 characters, malformed, on an unknown or unsearchable field, or of the wrong type', async () => {
    const { e } = await seeded();
    const bad = [
      `status:2`,
      `"${'status:2 OR '.repeat(50)}status:2"`,
      `"status:2 AND"`,
      `"(status:2"`,
      `"status:'open'"`,
      `"cf_agentdesk_session:S-1"`,
      `"cf_unknown:'x'"`,
      `"cf_notes:'x'"`,
      `"requester_id:5"`,
      `"tag:>'a'"`,
      `"created_at:'March 1'"`,
    ];
    for (const q of bad) {
      const r = await search(e, q);
      expect(r.status, q).toBe(400);
      expect(r.json.errors[0].field, q).toBe('query');
    }
    expect((await api(e, 'GET', '/api/v2/search/tickets')).json.errors[0]).toMatchObject({ field: 'query', code: 'missing_field' });
    expect((await search(e, '"status:2"', 11)).status).toBe(400);
  });

  it('pages by 30 (page 1-10)', async () => {
    const { e, mk } = await seeded();
    for (let i = 0; i < 32; i++) await mk({ cf_tier: 'Gold' });
    const p1 = await search(e, `"cf_tier:'Gold'"`);
    const p2 = await search(e, `"cf_tier:'Gold'"`, 2);
    expect([p1.json.results.length, p2.json.results.length, p1.json.total]).toEqual([30, 2, 32]);
  });

  it('sees a change only after the indexing delay, as Freshdesk does', async () => {
    const clock = new ManualClock('2025-03-01T10:00:00.000Z');
    const { e, mk } = await seeded({ clock, searchIndexDelayMs: 120_000 });
    const id = await mk({ cf_agentdesk_session: 'S-late' });
    expect((await search(e, `"cf_agentdesk_session:'S-late'"`)).json.total).toBe(0);
    clock.advance(120_000);
    expect((await search(e, `"cf_agentdesk_session:'S-late'"`)).json.results[0].id).toBe(id);
    await api(e, 'PUT', `/api/v2/tickets/${id}`, { status: 4 });
    expect((await search(e, '"status:4"')).json.total).toBe(0);
    expect((await search(e, '"status:2"')).json.total).toBe(1);
  });
});
