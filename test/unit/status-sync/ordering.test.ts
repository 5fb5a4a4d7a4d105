// SYNC-7 ordering: reports arriving late are ordered by their `at` where the two sides disagree,
// and near-simultaneous changes on both sides follow a deterministic tie-break (Kustomer wins).
import { describe, expect, it } from 'vitest';
import { Harness, settings, summary } from './harness.js';

const twoWay = settings({ direction: 'two-way' });

describe('SYNC-7 reordering', () => {
  it('SYNC-7 an old echo arriving after a newer real change does not undo it', () => {
    const h = Harness.ready();
    const t1 = h.tick();
    h.crm('Lunch', { at: t1 }); // -> cc:lunch
    const agent = h.cc('away', 'agent', t1 + 10);
    // our lunch may still land after the agent's away: the agent's newer choice is re-asserted once
    expect(summary(agent)).toEqual(['cc:away']);
    const oldEcho = h.cc('lunch', 'crm', t1 + 5);
    expect(oldEcho.audit.rule).toBe('SYNC-7 echo-suppressed');
    expect(summary(oldEcho)).toEqual([]);
    expect(h.state.cc.statusId).toBe('away');
  });

  it('SYNC-7 an older report of the same side is ignored', () => {
    const h = Harness.ready();
    h.cc('away', 'agent', h.now + 10);
    const old = h.cc('lunch', 'agent', h.now + 5);
    expect(old.audit.rule).toBe('SYNC-7 out-of-order');
    expect(summary(old)).toEqual([]);
    expect(h.state.cc.statusId).toBe('away');
  });

  it('SYNC-7 two-way: a Kustomer change older than the contact-center change it arrives after does not win', () => {
    const h = Harness.ready(twoWay);
    const t = h.tick();
    expect(summary(h.cc('away', 'agent', t + 10))).toEqual(['crm:Email']);
    const older = h.crm('Lunch', { at: t + 5 });
    expect(older.audit.rule).toBe('SYNC-7 older-than-other-side');
    expect(summary(older)).toEqual([]); // Email is already on its way to Kustomer
  });

  it('SYNC-7 one-way: a contact-center change older than the Kustomer change does not win', () => {
    const h = Harness.ready();
    const t = h.tick();
    expect(summary(h.crm('Lunch', { at: t + 10 }))).toEqual(['cc:lunch']);
    const older = h.cc('away', 'agent', t + 5);
    expect(older.audit.rule).toBe('SYNC-7 older-than-other-side');
    expect(summary(older)).toEqual([]); // lunch is on its way and lands after it
  });
});

describe('SYNC-7 near-simultaneous changes on both sides: Kustomer wins a tie, whatever the arrival order', () => {
  it.each(['contact center first', 'Kustomer first'] as const)('SYNC-7 %s', (order) => {
    const h = Harness.ready(twoWay);
    const t = h.tick();
    const rs =
      order === 'contact center first'
        ? [h.cc('away', 'agent', t), h.crm('Lunch', { at: t })]
        : [h.crm('Lunch', { at: t }), h.cc('away', 'agent', t)];
    const all = rs.flatMap(summary);
    // at most one write per side per real change (two real changes here)
    expect(all.filter((w) => w.startsWith('cc:')).length).toBeLessThanOrEqual(2);
    expect(all.filter((w) => w.startsWith('crm:')).length).toBeLessThanOrEqual(2);
    // the last write to each side is the tie-break winner's status
    expect(all.filter((w) => w.startsWith('cc:')).at(-1)).toBe('cc:lunch');
    const crmWrites = all.filter((w) => w.startsWith('crm:'));
    if (crmWrites.length > 0) expect(crmWrites.at(-1)).toBe('crm:Lunch');
    expect(h.state.intent).toMatchObject({ side: 'crm', name: 'Lunch' });
    expect(rs.some((r) => (r.audit.note ?? '').includes('Kustomer wins'))).toBe(true);
  });
});
