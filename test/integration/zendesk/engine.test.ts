// The orchestration engine end to end with the Zendesk adapter and emulator: the tickets a
// session leaves behind (REC-1, REC-2 reopen and follow-up, REC-8, REC-9, KUS-3, KUS-7, KUS-8,
// KUS-9, KUS-10), phone formats, and record.linked back to the contact center.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZendeskEmulator } from '../../../emulators/zendesk/index.js';
import { chatSession, session, settings } from '../../support/orchestration-fixtures.js';
import { ZendeskEngineRig, ZD_AGENT } from './engine-rig.js';
import { AGENT_A, APP_URL, FIELD_DURATION, FIELD_QUEUE, start } from './helpers.js';

let emu: ZendeskEmulator;
let rig: ZendeskEngineRig;
const CALLER = 361000000970;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const stamps = ['agentdesk_channel_voice', 'agentdesk_queue_q_2dbilling'];

beforeEach(async () => {
  emu = await start({ seed: { users: [{ id: CALLER, name: 'Known Caller', phone: '010-1234-5678', role: 'end-user' }] } });
  rig = new ZendeskEngineRig(emu);
});
afterEach(async () => {
  await rig.dispose();
  await emu.close();
});

const withFields = (rc = {}, crm = {}) =>
  settings(
    { appendToClosedWithinDays: 7, ...rc },
    { crm: { kind: 'zendesk', ...crm }, customFields: { customer: {}, record: { queueName: 'Queue name', callDuration: 'Call duration' } } },
  );

describe('a voice session against Zendesk', () => {
  it('KUS-7/KUS-8/KUS-3/KUS-10/REC-8/REC-9: unknown caller -> end user in E.164, ticket assigned and tagged, private details note, durations, record.linked', async () => {
    rig.hello(ZD_AGENT, withFields());
    rig.send('session.assigned', { session: session({ customer: { phone: '010-9876-5432', identifier: null, email: null, name: null } }) });
    rig.send('session.connected', { sessionId: 'S-1001' });
    rig.send('session.ended', { sessionId: 'S-1001', durationSec: 95, waitSec: 12, holdSec: 0 });
    await rig.idle();
    const caller = [...emu.store.users.values()].find((u) => u.external_id === 'agentdesk:phone:+821098765432');
    expect(caller).toMatchObject({ phone: '+821098765432', role: 'end-user' });
    const [t] = rig.tickets();
    expect(t).toMatchObject({ external_id: 'S-1001', subject: 'IVR call S-1001 - Support > Billing', requester_id: caller?.id, assignee_id: AGENT_A, status: 'open' });
    expect(t?.tags).toEqual(['voice_inbound_ivr', 'agentdesk', ...stamps]);
    expect(t?.custom_fields.get(FIELD_QUEUE)).toBe('Billing');
    expect(t?.custom_fields.get(FIELD_DURATION)).toBe(95);
    const comments = emu.store.commentsOf(t!.id);
    expect(comments.every((c) => !c.public)).toBe(true);
    expect(comments.map((c) => c.body).join('\n')).toMatch(/Phone: \+821098765432/);
    expect(rig.linked).toEqual([{ sessionId: 'S-1001', crm: 'zendesk', recordId: String(t!.id), customerId: String(caller!.id), url: `${APP_URL}/agent/tickets/${t!.id}` }]);
  });

  it('REC-1: a second call from the same caller in the same leaf queue joins the open ticket; another queue gets its own', async () => {
    rig.hello(ZD_AGENT, withFields());
    rig.send('session.assigned', { session: session({ id: 'S-1' }) });
    await rig.idle();
    rig.send('session.assigned', { session: session({ id: 'S-2' }) });
    rig.send('session.assigned', { session: session({ id: 'S-3', queue: { id: 'q-tech', name: 'Technical', path: ['Support', 'Technical'], leaf: true } }) });
    await rig.idle();
    const tickets = rig.tickets();
    expect(tickets.map((t) => t.external_id).sort()).toEqual(['S-1', 'S-3']);
    const first = tickets.find((t) => t.external_id === 'S-1')!;
    expect(first.requester_id).toBe(CALLER);
    expect(rig.comments(first.id).some((b) => b.startsWith('IVR call S-2 was added to this record.'))).toBe(true);
    expect(rig.linked.find((l) => l.sessionId === 'S-2')?.recordId).toBe(String(first.id));
  });

  it('REC-2: a ticket solved within N days is reopened (status open) and the session appended', async () => {
    emu = await restartWith([{ id: 70, subject: 'earlier', status: 'solved', requester_id: CALLER, created_at: ago(3 * DAY), solved_at: ago(2 * DAY), tags: stamps }]);
    rig.hello(ZD_AGENT, withFields());
    rig.send('session.assigned', { session: session({ id: 'S-2' }) });
    await rig.idle();
    expect(rig.tickets()).toHaveLength(1);
    expect(emu.store.tickets.get(70)).toMatchObject({ status: 'open', assignee_id: AGENT_A });
    expect(emu.store.tickets.get(70)?.metrics.reopens).toBe(1);
    expect(rig.comments(70).some((b) => b.startsWith('IVR call S-2 was added to this record.'))).toBe(true);
  });

  it('REC-2: a ticket closed within N days cannot be reopened: the session gets a follow-up ticket (via_followup_source_id)', async () => {
    emu = await restartWith([{ id: 71, subject: 'earlier', status: 'closed', requester_id: CALLER, created_at: ago(6 * DAY), solved_at: ago(5 * DAY), tags: stamps }]);
    rig.hello(ZD_AGENT, withFields());
    rig.send('session.assigned', { session: session({ id: 'S-3' }) });
    await rig.idle();
    const followUp = rig.tickets().find((t) => t.external_id === 'S-3');
    expect(followUp?.via.source).toMatchObject({ rel: 'follow_up', from: { ticket_id: 71 } });
    expect(emu.store.tickets.get(71)?.followup_ids).toEqual([followUp?.id]);
    expect(emu.store.tickets.get(71)?.status).toBe('closed');
    expect(rig.linked[0]?.recordId).toBe(String(followUp?.id));
  });

  it('REC-2: closed longer ago than N days (measured from the solve time) -> a new ticket, no follow-up link', async () => {
    emu = await restartWith([{ id: 72, subject: 'long ago', status: 'closed', requester_id: CALLER, created_at: ago(20 * DAY), solved_at: ago(10 * DAY), tags: stamps }]);
    rig.hello(ZD_AGENT, withFields());
    rig.send('session.assigned', { session: session({ id: 'S-4' }) });
    await rig.idle();
    expect(rig.tickets().find((t) => t.external_id === 'S-4')?.via.source.rel).toBeNull();
    expect(emu.store.tickets.get(72)?.followup_ids).toEqual([]);
  });

  it('the admin\'s phone format (settings.crm.phoneFormat: national) is how a new caller\'s number is written', async () => {
    rig.hello(ZD_AGENT, withFields({}, { phoneFormat: 'national' }));
    rig.send('session.assigned', { session: session({ customer: { phone: '+82 10-2222-3333', identifier: null, email: null, name: null } }) });
    await rig.idle();
    expect([...emu.store.users.values()].find((u) => u.external_id === 'agentdesk:phone:+821022223333')?.phone).toBe('010-2222-3333');
  });
});

