// One rule matrix, four CRMs: the same sessions run against Kustomer, Zendesk, Freshdesk and
// Salesforce (their emulators on loopback), each checked against that CRM's expected outcome.
// Each CRM's own edge cases live in test/integration/<crm>/.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CRM_KINDS, type CrmKind } from '../../../common/protocol/index.js';
import { CRM_TARGETS, type CrmTarget, type NeutralRecord } from '../../../emulators/targets/index.js';
import { CrmRig } from '../../support/crm-rig.js';
import { session, chatSession } from '../../support/orchestration-fixtures.js';

/** REC-8 + REC-9 tags of an IVR call, per CRM format. */
const IVR_TAGS: Record<CrmKind, string[]> = {
  kustomer: ['Voice Inbound - IVR', 'AgentDesk'],
  zendesk: ['voice_inbound_ivr', 'agentdesk'],
  freshdesk: ['Voice Inbound (IVR)', 'AgentDesk'],
  salesforce: ['Voice Inbound (IVR)', 'AgentDesk'],
};
const VOICEMAIL_TAG: Record<CrmKind, string> = { kustomer: 'Voicemail', zendesk: 'voicemail', freshdesk: 'Voicemail', salesforce: 'Voicemail' };

const caller = (phone: string) => ({ phone, identifier: null, email: null, name: null });
const technical = { id: 'q-technical', name: 'Technical', path: ['Support', 'Technical'], leaf: true };

