// The orchestration engine end to end against the Salesforce emulator through the adapter: the
// batched path (one composite to find, one to create), the records a session leaves (KUS-7,
// KUS-8, KUS-9, KUS-10, REC-1, REC-2, REC-8, REC-9), and no duplicates after a lost reply (REL-1).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { chatSession, session, settings } from '../../support/orchestration-fixtures.js';
import { AGENT_A, api, APP_URL, start } from './helpers.js';
import { SalesforceEngineRig, SF_AGENT } from './engine-rig.js';

let emu: SalesforceEmulator;
let rig: SalesforceEngineRig;
beforeEach(async () => {
  emu = await start({
    customFields: { Case: { Queue_Name__c: { type: 'string' }, Call_Duration__c: { type: 'double' } } },
    seed: {
      caseStatuses: [
        { apiName: 'New', isClosed: false, isDefault: true },
        { apiName: 'Working', isClosed: false },
        { apiName: 'Resolved', isClosed: true },
        { apiName: 'Closed - Duplicate', isClosed: true },
      ],
    },
  });
  rig = new SalesforceEngineRig(emu);
});
afterEach(async () => {
  await rig.dispose();
  await emu.close();
});

const sf = settings({ appendToClosedWithinDays: 3 }, {
  crm: { kind: 'salesforce', baseUrl: 'https://acme.my.salesforce.com', tagField: 'AgentDesk_Tags__c', phoneFormat: 'e164' },
  customFields: { record: { queueName: 'Queue_Name__c', callDuration: 'Call_Duration__c' } },
});
const cases = () => emu.store.list('Case');
const comments = (caseId: string) => emu.store.where('CaseComment', 'ParentId', caseId).map((c) => String(c.CommentBody));

