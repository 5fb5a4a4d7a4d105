// Salesforce emulator: sObject create / retrieve / update / delete with Salesforce's validation
// errors, Case platform fields (CaseNumber, Status default, IsClosed, ClosedDate), upsert by
// External ID (201 / 200 / 204 before v46 / 300), assignment rules and the Sforce-Auto-Assign header.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeId, type SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { AGENT_A, AGENT_B, api, INACTIVE, start } from './helpers.js';

let e: SalesforceEmulator;
beforeEach(async () => {
  e = await start({ customFields: { Case: { Legacy_Ref__c: { type: 'string', externalId: true }, Minutes__c: { type: 'double' } } } });
});
afterEach(() => e.close());

const create = async (object: string, body: unknown) => api(e, 'POST', `/sobjects/${object}`, body);

describe('Salesforce emulator: create, retrieve, update, delete', () => {
  it('creates a record: 201 {id, success, errors: []} with a Location, then GET answers it with attributes', async () => {
    const r = await create('Contact', { FirstName: 'Carol', LastName: 'Caller', Phone: '+14155550100', Email: 'carol@example.com' });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: expect.stringMatching(/^003/), success: true, errors: [] });
    expect(r.headers.get('location')).toBe(`/services/data/v62.0/sobjects/Contact/${r.json.id}`);
    const got = await api(e, 'GET', `/sobjects/Contact/${r.json.id}`);
    expect(got.json).toMatchObject({ attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${r.json.id}` }, Name: 'Carol Caller', Phone: '+14155550100', OwnerId: e.store.integrationUserId, IsDeleted: false });
    expect(got.json.CreatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    const some = await api(e, 'GET', `/sobjects/Contact/${r.json.id}?fields=Id,Phone`);
    expect(Object.keys(some.json)).toEqual(['attributes', 'Id', 'Phone']);
  });

  it('refuses bad writes with Salesforce error codes and writes nothing', async () => {
    const contact = (await create('Contact', { LastName: 'Ok' })).json.id as string;
    const cases: Array<[string, unknown, string, string[] | undefined]> = [
      ['Contact', { FirstName: 'No last name' }, 'REQUIRED_FIELD_MISSING', ['LastName']],
      ['Contact', { LastName: 'x', Shoe_Size__c: 9 }, 'INVALID_FIELD', []],
      ['Contact', { LastName: 'x', Email: 'not-an-email' }, 'INVALID_EMAIL_ADDRESS', ['Email']],
      ['Case', { Subject: 's'.repeat(256) }, 'STRING_TOO_LONG', ['Subject']],
      ['Case', { CaseNumber: '123' }, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['CaseNumber']],
      ['Case', { Id: makeId('500', 1) }, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['Id']],
      ['Case', { ContactId: 'banana' }, 'MALFORMED_ID', ['ContactId']],
      ['Case', { ContactId: makeId('500', 7) }, 'MALFORMED_ID', ['ContactId']],
      ['Case', { ContactId: makeId('003', 424242) }, 'INVALID_CROSS_REFERENCE_KEY', ['ContactId']],
      ['Case', { OwnerId: INACTIVE }, 'INVALID_CROSS_REFERENCE_KEY', ['OwnerId']],
      ['Case', { Status: 'Pending Moon' }, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Status']],
      ['Case', { Minutes__c: 'lots' }, 'JSON_PARSER_ERROR', ['Minutes__c']],
      ['Task', { Subject: 'x', CallType: 'Sideways' }, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['CallType']],
    ];
    for (const [object, body, code, fields] of cases) {
      const r = await create(object, body);
      expect(r.status, `${object} ${JSON.stringify(body)}`).toBe(400);
      expect(r.json[0]).toMatchObject({ errorCode: code, ...(fields ? { fields } : {}) });
      expect(typeof r.json[0].message).toBe('string');
    }
    expect(e.store.list('Case')).toHaveLength(0);
    expect(e.store.list('Contact').map((c) => c.Id)).toEqual([contact]);
  });

  it('PATCH updates (204, no body), DELETE removes (204), and both are 404 afterwards', async () => {
    const id = (await create('Contact', { LastName: 'Before' })).json.id as string;
    const patch = await api(e, 'PATCH', `/sobjects/Contact/${id}`, { LastName: 'After', OwnerId: AGENT_B });
    expect(patch.status).toBe(204);
    expect(patch.json).toBeNull();
    expect(e.store.get('Contact', id)).toMatchObject({ LastName: 'After', Name: 'After', OwnerId: AGENT_B });
    expect((await api(e, 'PATCH', `/sobjects/Contact/${id}`, { LastName: null })).json[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] });
    expect((await api(e, 'DELETE', `/sobjects/Contact/${id}`)).status).toBe(204);
    expect((await api(e, 'GET', `/sobjects/Contact/${id}`)).status).toBe(404);
    expect((await api(e, 'PATCH', `/sobjects/Contact/${id}`, { LastName: 'x' })).status).toBe(404);
  });

  it('Case: CaseNumber autonumber, Status from the default CaseStatus, IsClosed and ClosedDate follow the status', async () => {
    const id = (await create('Case', { Subject: 'Broken', Origin: 'Phone' })).json.id as string;
    const c = () => e.store.get('Case', id);
    expect(c()).toMatchObject({ CaseNumber: '00001000', Status: 'New', IsClosed: false, ClosedDate: null, Priority: 'Medium', OwnerId: e.store.integrationUserId });
    expect((await create('Case', {})).json.id).not.toBe(id);
    expect(e.store.list('Case').map((x) => x.CaseNumber).sort()).toEqual(['00001000', '00001001']);
    await api(e, 'PATCH', `/sobjects/Case/${id}`, { Status: 'Closed' });
    const closedAt = c()?.ClosedDate;
    expect(c()).toMatchObject({ IsClosed: true });
    expect(typeof closedAt).toBe('string');
    await api(e, 'PATCH', `/sobjects/Case/${id}`, { Status: 'Working' });
    expect(c()).toMatchObject({ IsClosed: false, ClosedDate: null });
    expect((await api(e, 'PATCH', `/sobjects/Case/${id}`, { IsClosed: true })).json[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('Case.Comments on create or update adds a private CaseComment and is never read back', async () => {
    const id = (await create('Case', { Subject: 'c', Comments: 'first words' })).json.id as string;
    await api(e, 'PATCH', `/sobjects/Case/${id}`, { Comments: 'more words' });
    expect(e.store.where('CaseComment', 'ParentId', id).map((x) => [x.CommentBody, x.IsPublished])).toEqual([['first words', false], ['more words', false]]);
    expect((await api(e, 'GET', `/sobjects/Case/${id}`)).json).not.toHaveProperty('Comments');
  });

  it('Task: IsClosed follows Status, TaskSubtype is create-only', async () => {
    const id = (await create('Task', { Subject: 'Call', TaskSubtype: 'Call', CallType: 'Inbound', CallDurationInSeconds: 61, ActivityDate: '2026-11-21' })).json.id as string;
    expect(e.store.get('Task', id)).toMatchObject({ Status: 'Not Started', IsClosed: false, Priority: 'Normal' });
    await api(e, 'PATCH', `/sobjects/Task/${id}`, { Status: 'Completed' });
    expect(e.store.get('Task', id)?.IsClosed).toBe(true);
    expect((await api(e, 'PATCH', `/sobjects/Task/${id}`, { TaskSubtype: 'Email' })).json[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['TaskSubtype'] });
    expect((await create('Task', { ActivityDate: '21/11/2026' })).json[0].errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('describe lists fields with types, External ID flags and picklist values', async () => {
    const d = (await api(e, 'GET', '/sobjects/Case/describe')).json;
    const f = (name: string) => d.fields.find((x: { name: string }) => x.name === name);
    expect(f('AgentDesk_Session_Id__c')).toMatchObject({ type: 'string', externalIdField: true, unique: true, custom: true });
    expect(f('Status')).toMatchObject({ type: 'picklist', restrictedPicklist: true });
    expect(f('Status').picklistValues.map((v: { value: string }) => v.value)).toEqual(['New', 'Working', 'Escalated', 'Closed']);
    expect(f('CaseNumber')).toMatchObject({ createable: false, updateable: false });
    expect((await api(e, 'GET', '/sobjects')).json.sobjects.map((s: { name: string }) => s.name)).toContain('ContentVersion');
  });
});

describe('Salesforce emulator: upsert by External ID', () => {
  const upsert = (value: string, body: unknown, version = 'v62.0', q = '') => api(e, 'PATCH', `/services/data/${version}/sobjects/Case/AgentDesk_Session_Id__c/${encodeURIComponent(value)}${q}`, body);

  it('creates (201, created: true), then updates the same record (200, created: false): a retry never makes a second', async () => {
    const first = await upsert('S-1', { Subject: 'one' });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ id: expect.stringMatching(/^500/), success: true, errors: [], created: true });
    const again = await upsert('s-1', { Subject: 'two' });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ id: first.json.id, success: true, errors: [], created: false });
    expect(e.store.list('Case')).toHaveLength(1);
    expect(e.store.get('Case', first.json.id)).toMatchObject({ Subject: 'two', AgentDesk_Session_Id__c: 'S-1' });
    expect((await api(e, 'GET', '/sobjects/Case/AgentDesk_Session_Id__c/S-1')).json.Id).toBe(first.json.id);
  });

  it('before v46.0 an update answers 204 without a body, and a create has no `created`', async () => {
    expect((await upsert('S-2', {}, 'v45.0')).json).toEqual({ id: expect.any(String), success: true, errors: [] });
    const r = await upsert('S-2', { Subject: 'x' }, 'v45.0');
    expect(r.status).toBe(204);
    expect(r.json).toBeNull();
  });

  it('answers 300 with the matching records when a non-unique External ID matches several', async () => {
    const a = (await create('Case', { Legacy_Ref__c: 'L-1' })).json.id;
    const b = (await create('Case', { Legacy_Ref__c: 'L-1' })).json.id;
    const r = await api(e, 'PATCH', '/sobjects/Case/Legacy_Ref__c/L-1', { Subject: 'which?' });
    expect(r.status).toBe(300);
    expect(r.json.sort()).toEqual([`/services/data/v62.0/sobjects/Case/${a}`, `/services/data/v62.0/sobjects/Case/${b}`].sort());
    expect(e.store.list('Case').every((c) => c.Subject === undefined)).toBe(true);
  });

  it('refuses unknown (404) and non-External-ID (400) fields, updateOnly misses (404), and a unique value twice (DUPLICATE_VALUE)', async () => {
    expect((await api(e, 'PATCH', '/sobjects/Case/Nope__c/1', {})).json[0]).toMatchObject({ errorCode: 'NOT_FOUND', message: expect.stringContaining('Nope__c') });
    expect((await api(e, 'PATCH', '/sobjects/Case/Subject/1', {})).json[0]).toMatchObject({ errorCode: 'INVALID_FIELD' });
    expect((await upsert('S-9', {}, 'v62.0', '?updateOnly=true')).status).toBe(404);
    expect((await upsert('S-3', { AgentDesk_Session_Id__c: 'S-4' })).json[0].errorCode).toBe('INVALID_FIELD');
    await create('Case', { AgentDesk_Session_Id__c: 'S-5' });
    const dup = await create('Case', { AgentDesk_Session_Id__c: 's-5' });
    expect(dup.json[0]).toMatchObject({ errorCode: 'DUPLICATE_VALUE', message: expect.stringContaining('AgentDesk_Session_Id__c') });
    expect(e.store.list('Case')).toHaveLength(1);
  });
});

describe('Salesforce emulator: assignment rules (Sforce-Auto-Assign)', () => {
  it('an active rule takes new and updated cases unless the request says Sforce-Auto-Assign: FALSE', async () => {
    await e.close();
    e = await start({ caseAssignmentOwnerId: AGENT_B });
    const ruled = (await create('Case', { OwnerId: AGENT_A })).json.id;
    expect(e.store.get('Case', ruled)?.OwnerId).toBe(AGENT_B);
    const kept = (await api(e, 'POST', '/sobjects/Case', { OwnerId: AGENT_A }, { 'sforce-auto-assign': 'false' })).json.id;
    expect(e.store.get('Case', kept)?.OwnerId).toBe(AGENT_A);
    await api(e, 'PATCH', `/sobjects/Case/${kept}`, { Subject: 'touched' });
    expect(e.store.get('Case', kept)?.OwnerId).toBe(AGENT_B);
    await api(e, 'PATCH', `/sobjects/Case/${kept}`, { OwnerId: AGENT_A }, { 'sforce-auto-assign': 'FALSE' });
    expect(e.store.get('Case', kept)?.OwnerId).toBe(AGENT_A);
  });
});
