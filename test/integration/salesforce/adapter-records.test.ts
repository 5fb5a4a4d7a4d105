// The Salesforce adapter's records: cases with Origin, owner (KUS-10), AgentDesk's stamps, tags
// in the admin's field (REC-8, REC-9) and mapped fields; call Tasks; open/closed from a custom
// CaseStatus picklist and reopen within N days (REC-1, REC-2); updates; private comments (KUS-8)
// and files (KUS-9) that a retry never writes twice (REL-1).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../emulators/http-kit/index.js';
import { makeId, type SalesforceEmulator, type SalesforceOptions } from '../../../emulators/salesforce/index.js';
import { chooseAppendTarget } from '../../../main/engine/orchestration/append-target.js';
import type { LogFields } from '../../../main/engine/ports.js';
import { adapterFor, AGENT_A, AGENT_B, APP_URL, appSettings, sent, start, subrequests, voiceRecord } from './helpers.js';

const ctx = { retry: false };
const CONTACT = makeId('003', 77);
let e: SalesforceEmulator | null = null;
afterEach(async () => {
  await e?.close();
  e = null;
});

const boot = (opts: SalesforceOptions = {}) =>
  start({ ...opts, customFields: { Case: { Queue_Name__c: { type: 'string' }, Call_Duration__c: { type: 'double' }, ...(opts.customFields?.Case ?? {}) } }, seed: { contacts: [{ id: CONTACT, fields: { LastName: 'Known', Phone: '+821012345678' } }], ...opts.seed } });
const caseOf = (id: string) => e?.store.get('Case', id);

