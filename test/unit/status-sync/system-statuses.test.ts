// SYNC-4 system statuses on both sides are respected, never fought: the contact center's in_call
// and wrap_up are never overridden, Kustomer's Busy never drives the contact center, and what
// should apply when a system status ends is remembered and applied then.
import { describe, expect, it } from 'vitest';
import type { AuditRule } from '../../../main/engine/status-sync/index.js';
import { commandOf, Harness, notices, settings, summary } from './harness.js';

const configs = (['one-way', 'two-way'] as const).flatMap((direction) =>
  (['latest', 'crm-overrides'] as const).map((priority) => ({ direction, priority })),
);

describe('SYNC-4 a Kustomer change during a call is applied when the call and wrap-up end', () => {
  it.each(configs)('SYNC-4 $direction / $priority', ({ direction, priority }) => {
    const h = Harness.ready(settings({ direction, priority }));
    const inCall = h.cc('in_call', 'system');
    expect([inCall.audit.rule, summary(inCall)]).toEqual(['SYNC-4 system-status', []]);

    const during = h.crm('Lunch');
    expect(summary(during)).toEqual([]);
    expect(during.audit.rule).toBe('SYNC-4 deferred');
    expect(notices(during)).toEqual(['statusSync.deferredCc']);

    const wrap = h.cc('wrap_up', 'system');
    expect([wrap.audit.rule, summary(wrap)]).toEqual(['SYNC-4 system-status', []]);

    const end = h.cc('available', 'system');
    expect(summary(end)).toEqual(['cc:lunch']);
    expect(end.audit.rule).toBe('SYNC-4 pending-applied');
  });
});

describe('SYNC-4 a call ends with no Kustomer change: the priority decides', () => {
  const rows: { direction: 'one-way' | 'two-way'; priority: 'latest' | 'crm-overrides'; writes: string[]; rule: AuditRule }[] = [
    { direction: 'one-way', priority: 'latest', writes: [], rule: 'SYNC-2 one-way' },
    { direction: 'one-way', priority: 'crm-overrides', writes: ['cc:away'], rule: 'SYNC-4 crm-overrides' },
    { direction: 'two-way', priority: 'latest', writes: ['crm:Available'], rule: 'SYNC-3 reverse' },
    { direction: 'two-way', priority: 'crm-overrides', writes: ['cc:away'], rule: 'SYNC-4 crm-overrides' },
  ];
  it.each(rows)('SYNC-4 $direction / $priority: wrap-up -> available by the system gives $writes by "$rule"', (row) => {
    const h = Harness.ready(settings({ direction: row.direction, priority: row.priority }), 'Email', 'away');
    h.cc('in_call', 'system');
    h.cc('wrap_up', 'system');
    const end = h.cc('available', 'system');
    expect(summary(end)).toEqual(row.writes);
    expect(end.audit.rule).toBe(row.rule);
  });
});

describe('SYNC-4 the agent ends wrap-up by hand: the human choice wins over the remembered change', () => {
  it.each([
    { direction: 'one-way' as const, writes: [], rule: 'SYNC-2 one-way' },
    { direction: 'two-way' as const, writes: ['crm:Available'], rule: 'SYNC-3 reverse' },
  ])('SYNC-4 $direction', ({ direction, writes, rule }) => {
    const h = Harness.ready(settings({ direction, priority: 'crm-overrides' }));
    h.cc('in_call', 'system');
    h.crm('Lunch');
    h.cc('wrap_up', 'system');
    const r = h.cc('available', 'agent');
    expect(summary(r)).toEqual(writes);
    expect(r.audit.rule).toBe(rule);
    expect(r.audit.note).toContain('dropped');
    expect(h.state.deferred.cc).toBe(false);
  });
});

