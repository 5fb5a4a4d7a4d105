// CSAT / SmartAction to the agent while the session is with it, to orchestrators (after
// session.record) once it ended; SmartAction files served; voicemail events.
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS } from '../../../emulators/contact-center/index.js';
import { AGENT1, ORCHESTRATOR, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('CSAT and SmartAction routing', () => {
  it('go to the handling agent while connected, to orchestrators with session.record after the end', async () => {
    h = await startHarness();
    const orch = await h.agent(ORCHESTRATOR);
    const a1 = await h.agent(AGENT1, { autoAccept: true });
    const id = h.sim.inbound({ type: 'voice_inbound_ivr', phone: '+821012345678', queueId: QUEUE_IDS.billing });
    await a1.waitFor('session.connected');
    h.sim.smartAction(id, { type: 'verify_identity', status: 'failed', error: 'user cancelled' });
    expect((await a1.waitFor('session.smartAction')).action).toMatchObject({ type: 'verify_identity', status: 'failed', error: 'user cancelled', files: [] });

    const link = { sessionId: id, crm: 'zendesk' as const, recordId: '4711', customerId: null, url: 'https://acme.zendesk.com/agent/tickets/4711' };
    expect(await a1.command('record.linked', link)).toEqual({ ok: true });
    await a1.end(id);
    h.sim.csat(id, 4, 'Quick and kind');
    const actionId = h.sim.smartAction(id, {
      type: 'photo_upload',
      status: 'completed',
      result: { verified: true },
      files: [{ name: 'receipt.txt', mimeType: 'text/plain', content: 'total 42' }],
    });

    expect(await orch.waitFor('session.csat')).toMatchObject({ sessionId: id, rating: 4, comment: 'Quick and kind' });
    const sa = await orch.waitFor('session.smartAction');
    expect(sa.action).toMatchObject({ id: actionId, status: 'completed', result: { verified: true } });
    const names = orch.events.map((e) => e.name).filter((n) => n.startsWith('session.'));
    expect(names).toEqual(['session.record', 'session.csat', 'session.record', 'session.smartAction']);
    expect(orch.of('session.record')[0]).toMatchObject(link);
    expect(a1.of('session.csat')).toEqual([]);

    const file = sa.action.files[0];
    expect(file).toMatchObject({ name: 'receipt.txt', mimeType: 'text/plain' });
    const res = await fetch(file?.url ?? '');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('total 42');
  });

  it('rejects bad ratings and unknown sessions', async () => {
    h = await startHarness();
    expect(() => h.sim.csat('S-1', 3)).toThrow(/unknown session/);
    const id = h.sim.inbound({ type: 'chat_inbound_app', identifier: 'u', queueId: QUEUE_IDS.appChat });
    expect(() => h.sim.csat(id, 6)).toThrow(/rating/);
  });
});

describe('voicemail', () => {
  it('voicemail.created and voicemail.updated go to orchestrators; the recording is served', async () => {
    h = await startHarness();
    const orch = await h.agent(ORCHESTRATOR);
    const a1 = await h.agent(AGENT1);
    const vmId = h.sim.voicemail({ phone: '+82 10-5555-0101', queueId: QUEUE_IDS.billing, language: 'ko', dialedNumber: '+82215881234', durationSec: 31 });
    const created = await orch.waitFor('voicemail.created');
    expect(created.voicemail).toMatchObject({
      id: vmId,
      customer: { phone: '+821055550101' },
      queue: { id: QUEUE_IDS.billing },
      menuPath: 'Support > Billing',
      language: 'ko',
      durationSec: 31,
    });
    const res = await fetch(created.voicemail.recordingUrl);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString('ascii', 0, 4)).toBe('RIFF');

    h.sim.voicemailUpdate(vmId, 'called_back', AGENT1);
    expect(await orch.waitFor('voicemail.updated')).toMatchObject({ voicemailId: vmId, action: 'called_back', by: { id: 'ag-1001', email: AGENT1 } });
    expect(a1.of('voicemail.created')).toEqual([]);
    expect(() => h.sim.voicemailUpdate('VM-1', 'read', AGENT1)).toThrow(/unknown voicemail/);
  });

  it('is retained for an orchestrator that connects later', async () => {
    h = await startHarness();
    const vmId = h.sim.voicemail({ phone: '+821000000001' });
    const orch = h.raw(ORCHESTRATOR, { lastSeq: 0 });
    expect((await orch.waitFor('voicemail.created')).voicemail.id).toBe(vmId);
  });
});
