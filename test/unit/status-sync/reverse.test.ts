// SYNC-3 two-way with a many-to-one mapping: which Kustomer status shows a contact-center status.
// Rule order: keep the current Kustomer status if it already maps to it; else `reverse`; else the
// first Kustomer status in the mapping's order that maps to it; else no change and a notice.
import { describe, expect, it } from 'vitest';
import { pickCrmStatus } from '../../../main/engine/status-sync/index.js';
import type { AuditRule } from '../../../main/engine/status-sync/index.js';
import { Harness, MAPPING, notices, settings, summary } from './harness.js';

interface Row {
  name: string;
  current: string;
  cc: string;
  over?: { mapping?: Record<string, string>; reverse?: Record<string, string> };
  expect: string | null;
  rule: AuditRule;
}

// MAPPING: Available->available, Email->away, Coffee->away, Lunch->lunch, Offline->offline
// REVERSE: available->Available, lunch->Lunch, offline->Offline
const rows: Row[] = [
  { name: 'current Email already maps to away: kept', current: 'Email', cc: 'away', expect: null, rule: 'SYNC-3 keep-current' },
  { name: 'current Coffee already maps to away: kept', current: 'Coffee', cc: 'away', expect: null, rule: 'SYNC-3 keep-current' },
  { name: 'away has no reverse entry: first mapped (Email)', current: 'Available', cc: 'away', expect: 'Email', rule: 'SYNC-3 first-mapped' },
  {
    name: 'mapping order decides the first mapped (Coffee listed first)',
    current: 'Available',
    cc: 'away',
    over: { mapping: { Coffee: 'away', Email: 'away', Available: 'available' } },
    expect: 'Coffee',
    rule: 'SYNC-3 first-mapped',
  },
  { name: 'reverse entry for lunch', current: 'Available', cc: 'lunch', expect: 'Lunch', rule: 'SYNC-3 reverse' },
  {
    name: 'reverse entry beats mapping order',
    current: 'Available',
    cc: 'away',
    over: { reverse: { away: 'Coffee' } },
    expect: 'Coffee',
    rule: 'SYNC-3 reverse',
  },
  {
    name: 'keep-current beats the reverse entry',
    current: 'Email',
    cc: 'away',
    over: { reverse: { away: 'Coffee' } },
    expect: null,
    rule: 'SYNC-3 keep-current',
  },
  {
    name: 'an empty reverse entry counts as none',
    current: 'Available',
    cc: 'away',
    over: { reverse: { away: '' } },
    expect: 'Email',
    rule: 'SYNC-3 first-mapped',
  },
  {
    name: 'reverse may name a Kustomer status outside the mapping (admin choice)',
    current: 'Available',
    cc: 'meeting',
    over: { reverse: { meeting: 'In a meeting' } },
    expect: 'In a meeting',
    rule: 'SYNC-3 reverse',
  },
  { name: 'meeting has no Kustomer status at all: no change + notice', current: 'Available', cc: 'meeting', expect: null, rule: 'SYNC-3 no-reverse' },
];

describe('SYNC-3 many-to-one reverse selection (two-way)', () => {
  it.each(rows)('SYNC-3 $name', (row) => {
    const s = settings({
      direction: 'two-way',
      ...(row.over?.mapping ? { mapping: row.over.mapping } : {}),
      reverse: { available: 'Available', lunch: 'Lunch', offline: 'Offline', ...row.over?.reverse },
    });
    const h = Harness.ready(s, row.current, 'available');
    const r = h.cc(row.cc, 'agent');
    expect(r.audit.rule).toBe(row.rule);
    expect(summary(r)).toEqual(row.expect === null ? [] : [`crm:${row.expect}`]);
    expect(notices(r)).toEqual(row.rule === 'SYNC-3 no-reverse' ? ['statusSync.noReverse'] : []);
    if (row.rule === 'SYNC-3 no-reverse') {
      const n = r.actions.find((a) => a.type === 'notice');
      expect(n).toMatchObject({ notice: { params: { status: 'Meeting' } } });
    }
  });

  it('SYNC-3 pickCrmStatus as a pure function', () => {
    const s = settings();
    expect(pickCrmStatus(s, 'away', 'Coffee')).toEqual({ name: 'Coffee', rule: 'SYNC-3 keep-current' });
    expect(pickCrmStatus(s, 'away', null)).toEqual({ name: 'Email', rule: 'SYNC-3 first-mapped' });
    expect(pickCrmStatus(s, 'available', 'Lunch')).toEqual({ name: 'Available', rule: 'SYNC-3 reverse' });
    expect(pickCrmStatus(s, 'meeting', 'Lunch')).toEqual({ name: null, rule: 'SYNC-3 no-reverse' });
    expect(Object.keys(MAPPING)[1]).toBe('Email'); // the order the first-mapped rule relies on
  });

  it('SYNC-3 the chosen Kustomer status echoes back without a contact-center write (no ping-pong)', () => {
    const h = Harness.ready(settings({ direction: 'two-way' }));
    h.cc('away', 'agent'); // -> crm:Email
    const echo = h.crm('Email');
    expect(echo.audit.rule).toBe('SYNC-7 echo-suppressed');
    expect(summary(echo)).toEqual([]);
  });

  it('SYNC-3 Kustomer page not loaded: nothing written, explained', () => {
    const h = new Harness(settings({ direction: 'two-way' }));
    h.login('available');
    const r = h.cc('lunch', 'agent');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-3 crm-not-loaded');
  });
});