describe('Salesforce adapter: creating cases', () => {
  it('KUS-10, REC-8, REC-9: one composite request makes the case (Origin, owner, stamps, tags field, fields) and its call Task', async () => {
    e = await boot();
    const a = adapterFor(e);
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-100', { fields: { Queue_Name__c: 'Billing' } }), ctx);
    expect(sent(e)).toEqual(['POST /composite']);
    expect(subrequests(e).map((s) => s.split('?')[0])).toEqual(['PATCH /sobjects/Case/AgentDesk_Session_Id__c/S-100', 'POST /sobjects/Task', 'GET /sobjects/Case/@{newCase.id}']);
    expect(e.requests()[0]?.headers['sforce-auto-assign']).toBe('FALSE');
    expect(rec).toMatchObject({ status: 'open', closedAt: null, leafQueueId: 'q-billing', channel: 'voice', externalId: 'S-100', reopenable: true });
    expect(rec.existed).toBeUndefined();
    expect(caseOf(rec.id)).toMatchObject({
      Subject: 'Incoming call S-1 - Support > Billing', Origin: 'Phone', Status: 'New', ContactId: CONTACT, OwnerId: AGENT_A,
      AgentDesk_Session_Id__c: 'S-100', AgentDesk_Leaf_Queue__c: 'q-billing', AgentDesk_Channel__c: 'voice',
      AgentDesk_Tags__c: 'Voice Inbound (IVR);AgentDesk', Queue_Name__c: 'Billing',
    });
    expect(e.store.list('Task')).toEqual([
      expect.objectContaining({ TaskSubtype: 'Call', CallType: 'Inbound', CallObject: 'S-100', Status: 'Completed', WhoId: CONTACT, WhatId: rec.id, ActivityDate: '2026-11-21', OwnerId: AGENT_A, Subject: 'Inbound call: Incoming call S-1 - Support > Billing' }),
    ]);
    expect(a.recordUrl(rec.id)).toBe(`${APP_URL}/lightning/r/Case/${rec.id}/view`);
  });

  it('KUS-10: the agent stays the owner though the org has an active case assignment rule', async () => {
    e = await boot({ caseAssignmentOwnerId: AGENT_B });
    const a = adapterFor(e);
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-rule'), ctx);
    expect(caseOf(rec.id)?.OwnerId).toBe(AGENT_A);
    await a.updateRecord(rec.id, { fields: { Queue_Name__c: 'Sales' } }, ctx);
    expect(caseOf(rec.id)?.OwnerId).toBe(AGENT_A);
    const unassigned = await a.createRecord(voiceRecord(CONTACT, 'S-abandoned', { assigneeUserId: null }), ctx);
    expect(caseOf(unassigned.id)?.OwnerId).toBe(AGENT_B); // no agent: the org's rule routes it
  });

  it('chats get Origin Chat and no Task; outbound calls a CallType Outbound Task; Tasks can be turned off; a follow-up sets ParentId', async () => {
    e = await boot();
    const a = adapterFor(e);
    const chat = await a.createRecord(voiceRecord(CONTACT, 'C-1', { channel: 'chat', sessionType: 'chat_inbound_web' }), ctx);
    expect(caseOf(chat.id)).toMatchObject({ Origin: 'Chat', AgentDesk_Channel__c: 'chat' });
    expect(chat.channel).toBe('chat');
    const out = await a.createRecord(voiceRecord(CONTACT, 'S-out', { direction: 'out', sessionType: 'voice_outbound', followUpOf: chat.id }), ctx);
    expect(caseOf(out.id)?.ParentId).toBe(chat.id);
    expect(e.store.list('Task').map((t) => [t.CallObject, t.CallType])).toEqual([['S-out', 'Outbound']]);
    const quiet = adapterFor(e, { logCallsAsTasks: false });
    await quiet.createRecord(voiceRecord(CONTACT, 'S-quiet'), ctx);
    expect(e.store.list('Task')).toHaveLength(1);
  });

  it('REC-8/REC-9: without a tag field (settings.crm.tagField null) no tags are written', async () => {
    e = await boot();
    const a = adapterFor(e, {}, {}, appSettings({ crm: { tagField: null } }));
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-notags'), ctx);
    expect(caseOf(rec.id)?.AgentDesk_Tags__c).toBeUndefined();
  });

  it('a mapped field or tag field the org refuses is dropped (logged) and the case is still made; AgentDesk\'s own fields are never dropped', async () => {
    e = await boot();
    const warnings: LogFields[] = [];
    const log = { info() {}, error() {}, warn: (_n: string, f?: LogFields) => warnings.push(f ?? {}) };
    const a = adapterFor(e, { tagField: 'Tags_Missing__c' }, { log });
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-drop', { fields: { Queue_Name__c: 'q'.repeat(300), No_Such__c: 1, Subject: 'not yours' } }), ctx);
    expect(caseOf(rec.id)).toMatchObject({ Subject: 'Incoming call S-1 - Support > Billing', AgentDesk_Session_Id__c: 'S-drop' });
    expect(caseOf(rec.id)?.Queue_Name__c).toBeUndefined();
    expect(warnings.map((w) => w.field ?? w.reason)).toEqual(expect.arrayContaining(['Tags_Missing__c', 'No_Such__c', 'Queue_Name__c', 'Subject: written by AgentDesk itself']));
    const fresh = adapterFor(e, { tagField: 'Tags_Missing__c' }, { log });
    await fresh.updateRecord(rec.id, { status: 'closed', addTags: ['Recorded'] }, ctx);
    expect(caseOf(rec.id)).toMatchObject({ Status: 'Closed', IsClosed: true });
    const broken = adapterFor(e, { leafQueueField: 'Not_Installed__c' });
    await expect(broken.createRecord(voiceRecord(CONTACT, 'S-broken'), ctx)).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('Not_Installed__c') });
  });

  it('a JSON_PARSER_ERROR that names no field (as Salesforce\'s often do) drops the mapped fields once, and the case is made', async () => {
    e = await boot();
    e.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'status', status: 400, body: [{ message: 'Cannot deserialize instance of double from VALUE_STRING value lots', errorCode: 'JSON_PARSER_ERROR' }] });
    const rec = await adapterFor(e).createRecord(voiceRecord(CONTACT, 'S-json', { fields: { Call_Duration__c: 'lots', Queue_Name__c: 'Billing' } }), ctx);
    expect(caseOf(rec.id)).toMatchObject({ AgentDesk_Session_Id__c: 'S-json', OwnerId: AGENT_A });
    expect(caseOf(rec.id)?.Queue_Name__c).toBeUndefined();
    e.fault({ method: 'POST', path: '/services/data/v62.0/composite', kind: 'status', status: 400, times: 2, body: [{ message: 'Cannot deserialize', errorCode: 'JSON_PARSER_ERROR' }] });
    await expect(adapterFor(e).createRecord(voiceRecord(CONTACT, 'S-json2', { fields: { Queue_Name__c: 'x' } }), ctx)).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('Salesforce adapter: open and closed from the org\'s CaseStatus (REC-1, REC-2)', () => {
  const picklist = [
    { apiName: 'Open - New', isClosed: false, isDefault: true },
    { apiName: 'Waiting', isClosed: false },
    { apiName: 'Resolved', isClosed: true },
    { apiName: 'Closed - Duplicate', isClosed: true },
  ];

  it('lists a contact\'s cases newest first: open/closed from the custom picklist, closedAt from ClosedDate, stamps; findRecordByExternalId', async () => {
    e = await boot({
      seed: {
        caseStatuses: picklist,
        cases: [
          { createdDate: '2026-11-01T09:00:00Z', closedDate: '2026-11-18T10:00:00Z', fields: { ContactId: CONTACT, Status: 'Closed - Duplicate', AgentDesk_Session_Id__c: 'S-a', AgentDesk_Leaf_Queue__c: 'q-billing', AgentDesk_Channel__c: 'voice' } },
          { createdDate: '2026-11-10T09:00:00Z', fields: { ContactId: CONTACT, Status: 'Waiting', AgentDesk_Leaf_Queue__c: 'q-sales', AgentDesk_Channel__c: 'chat' } },
          { createdDate: '2026-11-12T09:00:00Z', fields: { ContactId: CONTACT, Status: 'Open - New', Origin: 'Web' } },
        ],
      },
    });
    const a = adapterFor(e);
    const list = await a.listRecentRecords(CONTACT, 10, ctx);
    expect(list.map((r) => [r.status, r.closedAt, r.leafQueueId, r.channel, r.externalId])).toEqual([
      ['open', null, null, null, null],
      ['open', null, 'q-sales', 'chat', null],
      ['closed', '2026-11-18T10:00:00.000Z', 'q-billing', 'voice', 'S-a'],
    ]);
    expect(list[2]?.createdAt).toBe('2026-11-01T09:00:00.000Z');
    expect(await a.listRecentRecords(CONTACT, 1, ctx)).toHaveLength(1);
    expect((await a.findRecordByExternalId('S-a', ctx))?.status).toBe('closed');
    expect(await a.findRecordByExternalId('S-missing', ctx)).toBeNull();
  });

  it('REC-2: a case closed within N days is chosen and reopened to the org\'s default open status; older ones are not', async () => {
    const clock = new ManualClock('2026-11-20T09:00:00Z');
    e = await boot({ clock, seed: { caseStatuses: picklist, cases: [{ createdDate: '2026-11-01T09:00:00Z', closedDate: '2026-11-18T10:00:00Z', fields: { ContactId: CONTACT, Status: 'Resolved', AgentDesk_Leaf_Queue__c: 'q-billing', AgentDesk_Channel__c: 'voice' } }] } });
    const a = adapterFor(e);
    const records = await a.listRecentRecords(CONTACT, 20, ctx);
    const policy = { kind: 'sameLeafQueue' as const, leafQueueId: 'q-billing', channel: 'voice' as const, reopenWithinDays: 3 };
    const choice = chooseAppendTarget(records, policy, new Date('2026-11-20T09:00:00Z'));
    expect(choice).toMatchObject({ append: true, reopen: true });
    expect(chooseAppendTarget(records, { ...policy, reopenWithinDays: 1 }, new Date('2026-11-20T09:00:00Z'))).toMatchObject({ append: false });
    const id = records[0]?.id ?? '';
    await a.updateRecord(id, { status: 'open', addTags: ['AgentDesk'], assigneeUserId: AGENT_B }, ctx);
    expect(caseOf(id)).toMatchObject({ Status: 'Open - New', IsClosed: false, ClosedDate: null, OwnerId: AGENT_B, AgentDesk_Tags__c: 'AgentDesk' });
  });

  it('reads the CaseStatus rows once, and again after a status it does not know shows up', async () => {
    e = await boot({ seed: { caseStatuses: picklist } });
    const a = adapterFor(e);
    const one = await a.createRecord(voiceRecord(CONTACT, 'S-c1'), ctx);
    const two = await a.createRecord(voiceRecord(CONTACT, 'S-c2'), ctx);
    const statusQueries = () => e?.requests().filter((r) => new URLSearchParams(r.query).get('q')?.includes('FROM CaseStatus')).length;
    await a.updateRecord(one.id, { status: 'closed' }, ctx);
    await a.updateRecord(two.id, { status: 'closed' }, ctx);
    expect(statusQueries()).toBe(1);
    expect(caseOf(one.id)).toMatchObject({ Status: 'Resolved', IsClosed: true });
    e.store.table('CaseStatus').set(makeId('01J', 99), { Id: makeId('01J', 99), ApiName: 'Parked', MasterLabel: 'Parked', IsClosed: false, IsDefault: false, SortOrder: 0 });
    e.store.table('Case').set(one.id, { ...caseOf(one.id), Id: one.id, Status: 'Parked', IsClosed: false });
    await a.listRecentRecords(CONTACT, 5, ctx);
    await a.updateRecord(two.id, { status: 'open' }, ctx);
    expect(statusQueries()).toBe(2);
    expect(caseOf(two.id)?.Status).toBe('Open - New');
  });

  it('closing keeps a closed status an agent chose; reopening an open case leaves its status alone', async () => {
    e = await boot({ seed: { caseStatuses: picklist } });
    const a = adapterFor(e);
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-keep'), ctx);
    e.store.table('Case').set(rec.id, { ...caseOf(rec.id), Id: rec.id, Status: 'Closed - Duplicate', IsClosed: true });
    e.clearRequests();
    await a.updateRecord(rec.id, { status: 'closed' }, ctx);
    expect(caseOf(rec.id)?.Status).toBe('Closed - Duplicate');
    expect(sent(e)).toEqual(['GET /query']);
    e.store.table('Case').set(rec.id, { ...caseOf(rec.id), Id: rec.id, Status: 'Waiting', IsClosed: false });
    await a.updateRecord(rec.id, { status: 'open' }, ctx);
    expect(caseOf(rec.id)?.Status).toBe('Waiting');
  });
});

