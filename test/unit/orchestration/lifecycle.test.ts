// Updates over a session's life: end (KUS-2 durations, KUS-9 transcript), recording (KUS-3),
// transfer (KUS-6), CSAT and SmartAction (KUS-6), record links, assignment on answer (KUS-10),
// voicemails (KUS-5, KUS-6).
import { describe, expect, it } from 'vitest';
import { Driver, session, chatSession, settings, AGENT, AGENT2, ORCHESTRATOR } from '../../support/orchestration-fixtures.js';

const mapped = { customFields: { customer: {}, record: { callDuration: 'callDurationNum', waitTime: 'waitTimeNum', holdTime: 'holdTimeNum', csatRating: 'csatRatingNum', csatComment: 'csatCommentStr' } } };

describe('session end', () => {
  it('KUS-2 durations written to mapped fields at the end of a call', () => {
    const d = new Driver(settings({}, mapped));
    d.send('session.assigned', { session: session() });
    d.send('session.connected', { sessionId: 'S-1001' });
    d.send('session.ended', { sessionId: 'S-1001', durationSec: 125, waitSec: 14, holdSec: 30 });
    expect(d.of('updateRecord')[0]?.patch).toEqual({ fields: { callDurationNum: 125, waitTimeNum: 14, holdTimeNum: 30 } });
  });

  it('no field mapping: nothing to write at call end', () => {
    const d = new Driver(settings());
    d.send('session.assigned', { session: session() });
    d.send('session.ended', { sessionId: 'S-1001', durationSec: 10, waitSec: 1, holdSec: 0 });
    expect(d.of('updateRecord')).toHaveLength(0);
  });

  it('KUS-9 the chat transcript is attached as a file at chat end, in order, with every party', () => {
    const d = new Driver(settings());
    d.send('session.assigned', { session: chatSession() });
    d.send('session.connected', { sessionId: 'C-2001' });
    d.send('session.message', { sessionId: 'C-2001', message: { id: '1', from: 'consumer', text: 'My order is late', attachments: [] } });
    d.send('session.message', { sessionId: 'C-2001', message: { id: '2', from: 'agent', text: 'Let me check', attachments: [] } });
    d.send('session.message', { sessionId: 'C-2001', message: { id: '3', from: 'consumer', text: 'Photo', attachments: [{ name: 'box.jpg', url: 'http://x/box.jpg', mimeType: 'image/jpeg' }] } });
    d.send('session.ended', { sessionId: 'C-2001', durationSec: 60, waitSec: 3, holdSec: 0 });
    const [file] = d.of('attachFile');
    expect(file).toMatchObject({ key: 'C-2001', name: 'chat-transcript-C-2001.txt', contentType: 'text/plain' });
    const text = file?.source.kind === 'text' ? file.source.text : '';
    expect(text.indexOf('Customer: My order is late')).toBeLessThan(text.indexOf('Agent: Let me check'));
    expect(text).toMatch(/Customer: Photo \[box\.jpg\]/);
  });
});

describe('KUS-3 recording', () => {
  it('adds the recording to the record when the call ends', () => {
    const d = new Driver(settings());
    d.send('session.assigned', { session: session() });
    d.send('session.ended', { sessionId: 'S-1001', durationSec: 10, waitSec: 1, holdSec: 0 });
    d.send('session.recording', { sessionId: 'S-1001', url: 'http://cc/media/recordings/S-1001.wav', mimeType: 'audio/wav', durationSec: 10 });
    expect(d.of('addNote')[0]).toMatchObject({ key: 'S-1001', noteKey: 'S-1001:recording' });
    expect(d.of('addNote')[0]?.body).toMatch(/S-1001\.wav/);
  });
  it('no record (REC-3 call never connected): the recording is not written anywhere', () => {
    const d = new Driver(settings({ createCallRecordOnConnect: true }));
    d.send('session.assigned', { session: session() });
    d.send('session.recording', { sessionId: 'S-1001', url: 'http://cc/r.wav', mimeType: 'audio/wav', durationSec: 3 });
    expect(d.intents).toEqual([]);
  });
});

