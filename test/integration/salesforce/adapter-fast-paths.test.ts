// The batched fast paths the engine uses before a record exists: findCustomerWithRecords and
// createCustomerAndRecord are ONE composite request each, so a new caller's voice record exists
// after two sequential round trips; and a retry after a lost reply duplicates nothing (REL-1).
import { afterEach, describe, expect, it } from 'vitest';
import { makeId, type SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { adapterFor, AGENT_A, appSettings, INACTIVE, newCaller, sent, start, subrequests, voiceRecord } from './helpers.js';

const ctx = { retry: false };
const KNOWN = makeId('003', 31);
const DUP = makeId('003', 32);
let e: SalesforceEmulator | null = null;
afterEach(async () => {
  await e?.close();
  e = null;
});

const known = { ...newCaller, phoneE164: '+821012345678', phoneRaw: '010-1234-5678' };
const seedKnown = () =>
  start({
    customFields: { Contact: { App_User_Id__c: { type: 'string' } } },
    seed: {
      contacts: [{ id: KNOWN, createdDate: '2026-01-01T00:00:00Z', fields: { LastName: 'Known', Phone: '+821012345678' } }],
      cases: [
        { createdDate: '2026-11-01T09:00:00Z', closedDate: '2026-11-02T09:00:00Z', fields: { ContactId: KNOWN, Status: 'Closed', AgentDesk_Leaf_Queue__c: 'q-billing', AgentDesk_Channel__c: 'voice' } },
        { createdDate: '2026-11-10T09:00:00Z', fields: { ContactId: KNOWN, AgentDesk_Leaf_Queue__c: 'q-sales', AgentDesk_Channel__c: 'voice' } },
      ],
    },
  });

describe('Salesforce adapter: findCustomerWithRecords (one composite request)', () => {
  it('answers a known caller and its recent cases, newest first, in exactly 1 request', async () => {
    e = await seedKnown();
    const a = adapterFor(e);
    const found = await a.findCustomerWithRecords(known, 20, ctx);
    expect(found.customer).toEqual({ id: KNOWN });
    expect(found.records.map((r) => [r.status, r.leafQueueId])).toEqual([['open', 'q-sales'], ['closed', 'q-billing']]);
    expect(sent(e)).toEqual(['POST /composite']);
    expect(subrequests(e)).toEqual([expect.stringMatching(/^GET \/query\?q=SELECT .* FROM Contact WHERE /), expect.stringContaining("FROM Case WHERE ContactId = '@{contacts.records[0].Id}' ORDER BY CreatedDate DESC")]);
  });

  it('an unknown caller: null and no records, still exactly 1 request', async () => {
    e = await seedKnown();
    const found = await adapterFor(e).findCustomerWithRecords(newCaller, 20, ctx);
    expect(found).toEqual({ customer: null, records: [] });
    expect(e.requests()).toHaveLength(1);
  });

  it('with limit 0 (a policy that never appends) it is one plain contact query', async () => {
    e = await seedKnown();
    expect(await adapterFor(e).findCustomerWithRecords(known, 0, ctx)).toEqual({ customer: { id: KNOWN }, records: [] });
    expect(sent(e)).toEqual(['GET /query']);
  });

  it('REC-8/REC-9: summaries carry the tags already in the tag field, so an append does not send them again', async () => {
    e = await seedKnown();
    const a = adapterFor(e);
    const rec = await a.createRecord(voiceRecord(KNOWN, 'S-tags'), ctx);
    expect(rec.tags).toEqual(['Voice Inbound (IVR)', 'AgentDesk']);
    const found = await a.findCustomerWithRecords(known, 20, ctx);
    expect(found.records.find((r) => r.id === rec.id)?.tags).toEqual(['Voice Inbound (IVR)', 'AgentDesk']);
    expect(found.records.find((r) => r.id !== rec.id)?.tags).toBeUndefined();
  });

  it('a session with no identity at all makes no request', async () => {
    e = await seedKnown();
    expect(await adapterFor(e).findCustomerWithRecords({ phoneE164: null, phoneRaw: null, identifier: null, email: null, name: null }, 20, ctx)).toEqual({ customer: null, records: [] });
    expect(e.requests()).toHaveLength(0);
  });

  it('when an older duplicate matches by phone but a newer contact by identifier, the identifier wins (one more read for its cases)', async () => {
    e = await seedKnown();
    await e.close();
    e = await start({
      customFields: { Contact: { App_User_Id__c: { type: 'string' } } },
      seed: {
        contacts: [
          { id: KNOWN, createdDate: '2026-01-01T00:00:00Z', fields: { LastName: 'Phone match', Phone: '+821012345678' } },
          { id: DUP, createdDate: '2026-06-01T00:00:00Z', fields: { LastName: 'App user', App_User_Id__c: 'app-9' } },
        ],
        cases: [{ fields: { ContactId: DUP, Subject: 'mine' } }],
      },
    });
    const a = adapterFor(e, {}, {}, appSettings({ customFields: { customer: { customUserId: 'App_User_Id__c' } } }));
    const found = await a.findCustomerWithRecords({ ...known, identifier: 'app-9' }, 20, ctx);
    expect(found.customer).toEqual({ id: DUP });
    expect(found.records).toHaveLength(1);
    expect(sent(e)).toEqual(['POST /composite', 'GET /query']);
  });

  it('finds an SDK user AgentDesk created by its customer key (id:<identifier>) without any mapping', async () => {
    e = await start();
    const a = adapterFor(e);
    const made = await a.createCustomerAndRecord({ phoneE164: null, phoneRaw: null, identifier: 'app-1', email: null, name: 'App User', key: 'id:app-1', fields: {} }, voiceRecord('', 'C-1', { channel: 'chat' }), ctx);
    const found = await a.findCustomerWithRecords({ phoneE164: null, phoneRaw: null, identifier: 'app-1', email: null, name: null }, 20, ctx);
    expect(found.customer).toEqual({ id: made.customer.id });
    expect(found.records.map((r) => r.id)).toEqual([made.record.id]);
  });
});

describe('Salesforce adapter: createCustomerAndRecord (one composite request)', () => {
  it('makes the contact (owned by the agent, KUS-7), the case linked to it (KUS-10) and the call Task in exactly 1 request', async () => {
    e = await start();
    const a = adapterFor(e);
    const made = await a.createCustomerAndRecord({ ...newCaller, key: 'phone:+14155550100', fields: {} }, voiceRecord('', 'S-new'), ctx);
    expect(sent(e)).toEqual(['POST /composite']);
    expect(subrequests(e).map((s) => s.split('?')[0])).toEqual([
      'PATCH /sobjects/Contact/AgentDesk_Customer_Key__c/phone:+14155550100',
      'PATCH /sobjects/Case/AgentDesk_Session_Id__c/S-new',
      'POST /sobjects/Task',
      'GET /sobjects/Case/@{newCase.id}',
    ]);
    expect(made.customer).toEqual({ id: expect.stringMatching(/^003/), created: true });
    expect(made.record).toMatchObject({ status: 'open', leafQueueId: 'q-billing', channel: 'voice', externalId: 'S-new' });
    expect(e.store.get('Contact', made.customer.id)).toMatchObject({ LastName: 'Caller', Phone: '+14155550100', OwnerId: AGENT_A });
    expect(e.store.get('Case', made.record.id)).toMatchObject({ ContactId: made.customer.id, OwnerId: AGENT_A });
    expect(e.store.list('Task')).toEqual([expect.objectContaining({ WhoId: made.customer.id, WhatId: made.record.id, CallObject: 'S-new' })]);
  });

  it('a new caller\'s voice record exists after at most 2 sequential round trips (the record-pop budget)', async () => {
    e = await start();
    const a = adapterFor(e);
    const found = await a.findCustomerWithRecords(newCaller, 20, ctx);
    expect(found.customer).toBeNull();
    await a.createCustomerAndRecord({ ...newCaller, key: 'phone:+14155550100', fields: {} }, voiceRecord('', 'S-budget'), ctx);
    expect(e.requests()).toHaveLength(2);
    expect(e.store.list('Case')).toHaveLength(1);
  });

  it('a known caller\'s new record also takes 2 (lookup with cases, then create)', async () => {
    e = await seedKnown();
    const a = adapterFor(e);
    const found = await a.findCustomerWithRecords(known, 20, ctx);
    await a.createRecord(voiceRecord(found.customer?.id ?? '', 'S-known'), ctx);
    expect(e.requests()).toHaveLength(2);
  });

  it('REL-1: commit-then-drop on the composite, then the retry finds the committed case: one contact, one case, one Task', async () => {
    e = await start();
    const a = adapterFor(e);
    e.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'commit_then_drop' });
    const c = { ...newCaller, key: 'phone:+14155550100', fields: {} };
    await expect(a.createCustomerAndRecord(c, voiceRecord('', 'S-ctd'), ctx)).rejects.toMatchObject({ kind: 'transient' });
    expect(e.store.list('Case')).toHaveLength(1);
    const again = await a.createCustomerAndRecord(c, voiceRecord('', 'S-ctd'), { retry: true });
    expect(again.record).toMatchObject({ existed: true, externalId: 'S-ctd' });
    expect(again.customer).toEqual({ id: e.store.list('Contact')[0]?.Id, created: false });
    expect([e.store.list('Contact').length, e.store.list('Case').length, e.store.list('Task').length]).toEqual([1, 1, 1]);
  });

  it('REL-1: even sent again without ctx.retry, the upserts land on the same contact and case and the second Task is removed', async () => {
    e = await start();
    const a = adapterFor(e);
    const c = { ...newCaller, key: 'phone:+14155550100', fields: {} };
    const first = await a.createCustomerAndRecord(c, voiceRecord('', 'S-twice'), ctx);
    const second = await a.createCustomerAndRecord(c, voiceRecord('', 'S-twice'), ctx);
    expect(second.record).toMatchObject({ id: first.record.id, existed: true });
    expect(second.customer).toEqual({ id: first.customer.id, created: false });
    expect([e.store.list('Contact').length, e.store.list('Case').length, e.store.list('Task').length]).toEqual([1, 1, 1]);
  });

  it('allOrNone: when the case is refused, the contact is not left behind', async () => {
    e = await start();
    const a = adapterFor(e, { leafQueueField: 'Not_Installed__c' });
    await expect(a.createCustomerAndRecord({ ...newCaller, key: 'k', fields: {} }, voiceRecord('', 'S-bad'), ctx)).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining("No such column 'Not_Installed__c'") });
    expect(e.store.list('Contact')).toHaveLength(0);
    expect(e.store.list('Case')).toHaveLength(0);
  });

  it('KUS-10: an owner the org refuses (inactive user) is left out and logged; the records are still made', async () => {
    e = await start();
    const warnings: string[] = [];
    const a = adapterFor(e, {}, { log: { info() {}, error() {}, warn: (n: string) => warnings.push(n) } });
    const made = await a.createCustomerAndRecord({ ...newCaller, key: 'k', fields: {} }, voiceRecord('', 'S-inactive', { assigneeUserId: INACTIVE }), ctx);
    expect(e.store.get('Case', made.record.id)?.OwnerId).toBe(e.store.integrationUserId);
    expect(e.store.list('Task')).toHaveLength(1);
    expect(warnings).toContain('salesforce.field_dropped');
    expect(e.requests()).toHaveLength(2);
  });

  it('KUS-10: a crmUserId that is not a Salesforce User id is ignored without a request (the org\'s rules assign)', async () => {
    e = await start();
    const warnings: string[] = [];
    const a = adapterFor(e, {}, { log: { info() {}, error() {}, warn: (n: string) => warnings.push(n) } });
    const made = await a.createCustomerAndRecord({ ...newCaller, key: 'k', fields: {} }, voiceRecord('', 'S-kustomer-id', { assigneeUserId: '64b7f0c2a1d3e4f5a6b7c801' }), ctx);
    expect(e.requests()).toHaveLength(1);
    expect(e.requests()[0]?.headers['sforce-auto-assign']).toBeUndefined();
    expect(warnings).toContain('salesforce.owner_ignored');
    await a.assignCustomer(made.customer.id, '64b7f0c2a1d3e4f5a6b7c801', ctx);
    await a.assignCustomer(made.customer.id, INACTIVE, ctx);
    expect(e.store.get('Contact', made.customer.id)?.OwnerId).toBe(e.store.integrationUserId);
  });
});
