// The Freshdesk adapter's admin side and wiring: creating the stamp fields AgentDesk needs
// (KUS-2 for Freshdesk), checking the admin's cf_ mapping, the factory reading the admin's
// settings live, and the round trips before a record exists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FreshdeskEmulator } from '../../../emulators/freshdesk/index.js';
import { createFreshdeskAdapter, FreshdeskNotConfigured } from '../../../main/adapters/crm/freshdesk/index.js';
import { settingsSchema, type Settings } from '../../../common/protocol/index.js';
import { PLAIN_KEY, adapterFor, contact, newCaller, sent, start, voiceRecord } from './helpers.js';

const ctx = { retry: false };
let f: FreshdeskEmulator;
afterEach(async () => {
  await f.close();
});

describe('Freshdesk adapter: admin helpers', () => {
  beforeEach(async () => {
    f = await start({ fieldNameSuffix: '297457', seed: { ticketFields: [{ name: 'cf_agentdesk_session', type: 'custom_text' }, { name: 'cf_queue_name', type: 'custom_text' }] } });
  });

  it('KUS-2: creates the missing stamp fields and returns the names Freshdesk gave them (with the account suffix)', async () => {
    const names = await adapterFor(f).ensureStampFields();
    expect(names).toEqual({ sessionKey: 'cf_agentdesk_session', leafQueue: 'cf_agentdesk_leaf_queue_297457', channel: 'cf_agentdesk_channel_297457' });
    expect(sent(f)).toEqual(['GET /api/v2/ticket_fields', 'POST /api/v2/admin/ticket_fields', 'POST /api/v2/admin/ticket_fields']);
    const a = adapterFor(f, { stampFields: names });
    const c = await contact(f, { name: 'C', phone: '+14155550100' });
    const rec = await a.createRecord(voiceRecord(c, 'S-1'), ctx);
    expect(rec).toMatchObject({ leafQueueId: 'q-billing', channel: 'voice', externalId: 'S-1' });
  });

  it('creating fields needs an admin key: an agent key gets auth (403)', async () => {
    await expect(adapterFor(f, { apiKey: PLAIN_KEY }).ensureStampFields()).rejects.toMatchObject({ kind: 'auth', status: 403 });
  });

  it('ADMIN-1: reports mapping names that are not cf_ names or not defined in Freshdesk', async () => {
    expect(await adapterFor(f).checkFieldNames(['cf_queue_name', 'queueNameStr', 'cf_wait'])).toEqual([
      'queueNameStr: not a Freshdesk custom field name (cf_...)',
      'cf_wait: no such custom ticket field in Freshdesk',
    ]);
  });
});

describe('createFreshdeskAdapter (for create-crm.ts)', () => {
  beforeEach(async () => {
    f = await start();
  });

  it('needs an API key', () => {
    expect(() => createFreshdeskAdapter({ baseUrl: f.url }, () => settingsSchema.parse({}))).toThrow(FreshdeskNotConfigured);
  });

  it('reads crm.phoneFormat, crm.appUrl and REC-2\'s window live from the settings', async () => {
    let s: Settings = settingsSchema.parse({ crm: { kind: 'freshdesk', phoneFormat: 'e164', appUrl: '' }, recordCreation: { appendToClosedWithinDays: null } });
    const a = createFreshdeskAdapter({ baseUrl: `${f.url}/api/v2/`, apiKey: f.apiKey }, () => s);
    expect(a.kind).toBe('freshdesk');
    expect(a.recordUrl('7')).toBe(`${f.url}/a/tickets/7`);
    const national = await contact(f, { name: 'N', phone: '(415) 555-0100' });
    expect(await a.findCustomer(newCaller, ctx)).toBeNull();
    s = settingsSchema.parse({ crm: { kind: 'freshdesk', phoneFormat: 'national', appUrl: 'https://acme.freshdesk.com/' }, recordCreation: { appendToClosedWithinDays: 3 } });
    expect(await a.findCustomer(newCaller, ctx)).toEqual({ id: String(national) });
    expect(a.recordUrl('7')).toBe('https://acme.freshdesk.com/a/tickets/7');
    f.clearRequests();
    await a.listRecentRecords(String(national), 5, ctx);
    expect(f.requests()[0]?.query).toContain('include=stats');
  });
});

describe('Freshdesk adapter: round trips (benchmark budget)', () => {
  beforeEach(async () => {
    f = await start();
  });

  it('a new caller\'s ticket exists after 3 sequential requests (phone, mobile, ticket with its contact) once field definitions are cached', async () => {
    const a = adapterFor(f);
    await a.checkFieldNames([]); // warms the definitions cache, as the first record of the day does
    f.clearRequests();
    const found = await a.findCustomerWithRecords(newCaller, 20, ctx);
    expect(found.customer).toBeNull();
    await a.createCustomerAndRecord({ ...newCaller, key: 'k', fields: {} }, voiceRecord('', 'S-rt'), ctx);
    expect(sent(f).map((s) => s.split('?')[0])).toEqual(['GET /api/v2/contacts', 'GET /api/v2/contacts', 'POST /api/v2/tickets']);
  });

  it('a known caller\'s ticket takes 3 (contact, recent tickets, create)', async () => {
    const a = adapterFor(f);
    await a.checkFieldNames([]);
    await contact(f, { name: 'Known', phone: '+14155550100' });
    f.clearRequests();
    const found = await a.findCustomerWithRecords(newCaller, 20, ctx);
    await a.createRecord(voiceRecord(found.customer?.id ?? '', 'S-known'), ctx);
    expect(sent(f).map((s) => s.split('?')[0])).toEqual(['GET /api/v2/contacts', 'GET /api/v2/tickets', 'POST /api/v2/tickets']);
  });
});
