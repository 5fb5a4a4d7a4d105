// StatusSyncService, the thin shell: feeds inputs to decide(), performs writes through the ports,
// feeds their results back, keeps the audit and tells listeners. Fake ports, injected clock.
import { describe, expect, it, vi } from 'vitest';
import type { Ack } from '../../../common/protocol/index.js';
import { StatusSyncService } from '../../../main/engine/status-sync/index.js';
import type { CrmApplyResult, StatusSyncOptions, SyncChange } from '../../../main/engine/status-sync/index.js';
import { settings, STATUSES, T0 } from './harness.js';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(options: Partial<StatusSyncOptions> = {}) {
  let now = T0;
  const cc: { statusId: string; d: ReturnType<typeof deferred<Ack>> }[] = [];
  const crm: { name: string; commandId: string; d: ReturnType<typeof deferred<CrmApplyResult>> }[] = [];
  const log = { info: vi.fn(), warn: vi.fn() };
  const service = new StatusSyncService(
    {
      sendCcStatus: (statusId) => {
        const d = deferred<Ack>();
        cc.push({ statusId, d });
        return d.promise;
      },
      applyCrmStatus: (name, commandId) => {
        const d = deferred<CrmApplyResult>();
        crm.push({ name, commandId, d });
        return d.promise;
      },
      clock: { now: () => now },
      log,
    },
    { settings: settings(), ...options },
  );
  const changes: SyncChange[] = [];
  service.onChange((c) => changes.push(c));
  const tick = (ms = 1): number => (now += ms);
  const ready = (): void => {
    service.login('available', STATUSES, undefined, tick());
    service.reportCrmStatus({ name: 'Available', origin: 'page-load', at: tick() });
  };
  return { service, cc, crm, log, changes, tick, ready };
}