describe('the engine against Salesforce', () => {
  it('KUS-7/KUS-8/KUS-10/REC-8/REC-9: a new caller\'s voice record in 2 round trips, then details, duration and recording', async () => {
    rig.hello(SF_AGENT, sf);
    rig.send('session.assigned', { session: session({ customer: { phone: '010-1234-5678', identifier: null, email: null, name: null } }) });
    await rig.idle();
    const firstTwo = emu.requests().slice(0, 2).map((r) => `${r.method} ${r.path}`);
    expect(firstTwo).toEqual(['POST /services/data/v62.0/composite', 'POST /services/data/v62.0/composite']);
    expect(cases()).toHaveLength(1);
    rig.send('session.connected', { sessionId: 'S-1001' });
    rig.send('session.ended', { sessionId: 'S-1001', durationSec: 95, waitSec: 12, holdSec: 0 });
    rig.send('session.recording', { sessionId: 'S-1001', url: 'http://cc.test/media/recordings/S-1001.wav', mimeType: 'audio/wav', durationSec: 95 });
    await rig.idle();

    // The whole session: lookup, create (contact, case, Task), details comment, end (case fields and Task duration), recording comment.
    expect(emu.requests().map((r) => `${r.method} ${r.path.replace('/services/data/v62.0', '')}`)).toEqual(['POST /composite', 'POST /composite', 'POST /sobjects/CaseComment', 'POST /composite', 'POST /sobjects/CaseComment']);
    const [contact] = emu.store.list('Contact');
    expect(contact).toMatchObject({ Phone: '+821012345678', OwnerId: AGENT_A });
    const [c] = cases();
    expect(c).toMatchObject({
      AgentDesk_Session_Id__c: 'S-1001', Origin: 'Phone', Status: 'New', OwnerId: AGENT_A, ContactId: contact?.Id,
      AgentDesk_Tags__c: 'Voice Inbound (IVR);AgentDesk', Queue_Name__c: 'Billing', Call_Duration__c: 95, AgentDesk_Leaf_Queue__c: 'q-billing',
    });
    expect(emu.store.list('Task')).toEqual([expect.objectContaining({ CallObject: 'S-1001', CallType: 'Inbound', WhatId: c?.Id, WhoId: contact?.Id, CallDurationInSeconds: 95 })]);
    const notes = comments(c?.Id ?? '');
    expect(notes[0]).toMatch(/Phone: \+821012345678[\s\S]*\[AgentDesk ref: S-1001:details\]$/);
    expect(notes.some((n) => n.includes('S-1001.wav'))).toBe(true);
    expect(emu.store.list('CaseComment').every((x) => x.IsPublished === false)).toBe(true);
    expect(rig.linked).toEqual([{ sessionId: 'S-1001', crm: 'salesforce', recordId: c?.Id, customerId: contact?.Id, url: `${APP_URL}/lightning/r/Case/${c?.Id}/view` }]);
  });

  it('REC-1: a second call in the same leaf queue joins the open case; another queue gets its own', async () => {
    rig.hello(SF_AGENT, sf);
    rig.send('session.assigned', { session: session({ id: 'S-1' }) });
    await rig.idle();
    rig.send('session.assigned', { session: session({ id: 'S-2' }) });
    rig.send('session.assigned', { session: session({ id: 'S-3', queue: { id: 'q-tech', name: 'Technical', path: ['Support', 'Technical'], leaf: true } }) });
    await rig.idle();
    expect(cases().map((c) => c.AgentDesk_Session_Id__c).sort()).toEqual(['S-1', 'S-3']);
    const first = cases().find((c) => c.AgentDesk_Session_Id__c === 'S-1');
    expect(comments(first?.Id ?? '').some((n) => n.startsWith('IVR call S-2 was added to this record.'))).toBe(true);
    expect(rig.linked.find((l) => l.sessionId === 'S-2')?.recordId).toBe(first?.Id);
    expect(emu.store.list('Contact')).toHaveLength(1);
  });

  it('REC-2: a case closed (to any closed status of the org) within N days is reopened to the default open status', async () => {
    rig.hello(SF_AGENT, sf);
    rig.send('session.assigned', { session: session({ id: 'S-1' }) });
    await rig.idle();
    const id = cases()[0]?.Id ?? '';
    expect((await api(emu, 'PATCH', `/sobjects/Case/${id}`, { Status: 'Closed - Duplicate' })).status).toBe(204);
    rig.send('session.assigned', { session: session({ id: 'S-2' }) });
    await rig.idle();
    expect(cases()).toHaveLength(1);
    expect(emu.store.get('Case', id)).toMatchObject({ Status: 'New', IsClosed: false, ClosedDate: null });
  });

  it('KUS-9: a chat gets Origin Chat, no call Task, and its transcript as a file on the case', async () => {
    rig.hello(SF_AGENT, sf);
    rig.send('session.assigned', { session: chatSession() });
    rig.send('session.connected', { sessionId: 'C-2001' });
    rig.send('session.message', { sessionId: 'C-2001', message: { id: 'm1', from: 'consumer', text: 'hello there', attachments: [] } });
    rig.send('session.ended', { sessionId: 'C-2001', durationSec: 60, waitSec: 5, holdSec: 0 });
    await rig.idle();
    const [c] = cases();
    expect(c).toMatchObject({ Origin: 'Chat', AgentDesk_Channel__c: 'chat' });
    expect(emu.store.list('Task')).toHaveLength(0);
    const [file] = emu.store.where('ContentVersion', 'FirstPublishLocationId', c?.Id);
    expect(Buffer.from(emu.store.blobs.get(file?.Id ?? '') ?? []).toString()).toContain('hello there');
  });

  it('REL-1: the create composite commits but its reply is lost; the outbox retries and nothing is duplicated', async () => {
    // Faults fire in order: the first composite (the lookup) passes untouched, the second (the create) commits and loses its reply.
    emu.fault([
      { method: 'POST', path: '/services/data/v62.0/composite', kind: 'delay', delayMs: 0, times: 1 },
      { method: 'POST', path: '/services/data/v62.0/composite', kind: 'commit_then_drop', times: 1 },
    ]);
    emu.fault({ method: 'POST', path: '/services/data/v62.0/sobjects/CaseComment', kind: 'commit_then_drop', times: 1 });
    rig.hello(SF_AGENT, sf);
    rig.send('session.assigned', { session: session({ id: 'S-9' }) });
    await rig.idle();
    expect([emu.store.list('Contact').length, cases().length, emu.store.list('Task').length, emu.store.list('CaseComment').length]).toEqual([1, 1, 1, 1]);
    expect(rig.linked.map((l) => l.sessionId)).toEqual(['S-9']);
    // The retry recognises the case its lost attempt made (by the session key): a new record's note, not an append's.
    expect(String(emu.store.list('CaseComment')[0]?.CommentBody)).toMatch(/^IVR call S-9\n/);
    expect(rig.events.some((ev) => ev.state === 'retrying')).toBe(true);
    expect(emu.requests().filter((r) => r.outcome === 'committed_then_dropped').map((r) => r.path)).toEqual(['/services/data/v62.0/composite', '/services/data/v62.0/sobjects/CaseComment']);
  });
});