describe('Salesforce adapter: updates, comments, files', () => {
  it('updates fields and owner in one PATCH; tags merge into the field; the call duration also lands on the call Task', async () => {
    e = await boot();
    const a = adapterFor(e, {}, {}, appSettings({ customFields: { record: { callDuration: 'Call_Duration__c' } } }));
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-upd'), ctx);
    e.clearRequests();
    await a.updateRecord(rec.id, { fields: { Queue_Name__c: 'Sales' }, assigneeUserId: AGENT_B }, ctx);
    expect(sent(e)).toEqual([`PATCH /sobjects/Case/${rec.id}`]);
    await a.updateRecord(rec.id, { addTags: ['Recorded', 'agentdesk'] }, ctx);
    expect(caseOf(rec.id)).toMatchObject({ Queue_Name__c: 'Sales', OwnerId: AGENT_B, AgentDesk_Tags__c: 'Voice Inbound (IVR);AgentDesk;Recorded' });
    e.clearRequests();
    await a.updateRecord(rec.id, { fields: { Call_Duration__c: 61.4 } }, ctx);
    expect(sent(e)).toEqual(['POST /composite']);
    expect(caseOf(rec.id)?.Call_Duration__c).toBe(61.4);
    expect(e.store.list('Task')[0]).toMatchObject({ CallObject: 'S-upd', CallDurationInSeconds: 61 });
    await a.updateRecord(rec.id, { fields: { Call_Duration__c: 99 } }, { retry: true });
    expect(e.store.list('Task')[0]?.CallDurationInSeconds).toBe(61);
    e.clearRequests();
    await a.updateRecord(rec.id, {}, ctx);
    expect(e.requests()).toHaveLength(0);
  });

  it('a missing case is not_found', async () => {
    e = await boot();
    const a = adapterFor(e);
    await expect(a.updateRecord(makeId('500', 4040), { status: 'open' }, ctx)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(a.updateRecord(makeId('500', 4040), { fields: { Queue_Name__c: 'x' } }, ctx)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('KUS-8: notes are private CaseComments carrying their key; a retry finds it and adds nothing (REL-1)', async () => {
    e = await boot();
    const a = adapterFor(e);
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-note'), ctx);
    await a.addNote(rec.id, { key: 'S-note:details', body: 'Phone: +821012345678\nCall ID: S-note' }, ctx);
    await a.addNote(rec.id, { key: 'S-note:details', body: 'Phone: +821012345678\nCall ID: S-note' }, { retry: true });
    await a.addNote(rec.id, { key: 'S-note:ended', body: 'Session ended.' }, { retry: true });
    const comments = e.store.where('CaseComment', 'ParentId', rec.id).map((c) => [c.CommentBody, c.IsPublished]);
    expect(comments).toEqual([
      ['Phone: +821012345678\nCall ID: S-note\n\n[AgentDesk ref: S-note:details]', false],
      ['Session ended.\n\n[AgentDesk ref: S-note:ended]', false],
    ]);
  });

  it('a note longer than CommentBody allows (4000) is cut, and keeps its key', async () => {
    e = await boot();
    const a = adapterFor(e);
    const rec = await a.createRecord(voiceRecord(CONTACT, 'S-long'), ctx);
    await a.addNote(rec.id, { key: 'S-long:transcript', body: 'x'.repeat(9000) }, ctx);
    const [c] = e.store.where('CaseComment', 'ParentId', rec.id);
    expect(String(c?.CommentBody).length).toBeLessThanOrEqual(4000);
    expect(String(c?.CommentBody)).toMatch(/… \(truncated\)\n\n\[AgentDesk ref: S-long:transcript\]$/);
  });

  it('KUS-9: files are ContentVersions published to the case; a retry adds nothing', async () => {
    e = await boot();
    const a = adapterFor(e);
    const rec = await a.createRecord(voiceRecord(CONTACT, 'C-file', { channel: 'chat' }), ctx);
    const bytes = new TextEncoder().encode('[10:00] Customer: hi\n');
    const file = { key: 'C-file:transcript', name: 'chat-transcript-C-file.txt', contentType: 'text/plain', bytes, caption: 'Chat transcript (1 messages)' };
    await a.attachFile(rec.id, file, ctx);
    await a.attachFile(rec.id, file, { retry: true });
    const versions = e.store.where('ContentVersion', 'FirstPublishLocationId', rec.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ Title: 'chat-transcript-C-file.txt', PathOnClient: 'chat-transcript-C-file.txt', Description: 'Chat transcript (1 messages)\n\n[AgentDesk ref: C-file:transcript]', FileType: 'TEXT' });
    expect(Buffer.from(e.store.blobs.get(versions[0]?.Id ?? '') ?? []).toString()).toBe('[10:00] Customer: hi\n');
    expect(e.store.where('ContentDocumentLink', 'LinkedEntityId', rec.id)).toHaveLength(1);
  });
});
