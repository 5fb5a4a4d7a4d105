// Status through the contract and status sync through the core (SYNC-1..7 are table-tested in
// test/unit/status-sync; here: the wiring to the simulator and to the Kustomer page port), the
// audit with its en/ko explanations, and the SYNC-5 preconditions the agent sees.
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT_EMAILS, simulatedAgent, type SimulatedAgent } from '../../../emulators/contact-center/index.js';
import { BROWSER_SENDER, CoreRig } from './core-rig.js';

let rig: CoreRig | undefined;
const extra: SimulatedAgent[] = [];
afterEach(async () => {
  for (const a of extra.splice(0)) a.close();
  await rig?.close();
  rig = undefined;
});

const SYNC = {
  statusSync: { enabled: true, direction: 'one-way' as const, priority: 'latest' as const, mapping: { Available: 'available', Lunch: 'lunch', Email: 'away' }, reverse: { available: 'Available', lunch: 'Lunch' } },
};

const page = (instanceId: string, userEmail: string | null) => ({ type: 'page' as const, instanceId, userEmail, userId: null });
const status = (instanceId: string, name: string, at: number, commandId?: string) => ({ type: 'status' as const, instanceId, name, origin: 'change' as const, statusType: 'available' as const, at, ...(commandId ? { commandId } : {}) });