describe('a chat session against Zendesk', () => {
  it('KUS-9: the transcript is attached at chat end through an upload token', async () => {
    rig.hello(ZD_AGENT, withFields());
    rig.send('session.assigned', { session: chatSession() });
    rig.send('session.connected', { sessionId: 'C-2001' });
    rig.send('session.message', { sessionId: 'C-2001', message: { id: 'm1', from: 'consumer', text: '배송이 늦어요', attachments: [] } });
    rig.send('session.ended', { sessionId: 'C-2001', durationSec: 40, waitSec: 2, holdSec: 0 });
    await rig.idle();
    const [t] = rig.tickets();
    expect(t?.tags).toContain('agentdesk_channel_chat');
    const withFile = emu.store.commentsOf(t!.id).find((c) => c.attachment_ids.length > 0);
    const att = emu.store.attachments.get(withFile!.attachment_ids[0]!);
    expect(att).toMatchObject({ file_name: 'chat-transcript-C-2001.txt', content_type: 'text/plain' });
    expect(att?.bytes.toString('utf8')).toMatch(/Customer: 배송이 늦어요/);
  });
});

async function restartWith(tickets: NonNullable<NonNullable<Parameters<typeof start>[0]>['seed']>['tickets']): Promise<ZendeskEmulator> {
  await rig.dispose();
  await emu.close();
  const next = await start({ seed: { users: [{ id: CALLER, name: 'Known Caller', phone: '010-1234-5678', role: 'end-user' }], tickets } });
  rig = new ZendeskEngineRig(next);
  return next;
}