describe.each(CRM_KINDS)('rule matrix: %s', (kind) => {
  let target: CrmTarget;
  let rig: CrmRig;
  beforeEach(async () => {
    target = await CRM_TARGETS[kind]();
    rig = new CrmRig(target);
  });
  afterEach(async () => {
    await rig.stop();
    await target.close();
  });

  const byKey = (key: string): NeutralRecord => {
    const r = target.records().find((x) => x.key === key);
    if (!r) throw new Error(`no record with key ${key}: ${JSON.stringify(target.records().map((x) => x.key))}`);
    return r;
  };
  const joined = (r: NeutralRecord) => r.notes.join('\n');
  const expectNoFailures = () => expect(rig.events.filter((e) => e.state === 'failed').map((e) => e.error)).toEqual([]);

  it('KUS-3/KUS-4/KUS-7/KUS-8/KUS-10/REC-7/REC-8/REC-9: a call from an unknown number, end to end', async () => {
    const me = rig.agent(1);
    rig.hello(me, rig.settings());
    rig.send('session.assigned', { session: session({ customer: caller('010-1234-5678'), customData: { orderId: 'A-77' } }) });
    rig.send('session.connected', { sessionId: 'S-1001' });
    rig.send('session.ended', { sessionId: 'S-1001', durationSec: 95, waitSec: 12, holdSec: 0 });
    rig.send('session.recording', { sessionId: 'S-1001', url: 'http://cc.test/media/recordings/S-1001.wav', mimeType: 'audio/wav', durationSec: 95 });
    rig.send('session.csat', { sessionId: 'S-1001', rating: 4, comment: 'Quick' });
    await rig.idle();
    expectNoFailures();
    expect(target.records()).toHaveLength(1);
    expect(target.customerCount()).toBe(1);
    const r = byKey('S-1001');
    expect(r.subject).toBe('IVR call S-1001 - Support > Billing');
    expect(r.open).toBe(true);
    expect(r.assignee).toBe(me.crmUserId);
    expect([...r.tags].sort()).toEqual([...IVR_TAGS[kind]].sort());
    const f = target.fieldNames;
    expect(r.fields[f.queueName]).toBe('Billing');
    expect(r.fields[f.orderId]).toBe('A-77');
    expect(Number(r.fields[f.callDuration])).toBe(95);
    expect(Number(r.fields[f.csatRating])).toBe(4);
    expect(joined(r)).toContain('+821012345678');
    expect(joined(r)).toContain('S-1001.wav');
    expect(joined(r)).toMatch(/Customer satisfaction: 4\/5/);
    expect(rig.linked).toEqual([expect.objectContaining({ sessionId: 'S-1001', crm: kind, recordId: r.id })]);
  });

  it('REC-1: same caller, same leaf queue joins the open record; another leaf queue gets its own', async () => {
    rig.hello(rig.agent(1), rig.settings());
    rig.send('session.assigned', { session: session({ id: 'S-1', customer: caller('+821055550001') }) });
    await rig.idle();
    rig.send('session.assigned', { session: session({ id: 'S-2', customer: caller('+821055550001') }) });
    rig.send('session.assigned', { session: session({ id: 'S-3', customer: caller('+821055550001'), queue: technical, menuPath: 'Support > Technical' }) });
    await rig.idle();
    expectNoFailures();
    expect(target.records().map((r) => r.key).sort()).toEqual(['S-1', 'S-3']);
    expect(joined(byKey('S-1'))).toMatch(/IVR call S-2 was added to this record/);
    expect(rig.linked.find((l) => l.sessionId === 'S-2')?.recordId).toBe(byKey('S-1').id);
  });

  it('REC-2: a record closed within N days is reopened and the session joins it', async () => {
    rig.hello(rig.agent(1), rig.settings({ appendToClosedWithinDays: 3 }));
    rig.send('session.assigned', { session: session({ id: 'S-1', customer: caller('+821055550002') }) });
    await rig.idle();
    await target.closeRecord(byKey('S-1').id);
    expect(byKey('S-1').open).toBe(false);
    rig.send('session.assigned', { session: session({ id: 'S-2', customer: caller('+821055550002') }) });
    await rig.idle();
    expectNoFailures();
    expect(target.records()).toHaveLength(1);
    expect(byKey('S-1').open).toBe(true);
  });

  it('REC-1 with REC-2 off: a closed record is not reopened; the session gets a new one', async () => {
    rig.hello(rig.agent(1), rig.settings({ appendToClosedWithinDays: 0 }));
    rig.send('session.assigned', { session: session({ id: 'S-1', customer: caller('+821055550003') }) });
    await rig.idle();
    await target.closeRecord(byKey('S-1').id);
    rig.send('session.assigned', { session: session({ id: 'S-2', customer: caller('+821055550003') }) });
    await rig.idle();
    expect(target.records().map((r) => [r.key, r.open]).sort()).toEqual([['S-1', false], ['S-2', true]]);
  });

  it('KUS-5: a voicemail is always a new record, even with an open one in the same queue; closing it closes the record', async () => {
    rig.hello(rig.agent(1), rig.settings());
    rig.send('session.assigned', { session: session({ id: 'S-1', customer: caller('+821055550004') }) });
    await rig.idle();
    rig.send('voicemail.created', { voicemail: { id: 'VM-1', customer: caller('+821055550004'), queue: session().queue, menuPath: 'Support > Billing', language: 'ko', dialedNumber: '+82215881234', recordingUrl: 'http://cc.test/vm/VM-1.wav', durationSec: 20 } });
    rig.send('voicemail.updated', { voicemailId: 'VM-1', action: 'closed', by: { id: 'ag-1001', email: 'agent1@acme.test' } });
    await rig.idle();
    expectNoFailures();
    expect(target.records()).toHaveLength(2);
    const vm = byKey('vm:VM-1');
    expect(vm.tags).toContain(VOICEMAIL_TAG[kind]);
    expect(vm.open).toBe(false);
    expect(joined(vm)).toMatch(/VM-1\.wav/);
  });

  it('KUS-9: the chat transcript is attached as a file at chat end', async () => {
    rig.hello(rig.agent(1), rig.settings());
    rig.send('session.assigned', { session: chatSession() });
    rig.send('session.connected', { sessionId: 'C-2001' });
    rig.send('session.message', { sessionId: 'C-2001', message: { id: 'm1', from: 'consumer', text: 'My order is late', attachments: [] } });
    rig.send('session.ended', { sessionId: 'C-2001', durationSec: 40, waitSec: 2, holdSec: 0 });
    await rig.idle();
    expectNoFailures();
    expect(byKey('C-2001').files).toContain('chat-transcript-C-2001.txt');
  });

  it('KUS-6: a transfer reassigns the record to the receiving agent', async () => {
    rig.hello(rig.agent(1), rig.settings());
    rig.send('session.assigned', { session: session() });
    await rig.idle();
    const r = byKey('S-1001');
    const other = new CrmRig(target);
    const a1 = rig.agent(1);
    const a2 = other.agent(2);
    other.hello(a2, other.settings());
    other.send('session.record', { sessionId: 'S-1001', crm: kind, recordId: r.id, customerId: r.customerId, url: 'u' });
    other.send('session.transferred', { sessionId: 'S-1001', session: session(), fromAgent: { id: a1.id, email: a1.email, crmUserId: a1.crmUserId }, toAgent: { id: a2.id, email: a2.email, crmUserId: a2.crmUserId } });
    await other.idle();
    await other.stop();
    expect(byKey('S-1001').assignee).toBe(a2.crmUserId);
  });

  it('REC-5: an abandoned call in the queue gets a new, unassigned record', async () => {
    rig.hello({ id: 'o1', email: 'orchestrator@acme.test', name: 'Orchestrator', roles: ['orchestrator'], crmUserId: null }, rig.settings({ abandonedCalls: true }));
    const s = session({ id: 'S-9', customer: caller('+821055550009') });
    rig.send('session.abandoned', { sessionId: 'S-9', session: s, short: true, stage: 'queued', consumerMessages: 0 });
    await rig.idle();
    expectNoFailures();
    const r = byKey('S-9');
    expect(r.assignee === null || r.assignee !== rig.agent(1).crmUserId).toBe(true);
    expect(joined(r)).toMatch(/short abandon/);
  });

  it('REL-1: the create is committed but its reply is lost: one record after the retry', async () => {
    target.fault({ ...target.createRequest, kind: 'commit_then_drop', times: 1 });
    rig.hello(rig.agent(1), rig.settings());
    rig.send('session.assigned', { session: session({ id: 'S-5', customer: caller('+821055550005') }) });
    rig.send('session.ended', { sessionId: 'S-5', durationSec: 5, waitSec: 1, holdSec: 0 });
    await rig.idle();
    expectNoFailures();
    expect(target.records()).toHaveLength(1);
    expect(target.customerCount()).toBe(1);
    expect(joined(byKey('S-5'))).not.toMatch(/was added to this record/);
    expect(target.faultsFired()).toBe(1);
  });

  it('REL-1: 429 then 503 on the create, then success: one record', async () => {
    target.fault([
      { ...target.createRequest, kind: 'rate_limit', retryAfterSec: 1, times: 1 },
      { ...target.createRequest, kind: 'status', status: 503, times: 1 },
    ]);
    rig.hello(rig.agent(1), rig.settings());
    rig.send('session.assigned', { session: session({ id: 'S-6', customer: caller('+821055550006') }) });
    await rig.idle();
    expectNoFailures();
    expect(target.records()).toHaveLength(1);
    expect(rig.events.filter((e) => e.state === 'retrying').length).toBeGreaterThanOrEqual(2);
    expect(target.faultsFired()).toBe(2);
  });
});
