// Every combination of direction x priority x source (SYNC-2, SYNC-3, SYNC-4, SYNC-7), from a
// synced start: Kustomer "Available", contact center "available".
import { describe, expect, it } from 'vitest';
import type { AuditRule, StatusSource } from '../../../main/engine/status-sync/index.js';
import { Harness, notices, settings, summary } from './harness.js';

type Direction = 'one-way' | 'two-way';
type Priority = 'latest' | 'crm-overrides';

interface CcRow {
  id: string;
  direction: Direction;
  priority: Priority;
  source: StatusSource;
  writes: string[];
  rule: AuditRule;
  notices: string[];
}

const ccRows: CcRow[] = [
  // one-way: contact-center changes are never written to Kustomer (SYNC-2)
  { id: 'SYNC-2', direction: 'one-way', priority: 'latest', source: 'agent', writes: [], rule: 'SYNC-2 one-way', notices: [] },
  { id: 'SYNC-2', direction: 'one-way', priority: 'latest', source: 'supervisor', writes: [], rule: 'SYNC-2 one-way', notices: [] },
  { id: 'SYNC-2', direction: 'one-way', priority: 'latest', source: 'system', writes: [], rule: 'SYNC-2 one-way', notices: [] },
  { id: 'SYNC-2', direction: 'one-way', priority: 'crm-overrides', source: 'agent', writes: [], rule: 'SYNC-2 one-way', notices: [] },
  { id: 'SYNC-2', direction: 'one-way', priority: 'crm-overrides', source: 'supervisor', writes: [], rule: 'SYNC-2 one-way', notices: [] },
  // crm-overrides: a move the contact center made by itself is replaced by the Kustomer mapping
  { id: 'SYNC-4', direction: 'one-way', priority: 'crm-overrides', source: 'system', writes: ['cc:available'], rule: 'SYNC-4 crm-overrides', notices: [] },
  // two-way: reflected in Kustomer through reverse (SYNC-3)
  { id: 'SYNC-3', direction: 'two-way', priority: 'latest', source: 'agent', writes: ['crm:Lunch'], rule: 'SYNC-3 reverse', notices: [] },
  { id: 'SYNC-3', direction: 'two-way', priority: 'latest', source: 'supervisor', writes: ['crm:Lunch'], rule: 'SYNC-3 reverse', notices: [] },
  { id: 'SYNC-4', direction: 'two-way', priority: 'latest', source: 'system', writes: ['crm:Lunch'], rule: 'SYNC-3 reverse', notices: [] },
  { id: 'SYNC-4', direction: 'two-way', priority: 'crm-overrides', source: 'agent', writes: ['crm:Lunch'], rule: 'SYNC-3 reverse', notices: [] },
  { id: 'SYNC-4', direction: 'two-way', priority: 'crm-overrides', source: 'supervisor', writes: ['crm:Lunch'], rule: 'SYNC-3 reverse', notices: [] },
  { id: 'SYNC-4', direction: 'two-way', priority: 'crm-overrides', source: 'system', writes: ['cc:available'], rule: 'SYNC-4 crm-overrides', notices: [] },
  // source crm that is not the echo of a write of ours: another CRM session; never fought (SYNC-7)
  ...(['one-way', 'two-way'] as const).flatMap((direction) =>
    (['latest', 'crm-overrides'] as const).map(
      (priority): CcRow => ({
        id: 'SYNC-7',
        direction,
        priority,
        source: 'crm',
        writes: [],
        rule: 'SYNC-7 foreign-crm-change',
        notices: ['statusSync.foreignCrmChange'],
      }),
    ),
  ),
];

describe('contact-center change "lunch" by direction x priority x source', () => {
  it.each(ccRows)('$id $direction / $priority / source $source -> $writes by "$rule"', (row) => {
    const h = Harness.ready(settings({ direction: row.direction, priority: row.priority }));
    const r = h.cc('lunch', row.source);
    expect(summary(r)).toEqual(row.writes);
    expect(r.audit.rule).toBe(row.rule);
    expect(r.audit.source).toBe(row.source);
    expect(notices(r)).toEqual(row.notices);
    expect(r.audit.before).toEqual({ cc: 'available', crm: 'Available' });
    expect(r.audit.after).toEqual({ cc: 'lunch', crm: 'Available' });
  });

  it('covers all 16 combinations', () => {
    const keys = new Set(ccRows.map((r) => `${r.direction}/${r.priority}/${r.source}`));
    expect(keys.size).toBe(16);
  });
});

describe('Kustomer change "Lunch" by direction x priority (SYNC-2: always drives the contact center)', () => {
  const rows = (['one-way', 'two-way'] as const).flatMap((direction) =>
    (['latest', 'crm-overrides'] as const).map((priority) => ({ direction, priority })),
  );
  it.each(rows)('SYNC-2 $direction / $priority / source crm -> cc:lunch by "SYNC-2 mapped"', ({ direction, priority }) => {
    const h = Harness.ready(settings({ direction, priority }));
    const r = h.crm('Lunch');
    expect(summary(r)).toEqual(['cc:lunch']);
    expect(r.audit.rule).toBe('SYNC-2 mapped');
    expect(r.audit.source).toBe('crm');
    expect(r.actions[0]).toMatchObject({ type: 'cc.setStatus', statusId: 'lunch', source: 'crm' });
    expect(r.audit.after).toEqual({ cc: 'available', crm: 'Lunch' });
  });

  it('SYNC-2 a Kustomer status mapping to the status the contact center already has is not written again', () => {
    const h = Harness.ready(settings(), 'Email', 'away');
    const r = h.crm('Coffee'); // Email and Coffee both map to away (many-to-one)
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-2 in-sync');
  });

  it('SYNC-2 status sync off: changes on either side are recorded, nothing is written', () => {
    const h = Harness.ready(settings({ enabled: false, direction: 'two-way' }));
    expect(summary(h.crm('Lunch'))).toEqual([]);
    const r = h.cc('away', 'agent');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('disabled');
    expect(h.state.crm.name).toBe('Lunch');
    expect(h.state.cc.statusId).toBe('away');
  });
});