describe('KUS-6 transfer reassignment', () => {
  const transfer = { sessionId: 'S-1001', fromAgent: { id: AGENT.id, email: AGENT.email, crmUserId: AGENT.crmUserId }, toAgent: { id: AGENT2.id, email: AGENT2.email, crmUserId: AGENT2.crmUserId } };
  it('the receiving agent reassigns the linked record to itself', () => {
    const d = new Driver(settings(), AGENT2);
    d.send('session.record', { sessionId: 'S-1001', crm: 'kustomer', recordId: 'rec-1', customerId: 'cust-1', url: 'http://k/app/conversations/rec-1' });
    d.send('session.transferred', { ...transfer, session: session() });
    expect(d.of('updateRecord')[0]).toMatchObject({ key: 'S-1001', patch: { assigneeUserId: AGENT2.crmUserId } });
    expect(d.of('addNote')[0]?.body).toBe(`Transferred from ${AGENT.email} to ${AGENT2.email}.`);
    expect(d.of('openRecord')).toHaveLength(0);
  });
  it('the agent who transferred it away writes nothing more', () => {
    const d = new Driver(settings(), AGENT);
    d.send('session.assigned', { session: session() });
    d.send('session.transferred', transfer);
    d.send('session.ended', { sessionId: 'S-1001', durationSec: 1, waitSec: 1, holdSec: 0 });
    expect(d.intents.map((i) => i.kind)).toEqual(['openRecord']);
  });
  it('a transferred chat without a record yet follows the normal rules on the receiving side', () => {
    const d = new Driver(settings({ chatMinConsumerMessages: 1 }), AGENT2);
    d.send('session.transferred', { ...transfer, sessionId: 'C-2001', session: chatSession() });
    d.send('session.connected', { sessionId: 'C-2001' });
    expect(d.of('openRecord')).toHaveLength(0);
    d.send('session.message', { sessionId: 'C-2001', message: { id: 'x', from: 'consumer', text: 'hi', attachments: [] } });
    expect(d.of('openRecord')[0]?.record.assigneeUserId).toBe(AGENT2.crmUserId);
  });
});

describe('KUS-10 assignment to the answering agent', () => {
  it('a record another agent made (before a reject) is assigned to whoever answers', () => {
    // The contact center sends the link before offering the session again.
    const d = new Driver(settings(), AGENT2);
    d.send('session.record', { sessionId: 'S-1001', crm: 'kustomer', recordId: 'rec-9', customerId: 'c', url: 'u' });
    d.send('session.assigned', { session: session() });
    expect(d.of('openRecord')).toHaveLength(0);
    d.send('session.connected', { sessionId: 'S-1001' });
    expect(d.of('updateRecord')[0]).toMatchObject({ key: 'S-1001', patch: { assigneeUserId: AGENT2.crmUserId } });
  });
});

