// SYNC-7 no loops: echoes of our own writes are recognised (tokens per side, expiring; tags from
// the Kustomer preload), and a failed write is shown and not retried in a loop. Reordering and
// simultaneous changes are in ordering.test.ts.
import { describe, expect, it } from 'vitest';
import { commandOf, Harness, notices, settings, summary } from './harness.js';

const twoWay = settings({ direction: 'two-way' });

describe('SYNC-7 echo suppression', () => {
  it('SYNC-7 the contact center echoes our write: no new change, no Kustomer write (two-way)', () => {
    const h = Harness.ready(twoWay);
    const cmd = commandOf(h.crm('Lunch'), 'cc');
    const echo = h.cc('lunch', 'crm');
    expect(echo.audit.rule).toBe('SYNC-7 echo-suppressed');
    expect(summary(echo)).toEqual([]);
    expect(h.ack(cmd, 'lunch').audit.rule).toBe('command-ack');
    expect(h.state.pending).toEqual([]);
    expect(h.state.cc.statusId).toBe('lunch');
  });

  it.each(['event first', 'ack first'] as const)('SYNC-7 ack and echo in either order (%s) end in the same state, no writes', (order) => {
    const h = Harness.ready(twoWay);
    const cmd = commandOf(h.crm('Lunch'), 'cc');
    const rs = order === 'event first' ? [h.cc('lunch', 'crm'), h.ack(cmd, 'lunch')] : [h.ack(cmd, 'lunch'), h.cc('lunch', 'crm')];
    expect(rs.flatMap(summary)).toEqual([]);
    expect(rs.map((r) => r.audit.rule).sort()).toEqual(['SYNC-7 echo-suppressed', 'command-ack']);
    expect(h.state.cc.statusId).toBe('lunch');
    expect(h.state.pending).toEqual([]);
  });

  it('SYNC-7 Kustomer echoes our write (value match): no contact-center write', () => {
    const h = Harness.ready(twoWay);
    h.cc('lunch', 'agent'); // -> crm:Lunch
    const echo = h.crm('Lunch');
    expect(echo.audit.rule).toBe('SYNC-7 echo-suppressed');
    expect(summary(echo)).toEqual([]);
  });

  it('SYNC-7 Kustomer echo tagged with our command id is recognised exactly; untagged changes are real', () => {
    const h = Harness.ready(twoWay, 'Available', 'available', { crmEchoTags: true });
    const cmd = commandOf(h.cc('lunch', 'agent'), 'crm');
    const click = h.crm('Lunch'); // the agent clicked the same status: real, not our echo
    expect(click.audit.rule).toBe('SYNC-2 in-sync');
    const echo = h.crm('Lunch', { commandId: cmd });
    expect(echo.audit.rule).toBe('SYNC-7 echo-suppressed');
    expect(summary(echo)).toEqual([]);
  });

  it('SYNC-7 a tagged echo is ours even after its token expired', () => {
    const h = Harness.ready(twoWay, 'Available', 'available', { crmEchoTags: true, echoTtlMs: 10, commandTimeoutMs: 10 });
    const cmd = commandOf(h.cc('lunch', 'agent'), 'crm');
    h.tick(100);
    const echo = h.crm('Lunch', { commandId: cmd });
    expect(echo.audit.rule).toBe('SYNC-7 echo-suppressed');
    expect(summary(echo)).toEqual([]);
  });

  it('SYNC-7 tokens expire: the echo of an acknowledged write is awaited echoTtlMs, then forgotten', () => {
    const h = Harness.ready(settings(), 'Available', 'available', { echoTtlMs: 50 });
    const cmd = commandOf(h.crm('Lunch'), 'cc');
    h.ack(cmd);
    expect(h.state.pending).toHaveLength(1);
    h.tick(51);
    h.crm('Lunch'); // any input prunes
    expect(h.state.pending).toEqual([]);
  });

  it('SYNC-7 an unacknowledged write stays in flight until the command timeout, not the echo TTL', () => {
    const h = Harness.ready(settings(), 'Available', 'available', { echoTtlMs: 5, commandTimeoutMs: 1000 });
    h.crm('Lunch');
    h.tick(100);
    h.crm('Lunch');
    expect(h.state.pending).toHaveLength(1);
  });

  it('SYNC-7 an acknowledged write whose echo never comes (the page already showed it) causes no extra write', () => {
    const h = Harness.ready(twoWay, 'Available', 'available', { crmEchoTags: true });
    const cmd = commandOf(h.cc('lunch', 'agent'), 'crm');
    h.crm('Lunch'); // the agent picked Lunch in Kustomer before our request arrived
    h.applied(cmd); // nothing changed in the page, so no echo will follow
    const next = h.crm('Email');
    expect(summary(next)).toEqual(['cc:away']);
  });

  it('SYNC-7 a late contact-center echo after expiry is still recognised as ours (recent writes)', () => {
    const h = Harness.ready(twoWay, 'Available', 'available', { echoTtlMs: 5, commandTimeoutMs: 5 });
    h.crm('Lunch');
    h.tick(100);
    const late = h.cc('lunch', 'crm');
    expect(late.audit.rule).toBe('SYNC-7 echo-suppressed');
    expect(summary(late)).toEqual([]);
    expect(notices(late)).toEqual([]);
  });

  it('SYNC-7 a crm-sourced change we never wrote is another CRM session: recorded, never fought, agent told', () => {
    const h = Harness.ready(twoWay);
    h.crm('Lunch');
    const foreign = h.cc('meeting', 'crm');
    expect(foreign.audit.rule).toBe('SYNC-7 foreign-crm-change');
    expect(summary(foreign)).toEqual([]);
    expect(notices(foreign)).toEqual(['statusSync.foreignCrmChange']);
    expect(summary(h.cc('lunch', 'crm'))).toEqual([]); // our own echo still suppressed
  });
});

