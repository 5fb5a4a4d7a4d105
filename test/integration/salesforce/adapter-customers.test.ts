// The Salesforce adapter's customers (KUS-7, KUS-8): Contacts found by SOQL on Phone/MobilePhone
// in the admin's phone format (E.164, national, as dialled) and its common variants, by the SDK
// identifier and by e-mail; created with the number in that format; owned by the agent.
import { afterEach, describe, expect, it } from 'vitest';
import { makeId, type SalesforceEmulator, type SalesforceSeed } from '../../../emulators/salesforce/index.js';
import type { CustomerQuery } from '../../../main/engine/crm-port.js';
import type { LogFields } from '../../../main/engine/ports.js';
import { adapterFor, AGENT_A, appSettings, newCaller, sent, start, voiceRecord } from './helpers.js';

const ctx = { retry: false };
let e: SalesforceEmulator | null = null;
afterEach(async () => {
  await e?.close();
  e = null;
});

const OLD = makeId('003', 11);
const TYPED = makeId('003', 12);
const MOBILE = makeId('003', 13);
const SDK = makeId('003', 14);
const MAIL = makeId('003', 15);
const contacts: NonNullable<SalesforceSeed['contacts']> = [
  { id: OLD, createdDate: '2026-01-01T00:00:00Z', fields: { LastName: 'Old', Phone: '+14155550100' } },
  { id: TYPED, createdDate: '2026-02-01T00:00:00Z', fields: { LastName: 'Typed', Phone: '(212) 555-0199' } },
  { id: MOBILE, createdDate: '2026-03-01T00:00:00Z', fields: { LastName: 'Mobile', MobilePhone: '010-1234-5678' } },
  { id: SDK, createdDate: '2026-04-01T00:00:00Z', fields: { LastName: 'Sdk', Phone: '+14155550100', App_User_Id__c: 'app-42' } },
  { id: MAIL, createdDate: '2026-05-01T00:00:00Z', fields: { LastName: 'Mail', Email: 'mail@example.com' } },
];
const startWithContacts = () => start({ customFields: { Contact: { App_User_Id__c: { type: 'string', externalId: true } } }, seed: { contacts } });
const q = (over: Partial<CustomerQuery> = {}): CustomerQuery => ({ ...newCaller, ...over });

describe('Salesforce adapter: finding contacts (KUS-8)', () => {
  it('matches Phone or MobilePhone in the admin format and the usual variants, in one SOQL query', async () => {
    e = await startWithContacts();
    const a = adapterFor(e);
    expect(await a.findCustomer(q({ phoneE164: '+12125550199', phoneRaw: '2125550199' }), ctx)).toEqual({ id: TYPED });
    expect(await a.findCustomer(q({ phoneE164: '+821012345678', phoneRaw: '+82 10 1234 5678' }), ctx)).toEqual({ id: MOBILE });
    expect(sent(e)).toEqual(['GET /query', 'GET /query']);
    const soqlText = new URLSearchParams(e.requests()[0]?.query).get('q') ?? '';
    expect(soqlText).toContain("Phone IN ('+12125550199', '+1 212 555 0199', '(212) 555-0199', '2125550199', '12125550199')");
    expect(soqlText).toContain('MobilePhone IN (');
  });

  it('the oldest of several contacts with the number wins, so a later duplicate never takes over', async () => {
    e = await startWithContacts();
    expect(await adapterFor(e).findCustomer(q(), ctx)).toEqual({ id: OLD });
  });

  it('identifier (the mapped customUserId field) beats phone, phone beats e-mail; nothing matches -> null', async () => {
    e = await startWithContacts();
    const a = adapterFor(e, {}, {}, appSettings({ customFields: { customer: { customUserId: 'App_User_Id__c' } } }));
    expect(await a.findCustomer(q({ identifier: 'app-42', email: 'mail@example.com' }), ctx)).toEqual({ id: SDK });
    expect(await a.findCustomer(q({ email: 'mail@example.com' }), ctx)).toEqual({ id: OLD });
    expect(await a.findCustomer({ phoneE164: null, phoneRaw: null, identifier: null, email: 'MAIL@example.com', name: null }, ctx)).toEqual({ id: MAIL });
    expect(await a.findCustomer(q({ phoneE164: '+15005550000', phoneRaw: null }), ctx)).toBeNull();
  });

  it('a number typed another way ("415.555.0100") is not found: SOQL matching is exact (documented limit)', async () => {
    e = await start({ seed: { contacts: [{ fields: { LastName: 'Dots', Phone: '415.555.0100' } }] } });
    expect(await adapterFor(e).findCustomer(q(), ctx)).toBeNull();
  });

  it('a session without phone, identifier or e-mail makes no request', async () => {
    e = await start();
    expect(await adapterFor(e).findCustomer({ phoneE164: null, phoneRaw: 'anonymous', identifier: null, email: 'not-an-email', name: null }, ctx)).toBeNull();
    expect(e.requests()).toHaveLength(0);
  });

  it('a mapped customUserId field the org does not have is dropped (logged) and the lookup still works', async () => {
    e = await startWithContacts();
    const warnings: LogFields[] = [];
    const a = adapterFor(e, {}, { log: { info() {}, error() {}, warn: (_n: string, f?: LogFields) => warnings.push(f ?? {}) } }, appSettings({ customFields: { customer: { customUserId: 'Missing_Field__c' } } }));
    expect(await a.findCustomer(q({ identifier: 'app-42' }), ctx)).toEqual({ id: OLD });
    expect(warnings[0]).toMatchObject({ field: 'Missing_Field__c' });
    await a.findCustomer(q(), ctx);
    expect(new URLSearchParams(e.requests().at(-1)?.query).get('q')).not.toContain('Missing_Field__c');
  });
});

