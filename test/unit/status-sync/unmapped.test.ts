// SYNC-1: a Kustomer status without a mapping never silently sets a default: the contact center
// is left as it is, the agent sees a notice, and the audit says `unmapped`.
import { describe, expect, it } from 'vitest';
import { mapToCc } from '../../../main/engine/status-sync/index.js';
import { Harness, notices, settings, summary } from './harness.js';

const configs = (['one-way', 'two-way'] as const).flatMap((direction) =>
  (['latest', 'crm-overrides'] as const).map((priority) => ({ direction, priority })),
);

describe('SYNC-1 unmapped Kustomer status', () => {
  it.each(configs)('SYNC-1 $direction / $priority: "Training" -> no write, notice, rule "unmapped"', ({ direction, priority }) => {
    const h = Harness.ready(settings({ direction, priority }));
    const r = h.crm('Training');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('unmapped');
    expect(notices(r)).toEqual(['statusSync.unmapped']);
    const n = r.actions.find((a) => a.type === 'notice');
    expect(n).toMatchObject({
      notice: {
        level: 'warning',
        params: { name: 'Training' },
        text: {
          en: 'Kustomer status "Training" is not mapped to a contact-center status, so your contact-center status was not changed.',
          ko: 'Kustomer 상태 "Training"은(는) 컨택센터 상태에 매핑되어 있지 않아 컨택센터 상태를 변경하지 않았습니다.',
        },
      },
    });
    expect(h.state.cc.statusId).toBe('available');
    expect(h.state.crm.name).toBe('Training');
  });

  it.each(['constructor', 'toString', '__proto__', 'available', 'available '])(
    'SYNC-1 mapping is an exact own-key match: "%s" is unmapped',
    (name) => {
      expect(mapToCc(settings(), name)).toBeUndefined();
      const r = Harness.ready().crm(name);
      expect(r.audit.rule).toBe('unmapped');
      expect(summary(r)).toEqual([]);
    },
  );

  it('SYNC-1 unmapped status at login with apply-at-login: nothing applied, notice (SYNC-6)', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.login('available');
    const r = h.pageLoad('Training');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('unmapped');
    expect(notices(r)).toEqual(['statusSync.unmapped']);
  });

  it('SYNC-1 unmapped current Kustomer status under crm-overrides: the system move stands, notice (SYNC-4)', () => {
    const h = Harness.ready(settings({ priority: 'crm-overrides' }));
    h.crm('Training');
    const r = h.cc('away', 'system');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('unmapped');
    expect(notices(r)).toEqual(['statusSync.unmapped']);
    expect(h.state.cc.statusId).toBe('away');
  });

  it('SYNC-1 after an unmapped status, the next mapped one is applied normally', () => {
    const h = Harness.ready();
    h.crm('Training');
    const r = h.crm('Lunch');
    expect(summary(r)).toEqual(['cc:lunch']);
    expect(r.audit.rule).toBe('SYNC-2 mapped');
  });

  it('SYNC-1 two-way: an unmapped Kustomer status is not "corrected" in Kustomer either', () => {
    const h = Harness.ready(settings({ direction: 'two-way' }));
    const r = h.crm('Training');
    expect(summary(r)).toEqual([]);
  });
});