describe('SYNC-4 system statuses of both sides', () => {
  it('SYNC-4 two-way: in_call is never written to Kustomer, even with a reverse entry for it', () => {
    const h = Harness.ready(settings({ direction: 'two-way', reverse: { in_call: 'On call', available: 'Available' } }));
    const r = h.cc('in_call', 'system');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-4 system-status');
  });

  it.each(configs)('SYNC-4 $direction / $priority: Kustomer Busy never drives the contact center, even when mapped', ({ direction, priority }) => {
    const h = Harness.ready(settings({ direction, priority, mapping: { Available: 'available', Busy: 'meeting' } }));
    const r = h.crm('Busy', { statusType: 'busy' });
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-4 crm-busy');
    const back = h.crm('Available', { statusType: 'available' });
    expect(back.audit.rule).toBe('SYNC-2 in-sync');
  });

  it('SYNC-4 two-way: a contact-center change during Kustomer Busy is written when Busy ends', () => {
    const h = Harness.ready(settings({ direction: 'two-way' }));
    h.crm('Busy', { statusType: 'busy' });
    const change = h.cc('lunch', 'agent');
    expect(summary(change)).toEqual([]);
    expect(change.audit.rule).toBe('SYNC-4 deferred');
    expect(notices(change)).toEqual(['statusSync.deferredCrm']);
    const leave = h.crm('Available', { statusType: 'available' }); // Kustomer's own return after work
    expect(summary(leave)).toEqual(['crm:Lunch']);
    expect(leave.audit.rule).toBe('SYNC-4 pending-applied');
  });

  it('SYNC-4 Kustomer leaving Busy with nothing remembered is an ordinary change (SYNC-2)', () => {
    const h = Harness.ready(settings({ direction: 'two-way' }));
    h.crm('Busy', { statusType: 'busy' });
    const leave = h.crm('Lunch', { statusType: 'unavailable' });
    expect(summary(leave)).toEqual(['cc:lunch']);
    expect(leave.audit.rule).toBe('SYNC-2 mapped');
  });

  it('SYNC-4 crm-overrides while Kustomer is Busy: the system move stands until Kustomer leaves Busy', () => {
    const h = Harness.ready(settings({ priority: 'crm-overrides' }), 'Email', 'away');
    h.crm('Busy', { statusType: 'busy' });
    h.cc('in_call', 'system');
    h.cc('wrap_up', 'system');
    const end = h.cc('available', 'system');
    expect(summary(end)).toEqual([]);
    expect(end.audit.rule).toBe('SYNC-4 crm-busy');
    const back = h.crm('Email', { statusType: 'unavailable' });
    expect(summary(back)).toEqual(['cc:away']);
    expect(back.audit.rule).toBe('SYNC-2 mapped');
  });

  it('SYNC-4 crm-overrides loop guard: a second system move right after the override is not fought; a new call re-arms', () => {
    const h = Harness.ready(settings({ priority: 'crm-overrides' }), 'Email', 'away');
    h.cc('in_call', 'system');
    h.cc('wrap_up', 'system');
    const first = h.cc('available', 'system');
    expect(summary(first)).toEqual(['cc:away']);
    h.cc('away', 'crm'); // our echo
    const again = h.cc('available', 'system');
    expect(summary(again)).toEqual([]);
    expect(again.audit.rule).toBe('SYNC-4 override-refused');
    expect(notices(again)).toEqual(['statusSync.overrideRefused']);
    h.cc('in_call', 'system');
    h.cc('wrap_up', 'system');
    const next = h.cc('available', 'system');
    expect(summary(next)).toEqual(['cc:away']);
    expect(next.audit.rule).toBe('SYNC-4 crm-overrides');
  });

  it('SYNC-4 a write refused because a call started first is remembered and written after the call', () => {
    const h = Harness.ready();
    const cmd = commandOf(h.crm('Lunch'), 'cc');
    h.cc('in_call', 'system'); // the call reached the contact center before our command
    const refused = h.nack(cmd, 'agent is in a call');
    expect(refused.audit.rule).toBe('SYNC-4 deferred');
    expect(notices(refused)).toEqual(['statusSync.deferredCc']);
    h.cc('wrap_up', 'system');
    const end = h.cc('available', 'system');
    expect(summary(end)).toEqual(['cc:lunch']);
    expect(end.audit.rule).toBe('SYNC-4 pending-applied');
  });

  it('SYNC-4 nothing is written to the contact center while it is in a system status', () => {
    const h = Harness.ready(settings({ direction: 'two-way' }));
    h.cc('in_call', 'system');
    const inputs = [h.crm('Lunch'), h.crm('Email'), h.crm('Offline'), h.cc('wrap_up', 'system')];
    expect(inputs.flatMap(summary).filter((w) => w.startsWith('cc:'))).toEqual([]);
    expect(summary(h.cc('available', 'system'))).toEqual(['cc:offline']);
  });
});