describe('Salesforce adapter: creating and assigning contacts (KUS-7)', () => {
  const created = (em: SalesforceEmulator, id: string) => em.store.get('Contact', id);

  it.each([
    ['e164', '+14155550100'],
    ['national', '(415) 555-0100'],
    ['as_dialled', '(415) 555-0100'],
  ] as const)('phoneFormat %s: the new contact\'s Phone is %s, and the same caller is found again', async (format, stored) => {
    e = await start();
    const a = adapterFor(e, {}, {}, appSettings({ crm: { phoneFormat: format } }));
    const c = await a.createCustomer({ ...newCaller, phoneRaw: '(415) 555-0100', key: 'phone:+14155550100', fields: {} }, ctx);
    expect(c.created).toBe(true);
    expect(created(e, c.id)).toMatchObject({ FirstName: 'Carol', LastName: 'Caller', Phone: stored, AgentDesk_Customer_Key__c: 'phone:+14155550100' });
    expect(await a.findCustomer(q({ phoneRaw: '+1 415-555-0100' }), ctx)).toEqual({ id: c.id });
  });

  it('national format writes the number as the country writes it (KR: 010-1234-5678)', async () => {
    e = await start();
    const a = adapterFor(e, { phoneFormat: 'national' });
    const c = await a.createCustomer({ phoneE164: '+821012345678', phoneRaw: '+82 10 1234 5678', identifier: null, email: null, name: null, key: 'phone:+821012345678', fields: {} }, ctx);
    expect(created(e, c.id)).toMatchObject({ Phone: '010-1234-5678', LastName: '010-1234-5678' });
  });

  it('REL-1: creation is an upsert on the customer key, so a retry (or a colleague) gets the same contact, created=false', async () => {
    e = await start();
    const a = adapterFor(e);
    const first = await a.createCustomer({ ...newCaller, key: 'phone:+14155550100', fields: {} }, ctx);
    const again = await a.createCustomer({ ...newCaller, key: 'phone:+14155550100', fields: {} }, { retry: true });
    expect(again).toEqual({ id: first.id, created: false });
    expect(e.store.list('Contact')).toHaveLength(1);
  });

  it('REL-1 without a customer-key field: a plain create, and a retry looks the contact up first', async () => {
    e = await start();
    const a = adapterFor(e, { contactKeyField: null });
    e.fault({ method: 'POST', path: '/services/data/v62.0/sobjects/Contact', kind: 'commit_then_drop' });
    await expect(a.createCustomer({ ...newCaller, key: 'k', fields: {} }, ctx)).rejects.toMatchObject({ kind: 'transient' });
    const again = await a.createCustomer({ ...newCaller, key: 'k', fields: {} }, { retry: true });
    expect(again.created).toBe(false);
    expect(e.store.list('Contact').map((c) => c.Id)).toEqual([again.id]);
  });

  it('a customer key with "/" (which an External ID in a URL cannot carry) is created with a plain POST', async () => {
    e = await start();
    const a = adapterFor(e);
    const c = await a.createCustomer({ ...newCaller, identifier: 'tenant/42', key: 'id:tenant/42', fields: {} }, ctx);
    expect(sent(e)).toEqual(['POST /sobjects/Contact']);
    expect(e.store.get('Contact', c.id)?.AgentDesk_Customer_Key__c).toBeUndefined();
  });

  it('writes the mapped customUserId (KUS-2) and e-mail; a field the org refuses is dropped and the contact still made', async () => {
    e = await start({ customFields: { Contact: { App_User_Id__c: { type: 'string' } } } });
    const a = adapterFor(e);
    const c = await a.createCustomer({ ...newCaller, identifier: 'app-7', email: 'carol@example.com', key: 'id:app-7', fields: { App_User_Id__c: 'app-7', Nope__c: 'x', 'bad name': 1 } }, ctx);
    expect(created(e, c.id)).toMatchObject({ App_User_Id__c: 'app-7', Email: 'carol@example.com', AgentDesk_Customer_Key__c: 'id:app-7' });
  });

  it('KUS-7: assignCustomer sets the contact\'s OwnerId; after createCustomerAndRecord with that owner it sends nothing', async () => {
    e = await start();
    const a = adapterFor(e);
    const c = await a.createCustomer({ ...newCaller, key: 'k1', fields: {} }, ctx);
    await a.assignCustomer(c.id, AGENT_A, ctx);
    expect(created(e, c.id)?.OwnerId).toBe(AGENT_A);
    const made = await a.createCustomerAndRecord({ ...newCaller, phoneE164: '+14155550111', key: 'k2', fields: {} }, voiceRecord('', 'S-own'), ctx);
    expect(created(e, made.customer.id)?.OwnerId).toBe(AGENT_A);
    e.clearRequests();
    await a.assignCustomer(made.customer.id, AGENT_A, ctx);
    expect(e.requests()).toHaveLength(0);
  });
});
