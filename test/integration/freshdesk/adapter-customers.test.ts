// The Freshdesk adapter against the emulator: customers are contacts, found by SDK identifier
// (unique_external_id), phone then mobile in the admin's phone format (Freshdesk matches the
// text as stored), and e-mail; created with those identities (KUS-7, KUS-8).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FreshdeskEmulator } from '../../../emulators/freshdesk/index.js';
import type { FreshdeskAdapter, PhoneFormat } from '../../../main/adapters/crm/freshdesk/index.js';
import type { LogFields } from '../../../main/engine/ports.js';
import { AGENT_A, adapterFor, contact, newCaller, sent, start } from './helpers.js';

const ctx = { retry: false };
let f: FreshdeskEmulator;
let a: FreshdeskAdapter;
beforeEach(async () => {
  f = await start({ seed: { contactFields: [{ name: 'custom_user_id', type: 'custom_text' }] } });
  a = adapterFor(f);
});
afterEach(async () => {
  await f.close();
});

const korean = { phoneE164: '+821012345678', phoneRaw: '010 1234 5678', identifier: null, email: null, name: null };

describe('Freshdesk adapter: customer lookup (KUS-7, KUS-8)', () => {
  it('looks up by the primary identity only (a number as phone, then mobile); on a retry by every identity', async () => {
    expect(await a.findCustomer({ ...newCaller, identifier: 'nobody', email: 'none@x.example' }, ctx)).toBeNull();
    expect(sent(f)).toEqual(['GET /api/v2/contacts?unique_external_id=nobody&per_page=100']);
    f.clearRequests();
    expect(await a.findCustomer({ ...newCaller, email: 'none@x.example' }, ctx)).toBeNull();
    expect(sent(f)).toEqual(['GET /api/v2/contacts?phone=+14155550100&per_page=100', 'GET /api/v2/contacts?mobile=+14155550100&per_page=100']);
    f.clearRequests();
    expect(await a.findCustomer({ ...newCaller, identifier: 'nobody', email: 'none@x.example' }, { retry: true })).toBeNull();
    expect(sent(f)).toEqual([
      'GET /api/v2/contacts?unique_external_id=nobody&per_page=100',
      'GET /api/v2/contacts?phone=+14155550100&per_page=100',
      'GET /api/v2/contacts?mobile=+14155550100&per_page=100',
      'GET /api/v2/contacts?email=none@x.example&per_page=100',
    ]);
    const byId = await contact(f, { name: 'App user', unique_external_id: 'sdk-1', phone: '+14155550100' });
    const byMobile = await contact(f, { name: 'Mobile', mobile: '+821012345678' });
    const byEmail = await contact(f, { name: 'Mail', email: 'mail@example.com' });
    f.clearRequests();
    expect(await a.findCustomer({ ...newCaller, identifier: 'sdk-1' }, ctx)).toEqual({ id: String(byId) });
    expect(f.requests()).toHaveLength(1);
    expect(await a.findCustomer(korean, ctx)).toEqual({ id: String(byMobile) });
    expect(await a.findCustomer({ ...korean, phoneE164: null, phoneRaw: null, email: 'MAIL@example.com' }, ctx)).toEqual({ id: String(byEmail) });
  });

  it.each<[PhoneFormat, string]>([
    ['e164', '+821012345678'],
    ['national', '010-1234-5678'],
    ['as_dialled', '010 1234 5678'],
  ])('KUS-8: with phoneFormat %s it finds the contact whose phone is written "%s" and no other', async (format, stored) => {
    const others = ['+821012345678', '010-1234-5678', '010 1234 5678'].filter((p) => p !== stored);
    for (const p of others) await contact(f, { name: `Other ${p}`, phone: p });
    const mine = await contact(f, { name: 'Mine', phone: stored });
    const adapter = adapterFor(f, { phoneFormat: format, lookupMobile: false });
    expect(await adapter.findCustomer(korean, ctx)).toEqual({ id: String(mine) });
  });

  it('reads the phone format live from the admin settings (deps.phoneFormat wins over the static setting)', async () => {
    const national = await contact(f, { name: 'National', phone: '010-1234-5678' });
    let format: PhoneFormat = 'e164';
    const live = adapterFor(f, { phoneFormat: 'e164' }, { phoneFormat: () => format });
    expect(await live.findCustomer(korean, ctx)).toBeNull();
    format = 'national';
    expect(await live.findCustomer(korean, ctx)).toEqual({ id: String(national) });
  });

  it('keeps only contacts that really hold the value, so a filter Freshdesk ignored (unfiltered list) never picks a stranger', async () => {
    const stranger = { id: 7, name: 'Stranger', phone: '+19995550000', mobile: null, email: 'x@example.com', unique_external_id: 'other', other_emails: [] };
    f.fault({ method: 'GET', path: '/api/v2/contacts', kind: 'status', status: 200, body: [stranger], times: null });
    expect(await a.findCustomer({ ...newCaller, identifier: 'sdk-1', email: 'carol@example.com' }, ctx)).toBeNull();
    f.faults.clear();
    f.fault({ method: 'GET', path: '/api/v2/contacts', kind: 'status', status: 200, body: [stranger, { ...stranger, id: 8, phone: '+1 415 555 0100' }] });
    expect(await a.findCustomer(newCaller, ctx)).toEqual({ id: '8' });
  });

  it('a number that is not valid is used as received in every format; the oldest contact wins when several share a number', async () => {
    const first = await contact(f, { name: 'First', phone: '1588-1234' });
    await contact(f, { name: 'Second', phone: '1588-1234' });
    for (const format of ['e164', 'national', 'as_dialled'] as const) {
      expect(await adapterFor(f, { phoneFormat: format }).findCustomer({ phoneE164: null, phoneRaw: '1588-1234', identifier: null, email: null, name: null }, ctx)).toEqual({ id: String(first) });
    }
  });
});