describe('KUS-6 CSAT and SmartAction', () => {
  it('CSAT fills the mapped fields and adds a note', () => {
    const d = new Driver(settings({}, mapped));
    d.send('session.assigned', { session: session() });
    d.send('session.csat', { sessionId: 'S-1001', rating: 4, comment: 'Quick help' });
    expect(d.of('updateRecord')[0]?.patch.fields).toEqual({ csatRatingNum: 4, csatCommentStr: 'Quick help' });
    expect(d.of('addNote')[0]?.body).toBe('Customer satisfaction: 4/5\nComment: Quick help');
  });
  it('a late CSAT on the orchestrator uses the contact center\'s record link', () => {
    const d = new Driver(settings(), ORCHESTRATOR);
    d.send('session.record', { sessionId: 'S-77', crm: 'kustomer', recordId: 'rec-77', customerId: null, url: 'u' });
    d.send('session.csat', { sessionId: 'S-77', rating: 2, comment: null });
    expect(d.intents.map((i) => i.kind)).toEqual(['bindRecord', 'addNote']);
    expect(d.of('addNote')[0]?.key).toBe('S-77');
  });
  it('a completed SmartAction writes its result and attaches each shared file', () => {
    const d = new Driver(settings());
    d.send('session.assigned', { session: session() });
    d.send('session.smartAction', { sessionId: 'S-1001', action: { id: 'sa1', type: 'photo', status: 'completed', result: { verified: true }, files: [{ name: 'id.jpg', url: 'http://cc/media/files/id.jpg', mimeType: 'image/jpeg' }, { name: 'b.pdf', url: 'http://cc/media/files/b.pdf', mimeType: 'application/pdf' }] } });
    expect(d.of('addNote')[0]?.body).toMatch(/SmartAction "photo" completed\.[\s\S]*"verified": true[\s\S]*id\.jpg, b\.pdf/);
    expect(d.of('attachFile').map((f) => [f.name, f.source])).toEqual([
      ['id.jpg', { kind: 'url', url: 'http://cc/media/files/id.jpg' }],
      ['b.pdf', { kind: 'url', url: 'http://cc/media/files/b.pdf' }],
    ]);
  });
  it('a SmartAction that failed on the user\'s side writes the error message', () => {
    const d = new Driver(settings());
    d.send('session.assigned', { session: session() });
    d.send('session.smartAction', { sessionId: 'S-1001', action: { id: 'sa2', type: 'verify', status: 'failed', error: 'Fingerprint access is not enabled', files: [] } });
    expect(d.of('addNote')[0]?.body).toBe('SmartAction "verify" failed: Fingerprint access is not enabled');
    expect(d.of('attachFile')).toHaveLength(0);
  });
});

describe('KUS-5 / KUS-6 voicemail', () => {
  const vm = { id: 'VM-1', customer: { phone: '010-5555-6666', identifier: null, email: null, name: null }, queue: { id: 'q-billing', name: 'Billing', path: ['Support', 'Billing'], leaf: true }, menuPath: 'Support > Billing', language: 'ko', dialedNumber: '+82215881234', recordingUrl: 'http://cc/media/vm/VM-1.wav', durationSec: 22 };
  it('a voicemail always makes a new record, even with REC-1 on, with the recording and E.164 phone', () => {
    const d = new Driver(settings({ appendToOpenRecordSameLeafQueue: true }), ORCHESTRATOR);
    d.send('voicemail.created', { voicemail: vm });
    const [o] = d.of('openRecord');
    expect(o?.target).toEqual({ kind: 'new' });
    expect(o?.key).toBe('vm:VM-1');
    expect(o?.record.subject).toBe('Voicemail VM-1 - Support > Billing');
    expect(o?.record.tags).toEqual(['Voicemail', 'AgentDesk']);
    expect(o?.note?.created).toMatch(/Phone: \+821055556666[\s\S]*Recording: http:\/\/cc\/media\/vm\/VM-1\.wav/);
  });
  it.each([
    ['read', ['addNote']],
    ['called_back', ['addNote']],
    ['closed', ['addNote', 'updateRecord']],
  ] as const)('voicemail %s updates its record', (action, kinds) => {
    const d = new Driver(settings(), ORCHESTRATOR);
    d.send('voicemail.created', { voicemail: vm });
    d.send('voicemail.updated', { voicemailId: 'VM-1', action, by: { id: 'a1', email: 'agent1@acme.test' } });
    expect(d.intents.slice(1).map((i) => i.kind)).toEqual(kinds);
    expect(d.intents.slice(1).every((i) => i.key === 'vm:VM-1')).toBe(true);
    if (action === 'closed') expect(d.of('updateRecord')[0]?.patch).toEqual({ status: 'closed' });
  });
  it('the same voicemail twice makes one record', () => {
    const d = new Driver(settings(), ORCHESTRATOR);
    d.send('voicemail.created', { voicemail: vm });
    d.send('voicemail.created', { voicemail: vm });
    expect(d.of('openRecord')).toHaveLength(1);
  });
});
