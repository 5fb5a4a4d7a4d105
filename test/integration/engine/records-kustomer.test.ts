// The orchestration engine end to end against the Kustomer emulator on loopback: the records a
// session leaves behind (REC-1, REC-2, KUS-3, KUS-5, KUS-7, KUS-8, KUS-9, KUS-10) and that
// record.linked goes back to the contact center.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineRig, kustomerForAgents, APP_URL } from '../../support/engine-harness.js';
import { session, chatSession, settings, AGENT, AGENT2 } from '../../support/orchestration-fixtures.js';
import type { KustomerEmulator } from '../../../emulators/kustomer/index.js';

let emu: KustomerEmulator;
let rig: EngineRig;
beforeEach(async () => {
  emu = await kustomerForAgents();
  rig = new EngineRig(emu);
});
afterEach(async () => {
  await rig.engine.stop(1000);
  await emu.close();
});

const withFields = settings({ appendToClosedWithinDays: 3 }, {
  customFields: { customer: { customUserId: 'customUserIdStr' }, record: { queueName: 'queueNameStr', callDuration: 'callDurationNum', csatRating: 'csatRatingNum' } },
  customDataMapping: { orderId: 'orderIdStr' },
});

describe('a voice session against Kustomer', () => {
  it('KUS-7/KUS-8/KUS-3/KUS-10: unknown caller -> customer in E.164, conversation assigned, details note, recording, durations, record.linked', async () => {
    rig.hello(AGENT, withFields);
    rig.send('session.assigned', { session: session({ customer: { phone: '010-1234-5678', identifier: null, email: null, name: null }, customData: { orderId: 'A-77' } }) });
    rig.send('session.connected', { sessionId: 'S-1001' });
    rig.send('session.ended', { sessionId: 'S-1001', durationSec: 95, waitSec: 12, holdSec: 0 });
    rig.send('session.recording', { sessionId: 'S-1001', url: 'http://cc.test/media/recordings/S-1001.wav', mimeType: 'audio/wav', durationSec: 95 });
    await rig.idle();

    const customers = [...emu.store.customers.values()];
    expect(customers).toHaveLength(1);
    expect(customers[0]?.phones.map((p) => p.phone)).toEqual(['+821012345678']);
    const [conv] = rig.conversations();
    expect(conv).toMatchObject({
      externalId: 'S-1001',
      name: 'IVR call S-1001 - Support > Billing',
      status: 'open',
      assignedUsers: [AGENT.crmUserId],
      tags: ['Voice Inbound - IVR', 'AgentDesk'],
    });
    expect(conv?.custom).toMatchObject({ queueNameStr: 'Billing', orderIdStr: 'A-77', callDurationNum: 95, agentdeskLeafQueueStr: 'q-billing', agentdeskChannelStr: 'voice' });
    const notes = rig.notes(conv!.id).map((n) => n.body);
    expect(notes[0]).toMatch(/Phone: \+821012345678/);
    expect(notes.some((b) => b.includes('S-1001.wav'))).toBe(true);
    expect(rig.linked).toEqual([{ sessionId: 'S-1001', crm: 'kustomer', recordId: conv!.id, customerId: customers[0]!.id, url: `${APP_URL}/app/conversations/${conv!.id}` }]);
  });

  it('REC-1: a second call from the same caller in the same leaf queue joins the open record; another queue gets its own', async () => {
    rig.hello(AGENT, withFields);
    rig.send('session.assigned', { session: session({ id: 'S-1' }) });
    await rig.idle();
    rig.send('session.assigned', { session: session({ id: 'S-2' }) });
    rig.send('session.assigned', { session: session({ id: 'S-3', queue: { id: 'q-tech', name: 'Technical', path: ['Support', 'Technical'], leaf: true } }) });
    await rig.idle();
    const convs = rig.conversations();
    expect(convs.map((c) => c.externalId).sort()).toEqual(['S-1', 'S-3']);
    const first = convs.find((c) => c.externalId === 'S-1')!;
    expect(rig.notes(first.id).some((n) => n.body.startsWith('IVR call S-2 was added to this record.'))).toBe(true);
    expect(rig.linked.find((l) => l.sessionId === 'S-2')?.recordId).toBe(first.id);
  });

  it('REC-2: a record closed within N days is reopened and the session appended', async () => {
    rig.hello(AGENT, withFields);
    rig.send('session.assigned', { session: session({ id: 'S-1' }) });
    await rig.idle();
    const conv = rig.conversations()[0]!;
    const res = await fetch(`${emu.url}/v1/conversations/${conv.id}`, { method: 'PATCH', headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'done' }) });
    expect(res.status).toBe(200);
    rig.send('session.assigned', { session: session({ id: 'S-2' }) });
    await rig.idle();
    expect(rig.conversations()).toHaveLength(1);
    expect(emu.store.conversations.get(conv.id)?.status).toBe('open');
  });

  it('REC-1 off: every session gets its own record', async () => {
    rig.hello(AGENT, settings({ appendToOpenRecordSameLeafQueue: false }));
    rig.send('session.assigned', { session: session({ id: 'S-1' }) });
    rig.send('session.assigned', { session: session({ id: 'S-2' }) });
    await rig.idle();
    expect(rig.conversations()).toHaveLength(2);
  });

  it('KUS-6 transfer: the receiving agent reassigns the record', async () => {
    rig.hello(AGENT, withFields);
    rig.send('session.assigned', { session: session() });
    await rig.idle();
    const conv = rig.conversations()[0]!;
    const other = new EngineRig(emu);
    other.hello(AGENT2, withFields);
    other.send('session.record', { sessionId: 'S-1001', crm: 'kustomer', recordId: conv.id, customerId: conv.customerId, url: 'u' });
    other.send('session.transferred', { sessionId: 'S-1001', session: session(), fromAgent: { id: AGENT.id, email: AGENT.email, crmUserId: AGENT.crmUserId }, toAgent: { id: AGENT2.id, email: AGENT2.email, crmUserId: AGENT2.crmUserId } });
    await other.idle();
    await other.engine.stop(1000);
    expect(emu.store.conversations.get(conv.id)?.assignedUsers).toEqual([AGENT2.crmUserId]);
  });
});

