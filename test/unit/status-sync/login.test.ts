// SYNC-6 apply at login: the status shown in the Kustomer page at load is applied once both it
// and the contact center's login status are known, when the admin allows it; otherwise the
// page-load status only initialises the state. Either side may arrive first.
import { describe, expect, it } from 'vitest';
import type { AuditRule } from '../../../main/engine/status-sync/index.js';
import { Harness, notices, settings, summary } from './harness.js';

interface Row {
  applyAtLogin: boolean;
  first: 'login' | 'page-load';
  direction: 'one-way' | 'two-way';
  firstRule: AuditRule;
  secondRule: AuditRule;
  writes: string[];
}

const rows: Row[] = (['one-way', 'two-way'] as const).flatMap((direction) => [
  { applyAtLogin: true, first: 'login', direction, firstRule: 'SYNC-6 waiting', secondRule: 'SYNC-6 login-apply', writes: ['cc:lunch'] },
  { applyAtLogin: true, first: 'page-load', direction, firstRule: 'SYNC-6 waiting', secondRule: 'SYNC-6 login-apply', writes: ['cc:lunch'] },
  { applyAtLogin: false, first: 'login', direction, firstRule: 'SYNC-6 login-init', secondRule: 'SYNC-6 login-init', writes: [] },
  { applyAtLogin: false, first: 'page-load', direction, firstRule: 'SYNC-6 login-init', secondRule: 'SYNC-6 login-init', writes: [] },
]);

describe('SYNC-6 Kustomer "Lunch" at page load, contact center "available" at login', () => {
  it.each(rows)('SYNC-6 applyAtLogin=$applyAtLogin, $first first, $direction -> $writes', (row) => {
    const h = new Harness(settings({ applyAtLogin: row.applyAtLogin, direction: row.direction }));
    const a = row.first === 'login' ? h.login('available') : h.pageLoad('Lunch');
    expect(summary(a)).toEqual([]);
    expect(a.audit.rule).toBe(row.firstRule);
    const b = row.first === 'login' ? h.pageLoad('Lunch') : h.login('available');
    expect(summary(b)).toEqual(row.writes); // never a Kustomer write at login, also in two-way
    expect(b.audit.rule).toBe(row.secondRule);
    expect(h.state.cc.statusId).toBe('available');
    expect(h.state.crm.name).toBe('Lunch');
    expect(h.state.loginApplied).toBe(true);
  });
});

describe('SYNC-6 details', () => {
  it('SYNC-6 the page already shows the contact-center status: applied without a write', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.login('away');
    const r = h.pageLoad('Coffee');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-6 login-apply');
  });

  it('SYNC-6 a contact-center reconnect (second hello) does not apply again', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.login('available');
    h.pageLoad('Lunch');
    const r = h.login('available');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-6 reconnect');
  });

  it('SYNC-6 a Kustomer reload (a record pop, F5) is not a new login: the same status changes nothing', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.login('available');
    h.pageLoad('Available');
    h.cc('lunch', 'agent');
    const r = h.pageLoad('Available');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-6 reconnect');
  });

  it('SYNC-2 a Kustomer reload showing another status is a Kustomer change', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.login('available');
    h.pageLoad('Available');
    const r = h.pageLoad('Email');
    expect(summary(r)).toEqual(['cc:away']);
    expect(r.audit.rule).toBe('SYNC-2 mapped');
  });

  it('SYNC-6 a hello without a status waits for the first agent.status', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    expect(h.login(null).audit.rule).toBe('SYNC-6 waiting');
    expect(h.pageLoad('Lunch').audit.rule).toBe('SYNC-6 waiting');
    const r = h.cc('available', 'system');
    expect(summary(r)).toEqual(['cc:lunch']);
    expect(r.audit.rule).toBe('SYNC-6 login-apply');
  });

  it('SYNC-6 a Kustomer change before the contact-center login is recorded, then applied at login when allowed', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.pageLoad('Available');
    const early = h.crm('Lunch');
    expect(summary(early)).toEqual([]);
    expect(early.audit.rule).toBe('SYNC-6 waiting');
    expect(summary(h.login('available'))).toEqual(['cc:lunch']);
  });

  it('SYNC-6 a Kustomer change reported before any page load stands for the page load', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.login('available');
    const r = h.crm('Email');
    expect(summary(r)).toEqual(['cc:away']);
    expect(r.audit.rule).toBe('SYNC-6 login-apply');
  });

  it('SYNC-6 the contact center is in a call at login: the page status is applied after the call (SYNC-4)', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.login('in_call');
    const r = h.pageLoad('Lunch');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-4 deferred');
    expect(notices(r)).toEqual(['statusSync.deferredCc']);
    h.cc('wrap_up', 'system');
    expect(summary(h.cc('available', 'system'))).toEqual(['cc:lunch']);
  });

  it('SYNC-6 Kustomer shows Busy at load: nothing is applied (SYNC-4)', () => {
    const h = new Harness(settings({ applyAtLogin: true }));
    h.login('available');
    const r = h.pageLoad('Busy', 'busy');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('SYNC-4 crm-busy');
  });

  it('SYNC-6 status sync off: nothing is applied at login', () => {
    const h = new Harness(settings({ enabled: false, applyAtLogin: true }));
    h.login('available');
    const r = h.pageLoad('Lunch');
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('disabled');
  });

  it('SYNC-6 settings delivered with the hello apply to that login', () => {
    const h = new Harness(settings({ applyAtLogin: false }));
    h.pageLoad('Lunch');
    const r = h.feed({ type: 'login', statusId: 'available', statuses: [], settings: settings({ applyAtLogin: true }), at: h.tick() });
    expect(summary(r)).toEqual(['cc:lunch']);
  });

  it('SYNC-6 after login, settings changes do not write retroactively', () => {
    const h = Harness.ready(settings(), 'Lunch', 'available');
    const r = h.feed({ type: 'settings', settings: settings({ direction: 'two-way', applyAtLogin: true }), at: h.tick() });
    expect(summary(r)).toEqual([]);
    expect(r.audit.rule).toBe('settings');
    expect(r.audit.note).toContain('direction: one-way -> two-way');
  });
});
