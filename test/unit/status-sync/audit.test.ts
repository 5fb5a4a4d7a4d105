// The status audit: one entry per decision with before/after, source, rule and input, kept in a
// bounded ring, explained in English and Korean (SUP-1, I18N-1).
import { describe, expect, it } from 'vitest';
import { AUDIT_RULES, AuditRing, explain, NOTICE_TEMPLATES, RULE_TEXTS } from '../../../main/engine/status-sync/index.js';
import type { AuditEntry } from '../../../main/engine/status-sync/index.js';
import { Harness, settings } from './harness.js';

const HANGUL = /[\uac00-\ud7a3]/;

function entry(seq: number, changed = true): AuditEntry {
  return {
    seq,
    at: seq,
    before: { cc: 'available', crm: 'Available' },
    after: changed ? { cc: 'lunch', crm: 'Available' } : { cc: 'available', crm: 'Available' },
    source: 'crm',
    rule: changed ? 'SYNC-2 mapped' : 'command-ack',
    input: { type: 'cc.ack', commandId: `cc-${seq}`, at: seq },
    actions: [],
  };
}

describe('status audit', () => {
  it('every decision yields exactly one entry with increasing seq, before/after, source, rule and the input', () => {
    const h = Harness.ready(settings({ direction: 'two-way' }));
    const r = h.crm('Lunch');
    expect(r.audit).toEqual({
      seq: h.state.decisions,
      at: h.now,
      before: { cc: 'available', crm: 'Available' },
      after: { cc: 'available', crm: 'Lunch' },
      source: 'crm',
      rule: 'SYNC-2 mapped',
      input: { type: 'crm.status', name: 'Lunch', statusType: undefined, origin: 'change', commandId: undefined, at: h.now },
      actions: [{ type: 'cc.setStatus', commandId: 'cc-1', statusId: 'lunch', source: 'crm' }],
      note: 'cc: written lunch; crm: in-sync Lunch',
    });
    h.cc('lunch', 'crm');
    h.cc('away', 'supervisor');
    const seqs = h.audit.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(h.audit.map((e) => e.source)).toEqual(['system', 'crm', 'system', 'crm', 'crm', 'supervisor']);
    expect(h.audit.at(-1)).toMatchObject({ after: { cc: 'away' }, rule: 'SYNC-3 first-mapped' });
  });

  it('the audit says why the status changed for a contact-center move replaced by the Kustomer status', () => {
    const h = Harness.ready(settings({ priority: 'crm-overrides' }), 'Email', 'away');
    const r = h.cc('available', 'system');
    expect(r.audit).toMatchObject({ source: 'system', rule: 'SYNC-4 crm-overrides', before: { cc: 'away' }, after: { cc: 'available' } });
    expect(r.audit.note).toContain('instead of available');
    expect(explain(r.audit).en).toContain('CRM overrides');
  });

  it('the ring keeps the newest `capacity` entries, oldest first', () => {
    const ring = new AuditRing(3);
    for (let i = 1; i <= 5; i++) ring.push(entry(i));
    expect(ring.size).toBe(3);
    expect(ring.entries().map((e) => e.seq)).toEqual([3, 4, 5]);
    ring.push(entry(6));
    expect(ring.entries().map((e) => e.seq)).toEqual([4, 5, 6]);
  });

  it('statusChanges() lists, newest first, only the entries that changed or tried to change a status', () => {
    const ring = new AuditRing(10);
    [entry(1), entry(2, false), entry(3)].forEach((e) => ring.push(e));
    expect(ring.statusChanges().map((e) => e.seq)).toEqual([3, 1]);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new AuditRing(0)).toThrow(RangeError);
    expect(() => new AuditRing(1.5)).toThrow(RangeError);
  });

  it.each([...AUDIT_RULES])('rule "%s" is explained in English and Korean', (rule) => {
    const t = RULE_TEXTS[rule];
    expect(t.en.length).toBeGreaterThan(20);
    expect(t.ko).toMatch(HANGUL);
  });

  it.each(Object.entries(NOTICE_TEMPLATES))('notice %s has the same placeholders in English and Korean', (_key, t) => {
    const holes = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    expect(holes(t.ko)).toEqual(holes(t.en));
    expect(t.ko).toMatch(HANGUL);
  });
});
