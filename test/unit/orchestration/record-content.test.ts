// What goes into a new record: subject (REC-7), tags (REC-8/9), standard data (KUS-3), custom
// fields (KUS-2), SDK custom data (KUS-4), customer (KUS-7), phone note (KUS-8), assignee (KUS-10).
import { describe, expect, it } from 'vitest';
import { Driver, session, settings, AGENT } from '../../support/orchestration-fixtures.js';

const fields = {
  customFields: {
    customer: { customUserId: 'customUserIdStr' },
    record: { queueName: 'queueNameStr', sessionType: 'sessionTypeStr', sessionId: 'sessionIdStr', menuSelection: 'menuSelectionStr', outboundPhoneNumber: 'outboundPhoneStr', inWebEmail: 'inWebEmailStr' },
  },
  customDataMapping: { orderId: 'orderIdStr', vip: 'vipBool' },
};

function openFor(s = session(), st = settings({}, fields), crm: 'kustomer' | 'zendesk' | 'freshdesk' | 'salesforce' = 'kustomer') {
  const d = new Driver(st, AGENT, crm);
  d.send('session.assigned', { session: s });
  const open = d.of('openRecord')[0];
  if (!open) throw new Error('no openRecord');
  return open;
}

describe('new record content', () => {
  it('REC-7 subject from the template, REC-8 + REC-9 tags in the CRM format', () => {
    const o = openFor();
    expect(o.record.subject).toBe('IVR call S-1001 - Support > Billing');
    expect(o.record.tags).toEqual(['Voice Inbound - IVR', 'AgentDesk']);
    expect(openFor(session(), settings({}, fields), 'zendesk').record.tags).toEqual(['voice_inbound_ivr', 'agentdesk']);
  });

  it('REC-8/REC-9 off: no tags', () => {
    expect(openFor(session(), settings({ sessionTypeTag: false, platformTag: null }, fields)).record.tags).toEqual([]);
  });

  it('KUS-2 standard fields go to the fields the admin mapped; unmapped ones are not written', () => {
    const o = openFor();
    expect(o.record.fields).toMatchObject({ queueNameStr: 'Billing', sessionTypeStr: 'Voice Inbound (IVR)', sessionIdStr: 'S-1001', menuSelectionStr: 'Support > Billing' });
    expect(o.record.fields).not.toHaveProperty('outboundPhoneStr');
    const none = openFor(session(), settings({}));
    expect(none.record.fields).toEqual({});
  });

  it('KUS-2 outbound phone number and in-web e-mail', () => {
    const out = openFor(session({ type: 'voice_outbound', customer: { phone: '010-9999-8888', identifier: null, email: null, name: null } }));
    expect(out.record.fields.outboundPhoneStr).toBe('+821099998888');
    expect(out.record.direction).toBe('out');
    const web = openFor(session({ type: 'voice_inbound_web', inWebEmail: 'web@example.com' }));
    expect(web.record.fields.inWebEmailStr).toBe('web@example.com');
  });

  it('KUS-4 SDK custom data lands in the mapped fields; unmapped keys are kept in the details note', () => {
    const o = openFor(session({ type: 'voice_inbound_app', customData: { orderId: 'A-77', vip: true, color: 'blue' } }));
    expect(o.record.fields).toMatchObject({ orderIdStr: 'A-77', vipBool: true });
    expect(o.record.fields).not.toHaveProperty('color');
    expect(o.note?.created).toMatch(/Custom data: color=blue/);
  });

  it('KUS-3 standard data and KUS-8 E.164 phone note', () => {
    const o = openFor(session({ customer: { phone: '010-1234-5678', identifier: null, email: null, name: null } }));
    expect(o.note?.created).toMatch(/Phone: \+821012345678/);
    expect(o.note?.created).toMatch(/Call ID: S-1001/);
    expect(o.note?.created).toMatch(/Language: ko/);
    expect(o.note?.created).toMatch(/Menu selection: Support > Billing/);
    expect(o.note?.appended).toMatch(/was added to this record/);
  });

  it('KUS-7 customer lookup/creation plan, KUS-10 assigned to the agent', () => {
    const o = openFor(session({ type: 'voice_inbound_app', customer: { phone: null, identifier: 'u-42', email: null, name: 'Park' } }));
    expect(o.customer.create).toMatchObject({ key: 'id:u-42', identifier: 'u-42', fields: { customUserIdStr: 'u-42' } });
    const v = openFor();
    expect(v.record.assigneeUserId).toBe(AGENT.crmUserId);
    expect(v.assignCustomer).toBe(true);
  });

  it('the record carries its leaf queue and channel (for REC-1 later) and the session id as its key', () => {
    const o = openFor();
    expect(o).toMatchObject({ key: 'S-1001', sessionId: 'S-1001', record: { leafQueueId: 'q-billing', channel: 'voice', sessionType: 'voice_inbound_ivr' } });
  });
});

describe('target policy', () => {
  it.each([
    ['REC-1 on', { appendToOpenRecordSameLeafQueue: true, appendToClosedWithinDays: 3 }, session(), { kind: 'sameLeafQueue', leafQueueId: 'q-billing', channel: 'voice', reopenWithinDays: 3 }],
    ['REC-1 on, REC-2 off', { appendToOpenRecordSameLeafQueue: true, appendToClosedWithinDays: 0 }, session(), { kind: 'sameLeafQueue', leafQueueId: 'q-billing', channel: 'voice', reopenWithinDays: null }],
    ['REC-1 off', { appendToOpenRecordSameLeafQueue: false }, session(), { kind: 'new' }],
    ['outbound (KUS-6)', { appendToOpenRecordSameLeafQueue: false }, session({ type: 'voice_outbound' }), { kind: 'latestOpen' }],
    ['callback after call end (KUS-6)', {}, session({ callback: { kind: 'after_call', ofSessionId: 'S-900' } }), { kind: 'sessionRecord', ofKey: 'S-900', fallback: { kind: 'sameLeafQueue', leafQueueId: 'q-billing', channel: 'voice', reopenWithinDays: null } }],
    ['short-call callback button (KUS-6)', { appendToOpenRecordSameLeafQueue: false }, session({ callback: { kind: 'short_call_button', ofSessionId: 'S-901' } }), { kind: 'sessionRecord', ofKey: 'S-901', fallback: { kind: 'new' } }],
  ] as const)('%s', (_n, rc, s, expected) => {
    expect(openFor(s, settings(rc)).target).toEqual(expected);
  });
});