describe('StatusSyncService', () => {
  it('SYNC-2 a Kustomer change is sent to the contact center; the ack and the echo come back as inputs', async () => {
    const { service, cc, changes, tick, ready } = setup();
    ready();
    expect(service.reportCrmStatus({ name: 'Lunch', origin: 'change', at: tick() })).toEqual({ ok: true });
    expect(cc.map((c) => c.statusId)).toEqual(['lunch']);
    service.ccStatus('lunch', 'crm', tick()); // the contact center's agent.status echo
    cc[0]?.d.resolve({ ok: true, statusId: 'lunch' });
    await service.idle();
    expect(service.audit.map((e) => e.rule)).toEqual(['SYNC-6 login-init', 'SYNC-6 login-init', 'SYNC-2 mapped', 'SYNC-7 echo-suppressed', 'command-ack']);
    expect(service.state.cc.statusId).toBe('lunch');
    expect(service.state.pending).toEqual([]);
    expect(changes).toHaveLength(5);
    expect(cc).toHaveLength(1); // no ping-pong
  });

  it('SYNC-7 a rejected command is reported to listeners as a notice, in English and Korean', async () => {
    const { service, cc, changes, tick, ready } = setup();
    ready();
    service.reportCrmStatus({ name: 'Lunch', origin: 'change', at: tick() });
    cc[0]?.d.resolve({ ok: false, error: { code: 'forbidden', message: 'status not allowed' } });
    await service.idle();
    const last = changes.at(-1);
    expect(last?.entry.rule).toBe('command-failed');
    expect(last?.notices[0]?.text.en).toBe('Could not set your contact-center status to "Lunch": status not allowed');
    expect(last?.notices[0]?.text.ko).toBe('컨택센터 상태를 "Lunch"(으)로 설정하지 못했습니다: status not allowed');
  });

  it('SYNC-7 a port that throws becomes a failure, not an exception', async () => {
    const { service, cc, changes, tick, ready } = setup();
    ready();
    service.reportCrmStatus({ name: 'Lunch', origin: 'change', at: tick() });
    cc[0]?.d.reject(new Error('socket closed'));
    await service.idle();
    expect(changes.at(-1)?.entry).toMatchObject({ rule: 'command-failed', input: { type: 'cc.nack', error: { code: 'unavailable', message: 'socket closed' } } });
  });

  it('SYNC-3 two-way: the Kustomer apply request carries our command id; failures are reported', async () => {
    const { service, crm, changes, tick, ready } = setup({ settings: settings({ direction: 'two-way' }) });
    ready();
    service.ccStatus('lunch', 'agent', tick());
    expect(crm.map((c) => [c.name, c.commandId])).toEqual([['Lunch', 'crm-1']]);
    crm[0]?.d.resolve({ ok: false, error: { message: 'menu not found' } });
    await service.idle();
    expect(changes.at(-1)?.entry.rule).toBe('command-failed');
    expect(changes.at(-1)?.notices[0]?.key).toBe('statusSync.crmFailed');
  });

  it('SYNC-7 with crmEchoTags the tagged echo is exact and an untagged same-value click is the agent', async () => {
    const { service, crm, tick, ready } = setup({ settings: settings({ direction: 'two-way' }), crmEchoTags: true });
    ready();
    service.ccStatus('lunch', 'agent', tick());
    const commandId = crm[0]?.commandId;
    service.reportCrmStatus({ name: 'Lunch', origin: 'change', commandId, at: tick() });
    crm[0]?.d.resolve({ ok: true });
    await service.idle();
    expect(service.audit.slice(-2).map((e) => e.rule)).toEqual(['SYNC-7 echo-suppressed', 'command-ack']);
    service.reportCrmStatus({ name: 'Lunch', origin: 'change', at: tick() });
    expect(service.audit.at(-1)?.rule).toBe('SYNC-2 in-sync');
  });

  it('SEC-1 Kustomer reports are parsed: bad payloads are rejected and decide nothing', () => {
    const { service, log, ready } = setup();
    ready();
    const before = service.audit.length;
    for (const bad of [
      { name: '', origin: 'change' },
      { name: 'Lunch', origin: 'elsewhere' },
      { name: 'Lunch', origin: 'change', extra: 1 },
      { name: 'Lunch', origin: 'change', statusType: 'sleeping' },
      { name: 'x'.repeat(201), origin: 'change' },
      'Lunch',
      null,
    ]) {
      expect(service.reportCrmStatus(bad).ok).toBe(false);
    }
    expect(service.audit.length).toBe(before);
    expect(log.warn).toHaveBeenCalledTimes(7);
    const r = service.reportCrmStatus({ name: 'Lunch', origin: 'somewhere' });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('origin') });
  });

  it('stamps inputs and audit entries with the injected clock', () => {
    const { service, tick, ready } = setup();
    ready();
    const t = tick(500);
    service.reportCrmStatus({ name: 'Lunch', origin: 'change' });
    expect(service.audit.at(-1)).toMatchObject({ at: t, input: { at: t } });
  });

  it('a failing listener is logged and does not stop the others; unsubscribe works', () => {
    const { service, log, changes, tick, ready } = setup();
    const bad = vi.fn(() => {
      throw new Error('boom');
    });
    const off = service.onChange(bad);
    ready();
    expect(changes).toHaveLength(2);
    expect(log.warn).toHaveBeenCalledWith('status-sync: listener failed', { error: 'boom' });
    off();
    service.reportCrmStatus({ name: 'Lunch', origin: 'change', at: tick() });
    expect(bad).toHaveBeenCalledTimes(2);
  });

  it('inputs fed from a listener are decided after the current one, in order', () => {
    const { service, tick, ready } = setup();
    ready();
    let fed = false;
    service.onChange((c) => {
      if (!fed && c.entry.rule === 'SYNC-2 mapped') {
        fed = true;
        service.ccStatus('lunch', 'crm', tick());
      }
    });
    service.reportCrmStatus({ name: 'Lunch', origin: 'change', at: tick() });
    expect(service.audit.slice(-2).map((e) => e.rule)).toEqual(['SYNC-2 mapped', 'SYNC-7 echo-suppressed']);
  });

  it('keeps at most auditCapacity entries; statusChanges lists the newest first', () => {
    const { service, tick, ready } = setup({ auditCapacity: 3 });
    ready();
    for (const name of ['Lunch', 'Email', 'Available', 'Offline']) service.reportCrmStatus({ name, origin: 'change', at: tick() });
    expect(service.audit.map((e) => (e.input.type === 'crm.status' ? e.input.name : e.input.type))).toEqual(['Email', 'Available', 'Offline']);
    expect(service.statusChanges[0]?.input).toMatchObject({ name: 'Offline' });
  });

  it('updateSettings applies from the next change', () => {
    const { service, crm, tick, ready } = setup();
    ready();
    service.updateSettings(settings({ direction: 'two-way' }), tick());
    service.ccStatus('lunch', 'agent', tick());
    expect(crm.map((c) => c.name)).toEqual(['Lunch']);
  });
});