describe('Freshdesk adapter: customer creation', () => {
  it('KUS-7: creates a contact with name, phone in the admin format, e-mail, unique_external_id and contact custom fields (KUS-2)', async () => {
    const c = await adapterFor(f, { phoneFormat: 'national' }).createCustomer({ ...newCaller, identifier: 'sdk-7', email: 'carol@example.com', key: 'id:sdk-7', fields: { custom_user_id: 'sdk-7' } }, ctx);
    expect(c.created).toBe(true);
    expect(f.store.contacts.get(Number(c.id))).toMatchObject({ name: 'Carol Caller', phone: '(415) 555-0100', email: 'carol@example.com', uniqueExternalId: 'sdk-7', customFields: { custom_user_id: 'sdk-7' } });
    expect(sent(f)).toEqual(['POST /api/v2/contacts']);
  });

  it('names a phone-only caller by the number and gives an identity-less visitor an AgentDesk external id', async () => {
    const phoneOnly = await a.createCustomer({ ...newCaller, name: null, key: 'phone:+14155550100', fields: {} }, ctx);
    expect(f.store.contacts.get(Number(phoneOnly.id))).toMatchObject({ name: '+14155550100', phone: '+14155550100' });
    const anon = await a.createCustomer({ phoneE164: null, phoneRaw: null, identifier: null, email: null, name: 'Visitor S-9', key: 'anon:S-9', fields: {} }, ctx);
    expect(f.store.contacts.get(Number(anon.id))).toMatchObject({ name: 'Visitor S-9', uniqueExternalId: 'agentdesk:anon:S-9' });
    const again = await a.createCustomer({ phoneE164: null, phoneRaw: null, identifier: null, email: null, name: 'Visitor S-9', key: 'anon:S-9', fields: {} }, { retry: true });
    expect(again).toEqual({ id: anon.id, created: false });
  });

  it('resolves a 409 on a taken e-mail or external id to the contact that holds it (from additional_info, no extra lookup)', async () => {
    const holder = await contact(f, { name: 'Holder', email: 'taken@example.com' });
    f.clearRequests();
    const c = await a.createCustomer({ ...newCaller, email: 'taken@example.com', key: 'k', fields: {} }, ctx);
    expect(c).toEqual({ id: String(holder), created: false });
    expect(sent(f)).toEqual(['POST /api/v2/contacts']);
  });

  it('REL-1: with ctx.retry it looks before it writes and returns the contact an earlier attempt created', async () => {
    const first = await a.createCustomer({ ...newCaller, key: 'k', fields: {} }, ctx);
    f.clearRequests();
    expect(await a.createCustomer({ ...newCaller, key: 'k', fields: {} }, { retry: true })).toEqual({ id: first.id, created: false });
    expect(sent(f)).toEqual(['GET /api/v2/contacts?phone=+14155550100&per_page=100']);
    expect(f.store.contacts.size).toBe(1);
  });

  it('leaves out (and logs) a contact custom field Freshdesk refuses instead of failing the customer', async () => {
    const warnings: LogFields[] = [];
    const logged = adapterFor(f, {}, { log: { info() {}, error() {}, warn: (_e: string, fl?: LogFields) => warnings.push(fl ?? {}) } });
    const c = await logged.createCustomer({ ...newCaller, key: 'k', fields: { no_such_field: 'x' } }, ctx);
    expect(f.store.contacts.get(Number(c.id))?.customFields).toEqual({});
    expect(warnings).toEqual([expect.objectContaining({ field: 'no_such_field' })]);
  });

  it('assignCustomer is a documented no-op: Freshdesk contacts have no owner', async () => {
    await a.assignCustomer('50000000001', String(AGENT_A), ctx);
    expect(f.requests()).toEqual([]);
  });
});