describe('app core: status', () => {
  it('status:set goes to the contact center and comes back with its source and since', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    await rig.must('status:set', { statusId: 'lunch' });
    const s = await rig.until((x) => x.status.statusId === 'lunch', 'lunch');
    expect(s.status.source).toBe('agent');
    expect(Date.parse(s.status.since ?? '')).not.toBeNaN();
    expect(rig.sim.agents().find((a) => a.email === AGENT_EMAILS.agent1)?.statusId).toBe('lunch');

    const refused = await rig.call('status:set', { statusId: 'in_call' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('one-way: a Kustomer status change from the page sets the mapped status; the audit explains it in en and ko', async () => {
    rig = await CoreRig.start({ settings: SYNC });
    await rig.ready();
    expect(rig.core.kustomerPageMessage(page('p1', AGENT_EMAILS.agent1), 'electron:kustomer')).toEqual({ ok: true });
    rig.core.kustomerPageMessage({ ...status('p1', 'Available', Date.now()), origin: 'page-load' }, 'electron:kustomer');
    rig.core.kustomerPageMessage(status('p1', 'Lunch', Date.now() + 1), 'electron:kustomer');
    const s = await rig.until((x) => x.status.statusId === 'lunch' && x.status.source === 'crm', 'crm lunch');
    expect(s.status.crmStatus).toBe('Lunch');
    const mapped = s.audit.find((e) => e.rule === 'SYNC-2 mapped');
    expect(mapped).toBeDefined();
    expect(mapped?.after.crm).toBe('Lunch');
    expect(mapped?.source).toBe('crm');
    expect(mapped?.explanation.en).toMatch(/mapped contact-center status/);
    expect(mapped?.explanation.ko).toMatch(/매핑된/);
    // Newest first.
    expect(s.audit[0]?.seq).toBeGreaterThan(s.audit[s.audit.length - 1]?.seq ?? Infinity);
  });

  it('an unmapped Kustomer status leaves the contact center alone and tells the agent', async () => {
    rig = await CoreRig.start({ settings: SYNC });
    await rig.ready();
    rig.core.kustomerPageMessage(page('p1', AGENT_EMAILS.agent1), 'v1');
    rig.core.kustomerPageMessage({ ...status('p1', 'Available', Date.now()), origin: 'page-load' }, 'v1');
    rig.core.kustomerPageMessage(status('p1', 'Meeting', Date.now() + 1), 'v1');
    const s = await rig.until((x) => x.notices.some((n) => n.key === 'statusSync.unmapped'), 'unmapped notice');
    expect(s.audit[0]?.rule).toBe('unmapped');
    expect(s.notices.find((n) => n.key === 'statusSync.unmapped')?.text.en).toMatch(/Meeting/);
  });

  it('two-way: a contact-center change is applied in the page through the port, and the tagged echo is recognised', async () => {
    rig = await CoreRig.start({ settings: { statusSync: { ...SYNC.statusSync, direction: 'two-way' } } });
    await rig.ready();
    rig.core.kustomerPageMessage(page('p1', AGENT_EMAILS.agent1), 'v1');
    rig.core.kustomerPageMessage({ ...status('p1', 'Available', Date.now()), origin: 'page-load' }, 'v1');
    await rig.must('status:set', { statusId: 'lunch' });
    await rig.until(() => rig!.applied.length > 0, 'apply request');
    const apply = rig.applied[0];
    expect(apply).toMatchObject({ type: 'apply', name: 'Lunch' });
    // The page answers and reports the change it made, tagged with the command id (SYNC-7).
    rig.core.kustomerPageMessage({ type: 'applied', instanceId: 'p1', commandId: apply?.commandId as string }, 'v1');
    rig.core.kustomerPageMessage(status('p1', 'Lunch', Date.now() + 5, apply?.commandId), 'v1');
    const s = await rig.until((x) => x.audit.some((e) => e.rule === 'SYNC-7 echo-suppressed'), 'echo');
    expect(s.audit.some((e) => e.rule === 'SYNC-3 reverse')).toBe(true);
    expect(s.status.crmStatus).toBe('Lunch');
    expect(s.status.statusId).toBe('lunch');
    expect(rig.applied).toHaveLength(1);
  });

  it('a page message that breaks the schema is dropped (SEC-1) and changes nothing', async () => {
    rig = await CoreRig.start({ settings: SYNC });
    await rig.ready();
    const before = rig.core.getState().audit.length;
    expect(rig.core.kustomerPageMessage({ type: 'status', instanceId: 'p1', name: 'Lunch', origin: 'change', at: 1, extra: 'x' }, 'v1')).toMatchObject({ ok: false });
    expect(rig.core.kustomerPageMessage({ type: 'setStatus', statusId: 'available' }, 'v1')).toMatchObject({ ok: false });
    expect(rig.core.getState().audit.length).toBe(before);
    expect(rig.log.lines.some((l) => l.event === 'kustomer.page_message_rejected')).toBe(true);
  });

  it('SYNC-5: a Kustomer user with another e-mail is an error finding', async () => {
    rig = await CoreRig.start({ settings: SYNC });
    await rig.ready();
    rig.core.kustomerPageMessage(page('p1', 'someone.else@acme.test'), 'v1');
    const s = await rig.until((x) => x.preconditions.some((p) => p.id === 'email-mismatch'), 'email-mismatch');
    const f = s.preconditions.find((p) => p.id === 'email-mismatch');
    expect(f?.severity).toBe('error');
    expect(f?.text.en).toContain('someone.else@acme.test');
    expect(s.kustomer.userEmail).toBe('someone.else@acme.test');
    rig.core.kustomerPageMessage(page('p2', AGENT_EMAILS.agent1.toUpperCase()), 'v1');
    const fixed = await rig.until((x) => !x.preconditions.some((p) => p.id === 'email-mismatch'), 'mismatch cleared');
    expect(fixed.preconditions.map((p) => p.id)).toEqual([]);
  });

  it('SYNC-5: two Kustomer pages for the user, then one closed', async () => {
    rig = await CoreRig.start({ settings: SYNC });
    await rig.ready();
    rig.core.kustomerPageMessage(page('p1', AGENT_EMAILS.agent1), 'electron:kustomer');
    expect((await rig.until((x) => x.kustomer.pageInstances === 1, 'one page')).preconditions).toEqual([]);
    await rig.must('kustomer:pageMessage', page('p2', AGENT_EMAILS.agent1), BROWSER_SENDER);
    const two = await rig.until((x) => x.kustomer.pageInstances === 2, 'two pages');
    expect(two.preconditions.find((p) => p.id === 'crm-open-twice')?.severity).toBe('error');
    rig.core.kustomerViewClosed('electron:kustomer');
    const one = await rig.until((x) => x.kustomer.pageInstances === 1, 'one page again');
    expect(one.preconditions).toEqual([]);
    rig.core.kustomerViewClosed('browser:conn-1');
    const none = await rig.until((x) => x.kustomer.pageInstances === 0, 'no page');
    expect(none.preconditions.map((p) => p.id)).toEqual(['crm-not-open']);
  });

  it('SYNC-5: a second connection of the same agent marks this instance as the extra one', async () => {
    rig = await CoreRig.start({ settings: SYNC });
    // Someone (another AgentDesk) is already connected as agent1 before this core's hello.
    await rig.core.stop();
    const other = simulatedAgent(rig.sim.url, AGENT_EMAILS.agent1, { setAvailable: false });
    extra.push(other);
    await other.ready();
    rig.boot();
    const s = await rig.until((x) => x.connection.duplicateInstance, 'duplicate');
    expect(s.preconditions.find((p) => p.id === 'multiple-connections')?.text.en).toMatch(/connected 2 times/);
    expect(s.notices.some((n) => n.key === 'app.duplicateConnection')).toBe(true);
  });

  it('sync off: no preconditions are shown', async () => {
    rig = await CoreRig.start();
    await rig.ready();
    rig.core.kustomerPageMessage(page('p1', 'someone.else@acme.test'), 'v1');
    const s = await rig.until((x) => x.kustomer.pageInstances === 1, 'page');
    expect(s.preconditions).toEqual([]);
  });
});

describe('app core: supervisor view (SUP-1)', () => {
  it('a supervisor gets every agent with status, source and since; a plain agent gets none', async () => {
    rig = await CoreRig.start({ email: AGENT_EMAILS.supervisor });
    await rig.ready();
    const a2 = simulatedAgent(rig.sim.url, AGENT_EMAILS.agent2);
    extra.push(a2);
    await a2.ready();
    const s = await rig.until((x) => x.supervisor?.some((a) => a.email === AGENT_EMAILS.agent2 && a.statusId === 'available') ?? false, 'agent2 available');
    const row = s.supervisor?.find((a) => a.email === AGENT_EMAILS.agent2);
    expect(row?.source).toBe('agent');
    expect(Date.parse(row?.since ?? '')).not.toBeNaN();
    expect(row?.online).toBe(true);
    await rig.close();
    rig = await CoreRig.start();
    const plain = await rig.ready();
    expect(plain.supervisor).toBeNull();
  });
});