describe('SYNC-7 failures are shown and not retried in a loop', () => {
  it('SYNC-7 a rejected contact-center write: notice, no retry on later echoes or reports', () => {
    const h = Harness.ready(twoWay);
    const cmd = commandOf(h.crm('Lunch'), 'cc');
    const nack = h.nack(cmd, 'status not allowed');
    expect(nack.audit.rule).toBe('command-failed');
    expect(notices(nack)).toEqual(['statusSync.ccFailed']);
    expect(nack.actions[0]).toMatchObject({ notice: { params: { status: 'Lunch', message: 'status not allowed' } } });
    expect(summary(h.crm('Lunch', { at: h.now - 100 }))).toEqual([]); // an old report triggers no retry
    expect(summary(h.crm('Email'))).toEqual(['cc:away']); // a new real change is applied
  });

  it('SYNC-7 a Kustomer page that cannot apply: notice, no retry', () => {
    const h = Harness.ready(twoWay);
    const cmd = commandOf(h.cc('lunch', 'agent'), 'crm');
    const failed = h.failed(cmd, 'menu not found');
    expect(failed.audit.rule).toBe('command-failed');
    expect(notices(failed)).toEqual(['statusSync.crmFailed']);
    expect(summary(h.cc('lunch', 'crm'))).toEqual([]);
  });

  it('SYNC-7 acks for commands of an earlier connection are ignored', () => {
    const h = Harness.ready();
    const cmd = commandOf(h.crm('Lunch'), 'cc');
    h.login('available'); // reconnect: the old command will never be echoed
    const late = h.ack(cmd);
    expect(late.audit.rule).toBe('command-ack');
    expect(late.audit.note).toContain('not pending');
    expect(h.state.cc.statusId).toBe('available');
  });

  it('SYNC-7 an ack that reports another status than asked records it and expects no echo', () => {
    const h = Harness.ready();
    const cmd = commandOf(h.crm('Lunch'), 'cc');
    h.ack(cmd, 'available');
    expect(h.state.cc.statusId).toBe('available');
    expect(h.state.pending).toEqual([]);
  });

  it('SYNC-7 write limit: a change that already used its write does not write again, and says so', () => {
    const h = Harness.ready(settings(), 'Available', 'available', { echoTtlMs: 1 });
    const t = h.tick();
    const cmd = commandOf(h.crm('Lunch', { at: t + 50 }), 'cc');
    h.ack(cmd); // landed; its echo is now overdue
    h.tick(10);
    const older = h.cc('away', 'agent', t + 10); // older than the Kustomer change
    expect(summary(older)).toEqual([]);
    expect(older.audit.rule).toBe('SYNC-7 write-limit');
  });
});
