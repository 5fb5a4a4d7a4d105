// ADMIN-1 through the core: settings saved through the simulator (`settings.update`), IT's locked
// settings refused (IT-1), the rules preview, KUS-2 custom fields created in the Kustomer emulator
// with per-field results, and the CRM's user statuses (SYNC-1).
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../common/protocol/index.js';
import { parseManagedConfig } from '../../../main/app/managed-config.js';
import { memorySecrets } from '../../../main/app/memory-secrets.js';
import { CoreRig } from './core-rig.js';

let rig: CoreRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const ADMIN = { email: 'boss@acme.test', roles: ['agent', 'admin'] };

function edited(s: Settings, change: (x: Settings) => void): Settings {
  const copy = structuredClone(s);
  change(copy);
  return copy;
}

describe('app core: admin', () => {
  it('admin:saveSettings round trip: the simulator stores the settings and pushes them back into the state', async () => {
    rig = await CoreRig.start(ADMIN);
    const s0 = await rig.ready();
    const next = edited(s0.settings, (x) => {
      x.recordCreation.abandonedCalls = true;
      x.recordCreation.subjectTemplate = '{CALL_ID} from the desk';
    });
    expect(await rig.call('admin:saveSettings', { settings: next })).toEqual({ ok: true, value: {} });
    const s1 = await rig.until((s) => s.settings.recordCreation.subjectTemplate === '{CALL_ID} from the desk', 'settings pushed');
    expect(s1.settings.recordCreation.abandonedCalls).toBe(true);
    expect(rig.sim.settings().recordCreation.subjectTemplate).toBe('{CALL_ID} from the desk');
  });

  it('a plain agent cannot save settings: the simulator refuses and the reply says so', async () => {
    rig = await CoreRig.start();
    const s0 = await rig.ready();
    const r = await rig.call('admin:saveSettings', { settings: edited(s0.settings, (x) => (x.recordCreation.abandonedCalls = true)) });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(rig.sim.settings().recordCreation.abandonedCalls).toBe(false);
  });

  it('IT-1: overrides apply on this machine, locked paths are exposed and refused, and local overrides never reach the contact center', async () => {
    const managed = parseManagedConfig({ settings: { recordCreation: { platformTag: 'ACME-IT' } }, locked: ['recordCreation.abandonedCalls', 'statusSync'] }, '/etc/agentdesk/managed-config.json');
    expect(managed.error).toBeNull();
    rig = await CoreRig.start({ ...ADMIN, core: { managed } });
    const s0 = await rig.ready();
    expect(s0.settings.recordCreation.platformTag).toBe('ACME-IT');
    expect(s0.lockedSettings).toEqual(expect.arrayContaining(['recordCreation.abandonedCalls', 'recordCreation.platformTag', 'statusSync.enabled', 'statusSync.mapping']));

    const locked = await rig.call('admin:saveSettings', { settings: edited(s0.settings, (x) => (x.recordCreation.abandonedCalls = true)) });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('recordCreation.abandonedCalls') } });
    if (!locked.ok) expect(locked.error.text?.ko).toContain('recordCreation.abandonedCalls');
    const overridden = await rig.call('admin:saveSettings', { settings: edited(s0.settings, (x) => (x.recordCreation.platformTag = 'OTHER')) });
    expect(overridden).toMatchObject({ ok: false, error: { code: 'locked' } });
    const mapping = await rig.call('admin:saveSettings', { settings: edited(s0.settings, (x) => (x.statusSync.mapping = { Busy: 'away' })) });
    expect(mapping).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('statusSync.mapping') } });

    // An unlocked change goes through, with the contact center's own platform tag, not IT's.
    const ok = await rig.call('admin:saveSettings', { settings: edited(s0.settings, (x) => (x.recordCreation.chatMinConsumerMessages = 2)) });
    expect(ok).toEqual({ ok: true, value: {} });
    expect(rig.sim.settings().recordCreation.chatMinConsumerMessages).toBe(2);
    expect(rig.sim.settings().recordCreation.platformTag).toBe('AgentDesk');
    const s1 = await rig.until((s) => s.settings.recordCreation.chatMinConsumerMessages === 2, 'pushed');
    expect(s1.settings.recordCreation.platformTag).toBe('ACME-IT');
  });

  it('IT-1: an invalid managed configuration fails closed: settings cannot be saved, and the agent is told', async () => {
    const managed = parseManagedConfig({ settings: { recordCreation: { abandonedCals: true } }, locked: ['nope'] }, '/etc/agentdesk/managed-config.json');
    expect(managed.error).toMatch(/abandonedCals/);
    expect(managed.error).toMatch(/nope/);
    rig = await CoreRig.start({ ...ADMIN, core: { managed } });
    const s0 = await rig.ready();
    expect(s0.notices.some((n) => n.key === 'app.managedConfigInvalid' && n.level === 'error')).toBe(true);
    const r = await rig.call('admin:saveSettings', { settings: s0.settings });
    expect(r).toMatchObject({ ok: false, error: { code: 'managed_config_invalid' } });
  });

  it('admin:previewRules runs the rules over the sample without touching the CRM', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    const settings = edited(defaultSettings(), (x) => {
      x.recordCreation.chatMinConsumerMessages = 2;
      x.recordCreation.subjectTemplate = '{CALL_TYPE} {CALL_ID}';
      x.customFields.record = { callDuration: 'callDurationNum' };
    });
    const session = {
      id: 'S-PREVIEW', channel: 'chat' as const, type: 'chat_inbound_web' as const,
      queue: { id: 'q-chat', name: 'Web chat', path: ['Chat', 'Web chat'], leaf: true },
      menuPath: 'Chat > Web chat', language: 'en', dialedNumber: null,
      customer: { phone: null, identifier: null, email: 'c@example.com', name: 'Chloe' },
      customData: {}, startedAt: '2026-11-21T09:00:00Z', recordingEnabled: false, callback: null, sipCallHeader: 'X-Session-Id',
    };
    const before = rig.kustomer.requests().length;
    const r = await rig.must('admin:previewRules', {
      settings,
      sample: {
        session,
        steps: [
          { event: 'assigned' },
          { event: 'connected' },
          { event: 'message', from: 'consumer', text: 'hi' },
          { event: 'message', from: 'agent', text: 'hello' },
          { event: 'message', from: 'consumer', text: 'my order' },
          { event: 'ended', durationSec: 120 },
        ],
      },
    });
    const open = r.operations.filter((o) => o.kind === 'openRecord');
    expect(open).toHaveLength(1);
    expect(open[0]?.step).toBe(4); // REC-4: the second consumer message
    expect(open[0]?.summary).toContain('S-PREVIEW');
    expect(r.operations.some((o) => o.step === 5 && o.kind === 'attachFile')).toBe(true); // KUS-9 transcript
    expect(r.trace.some((t) => t.step === 0 && /REC-4/.test(t.rule))).toBe(true);
    expect(r.trace.some((t) => t.step === 4 && /consumer message 2/.test(t.rule))).toBe(true);
    expect(rig.kustomer.requests().length).toBe(before);
  });

  it('admin:createCustomFields: per-field results (created, exists, refused, unknown), then the fields are mapped', async () => {
    rig = await CoreRig.start({ ...ADMIN, kustomer: { metadata: { conversation: { queueNameStr: { displayName: 'Queue' } } } } });
    await rig.ready();
    rig.kustomer.fault({ method: 'PUT', path: '/v1/metadata/customer', kind: 'status', status: 403, times: 1 });
    const r = await rig.must('admin:createCustomFields', { fields: ['queueName', 'callDuration', 'csatComment', 'customUserId', 'shoeSize'] });
    expect(r.results).toEqual([
      { field: 'queueName', crmName: 'queueNameStr', state: 'exists', error: null },
      { field: 'callDuration', crmName: 'callDurationNum', state: 'created', error: null },
      { field: 'csatComment', crmName: 'csatCommentTxt', state: 'created', error: null },
      { field: 'customUserId', crmName: 'customUserIdStr', state: 'failed', error: expect.stringContaining('403') },
      { field: 'shoeSize', crmName: '', state: 'failed', error: expect.stringContaining('not a KUS-2 standard field') },
    ]);
    const meta = rig.kustomer.store.metadata.get('conversation');
    expect(meta?.get('callDurationNum')?.type).toBeDefined();
    expect(meta?.get('csatCommentTxt')).toBeDefined();
    const s = await rig.until((x) => x.settings.customFields.record.callDuration === 'callDurationNum', 'mapped');
    expect(s.settings.customFields.record).toMatchObject({ queueName: 'queueNameStr', csatComment: 'csatCommentTxt' });
    expect(s.notices.some((n) => n.key === 'admin.fieldsMapped')).toBe(true);
  });

  it('admin:createCustomFields needs an admin, and a CRM key', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    expect(await rig.call('admin:createCustomFields', { fields: ['queueName'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await rig.close();
    rig = await CoreRig.start({ ...ADMIN, secrets: memorySecrets({}) });
    await rig.ready();
    expect(await rig.call('admin:createCustomFields', { fields: ['queueName'] })).toMatchObject({ ok: false, error: { code: 'crm_unavailable', message: expect.stringMatching(/API key/) } });
  });

  it('admin:listCrmStatuses lists the Kustomer user statuses', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    const r = await rig.must('admin:listCrmStatuses', {});
    expect(r.statuses).toEqual(expect.arrayContaining([{ name: 'Available', statusType: 'available' }, { name: 'Lunch', statusType: 'unavailable' }, { name: 'Busy', statusType: 'busy' }]));
  });
});
