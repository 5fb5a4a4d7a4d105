// Extension `settings.update` (docs/protocol-extensions.md): admins and supervisors save the whole
// settings object from the desktop; the server pushes `settings` to every identity.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../common/protocol/index.js';
import { AGENT1, AGENT2, SUPERVISOR, startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

function changed() {
  const s = defaultSettings();
  s.recordCreation.abandonedCalls = true;
  s.recordCreation.subjectTemplate = '{CALL_ID} saved by admin';
  s.statusSync.mapping = { Available: 'available' };
  return s;
}

describe('settings.update (extension)', () => {
  it('an admin saves the settings; every connected identity gets `settings`, the simulator keeps them', async () => {
    h = await startHarness();
    const admin = await h.agent('boss@acme.test', { roles: ['agent', 'admin'] });
    const other = await h.agent(AGENT2);
    const mark = other.mark();
    const ack = await admin.command('settings.update', { settings: changed() });
    expect(ack).toEqual({ ok: true });
    const pushed = await other.waitFor('settings', () => true, { after: mark });
    expect(pushed.settings.recordCreation.subjectTemplate).toBe('{CALL_ID} saved by admin');
    const own = await admin.waitFor('settings', (p) => p.settings.recordCreation.abandonedCalls);
    expect(own.settings.statusSync.mapping).toEqual({ Available: 'available' });
    expect(h.sim.settings().recordCreation.subjectTemplate).toBe('{CALL_ID} saved by admin');
  });

  it('a supervisor may save the settings too', async () => {
    h = await startHarness();
    const sup = await h.agent(SUPERVISOR);
    expect(await sup.command('settings.update', { settings: changed() })).toEqual({ ok: true });
    expect(h.sim.settings().recordCreation.abandonedCalls).toBe(true);
  });

  it('a plain agent is refused with forbidden and nothing changes', async () => {
    h = await startHarness();
    const agent = await h.agent(AGENT1);
    const before = h.sim.settings();
    const ack = await agent.command('settings.update', { settings: changed() });
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.code).toBe('forbidden');
      expect(ack.error.message).toMatch(/admin or supervisor/);
    }
    expect(h.sim.settings()).toEqual(before);
  });

  it('malformed settings are refused with bad_request', async () => {
    h = await startHarness();
    const admin = await h.agent('boss@acme.test', { roles: ['admin'], setAvailable: false });
    const ack = await admin.socket.timeout(2000).emitWithAck('settings.update', { settings: { recordCreation: { chatMinConsumerMessages: -1 } } });
    expect(ack.ok).toBe(false);
    expect(ack.error.code).toBe('bad_request');
  });
});