describe('a chat session against Kustomer', () => {
  it('KUS-9: transcript attached as a file at chat end, through the three-step upload', async () => {
    rig.hello(AGENT, settings());
    rig.send('session.assigned', { session: chatSession() });
    rig.send('session.connected', { sessionId: 'C-2001' });
    rig.send('session.message', { sessionId: 'C-2001', message: { id: 'm1', from: 'consumer', text: '배송이 늦어요', attachments: [] } });
    rig.send('session.message', { sessionId: 'C-2001', message: { id: 'm2', from: 'agent', text: '확인해 드릴게요', attachments: [] } });
    rig.send('session.ended', { sessionId: 'C-2001', durationSec: 40, waitSec: 2, holdSec: 0 });
    await rig.idle();
    const [conv] = rig.conversations();
    expect(conv?.custom).toMatchObject({ agentdeskChannelStr: 'chat', agentdeskLeafQueueStr: 'q-webchat' });
    const withFile = rig.notes(conv!.id).find((n) => n.attachments.length > 0);
    expect(withFile?.attachments[0]).toMatchObject({ name: 'chat-transcript-C-2001.txt', contentType: 'text/plain' });
    const att = emu.store.attachments.get(withFile!.attachments[0]!._id);
    expect(Buffer.from(att!.bytes ?? []).toString('utf8')).toMatch(/Customer: 배송이 늦어요[\s\S]*Agent: 확인해 드릴게요/);
  });
});

describe('KUS-5 voicemail on the orchestrator', () => {
  it('always a new record, even with an open one in the same queue; closed when the voicemail is closed', async () => {
    rig.hello(AGENT, settings());
    rig.send('session.assigned', { session: session({ id: 'S-1', customer: { phone: '+821055556666', identifier: null, email: null, name: null } }) });
    await rig.idle(); // an open record from the same leaf queue exists now
    rig.send('voicemail.created', { voicemail: { id: 'VM-1', customer: { phone: '+821055556666', identifier: null, email: null, name: null }, queue: session().queue, menuPath: 'Support > Billing', language: 'ko', dialedNumber: '+82215881234', recordingUrl: 'http://cc.test/vm/VM-1.wav', durationSec: 20 } });
    rig.send('voicemail.updated', { voicemailId: 'VM-1', action: 'closed', by: { id: AGENT.id, email: AGENT.email } });
    await rig.idle();
    expect(rig.events.filter((e) => e.state === 'failed')).toEqual([]);
    const convs = rig.conversations();
    expect(convs).toHaveLength(2);
    expect(new Set(convs.map((c) => c.customerId)).size).toBe(1);
    const vm = convs.find((c) => c.externalId === 'vm:VM-1')!;
    expect(vm.status).toBe('done');
    expect(vm.tags).toContain('Voicemail');
    expect(rig.notes(vm.id).map((n) => n.body).join('\n')).toMatch(/Voicemail closed by/);
  });
});
