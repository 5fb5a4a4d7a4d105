import { describe, expect, it } from 'vitest';
import {
  activeCalls,
  auditRows,
  canAdminister,
  canSupervise,
  chatSessions,
  currentStatus,
  customerLabel,
  hasLockedWithin,
  isLocked,
  isSignedIn,
  outboundDialing,
  queuePath,
  recordCards,
  ringingOffers,
  statusOptions,
  supervisorRows,
  transferTargets,
  unreadCount,
} from '../../../renderer/src/store/selectors.js';
import { AUDIT, at, baseState, chatSession, record, signedInState, signedOutState, SUPERVISOR_AGENTS, voiceSession } from '../../e2e/renderer/support/fixtures.js';

describe('status selectors', () => {
  it('groups statuses by kind; system statuses are listed but not selectable', () => {
    const groups = statusOptions(baseState());
    expect(groups.map((g) => g.kind)).toEqual(['available', 'unavailable', 'system']);
    const system = groups.find((g) => g.kind === 'system');
    expect(system?.options.map((o) => [o.id, o.selectable])).toEqual([
      ['in_call', false],
      ['wrap_up', false],
    ]);
    expect(groups[0]?.options[0]).toMatchObject({ id: 'available', selectable: true, current: true });
  });

  it('names the current status, its source and since; unknown ids are shown as the id', () => {
    expect(currentStatus(baseState())).toMatchObject({ id: 'available', name: 'Available', kind: 'available', source: 'agent', crmStatus: 'Available' });
    expect(currentStatus(baseState({ status: { statusId: 'gone', source: 'system', since: null, crmStatus: null } }))).toMatchObject({ name: 'gone', kind: null });
    expect(currentStatus(baseState({ status: { statusId: null, source: null, since: null, crmStatus: null } }))).toBeNull();
  });
});

describe('session selectors', () => {
  const state = baseState({
    sessions: [
      voiceSession('S-2', 'ringing', {}, { assignedAt: at(1) }),
      voiceSession('S-1', 'ringing', {}, { assignedAt: at(2) }),
      voiceSession('S-OUT', 'ringing', { type: 'voice_outbound' }),
      voiceSession('S-3', 'connected', {}, { record: record('S-3') }),
      chatSession('C-2', 'connected', 'Hana Yoon', [], { assignedAt: at(2) }),
      chatSession('C-1', 'ended', 'Joon Choi', [], { assignedAt: at(5), record: record('C-1', { writeState: 'pending' }) }),
      chatSession('C-R', 'ringing', 'New Person'),
    ],
  });

  it('offers are ringing calls and chats, oldest first, without our own outbound dials', () => {
    expect(ringingOffers(state).map((s) => s.session.id)).toEqual(['C-R', 'S-1', 'S-2']);
    expect(outboundDialing(state).map((s) => s.session.id)).toEqual(['S-OUT']);
  });

  it('active calls and chats (ringing chats are offers, not tabs)', () => {
    expect(activeCalls(state).map((s) => s.session.id)).toEqual(['S-3']);
    expect(chatSessions(state).map((s) => s.session.id)).toEqual(['C-1', 'C-2']);
  });

  it('record cards, newest session first', () => {
    expect(recordCards(state).map((c) => c.record.sessionId)).toEqual(['S-3', 'C-1']);
  });

  it('labels a customer by name, phone, identifier, e-mail, then session id', () => {
    const s = voiceSession('S-9', 'ringing');
    expect(customerLabel(s)).toBe('+821012345678');
    expect(customerLabel({ ...s, session: { ...s.session, customer: { phone: null, identifier: null, email: null, name: null } } })).toBe('S-9');
    expect(queuePath({ ...s, session: { ...s.session, menuPath: null } })).toBe('Support > Billing');
  });

  it('counts unread consumer messages, not the agent’s own', () => {
    const c = chatSession('C-5', 'connected', 'A', [
      { id: 'm1', from: 'consumer', text: 'a' },
      { id: 'm2', from: 'agent', text: 'b' },
      { id: 'm3', from: 'consumer', text: 'c' },
    ]);
    expect(unreadCount(c, new Set(['m1']))).toBe(1);
  });
});

describe('roles, locks, transfer targets, audit, supervisor', () => {
  it('admin and supervisor screens follow the roles', () => {
    expect(canAdminister(baseState())).toBe(true);
    expect(canSupervise(baseState())).toBe(true);
    const agentOnly = baseState({ agent: { id: 'a', email: 'a@x', name: 'A', roles: ['agent'], crmUserId: null } });
    expect(canAdminister(agentOnly)).toBe(false);
    expect(canSupervise(agentOnly)).toBe(false);
  });

  it('the desk is for a signed-in agent; a core without sign-in state counts as signed in', () => {
    expect(isSignedIn(baseState())).toBe(true);
    expect(isSignedIn(signedInState())).toBe(true);
    expect(isSignedIn(signedOutState())).toBe(false);
    expect(isSignedIn(signedOutState({}, { state: 'signing-in', email: 'a@x' }))).toBe(false);
    expect(isSignedIn(signedOutState({}, { state: 'failed' }))).toBe(false);
  });

  it('a lock covers the path and everything under it', () => {
    const locked = ['statusSync', 'recordCreation.abandonedCalls'];
    expect(isLocked(locked, 'statusSync.mapping')).toBe(true);
    expect(isLocked(locked, 'recordCreation.abandonedCalls')).toBe(true);
    expect(isLocked(locked, 'recordCreation.abandonedChats')).toBe(false);
    expect(isLocked(locked, 'statusSyncX')).toBe(false);
    expect(hasLockedWithin(['customFields.record.queueName'], 'customFields')).toBe(true);
  });

  it('transfer targets: other online agents (available first) and leaf queues', () => {
    const t = transferTargets(baseState({ supervisor: SUPERVISOR_AGENTS }));
    expect(t.agents.map((a) => a.id)).toEqual(['a-3', 'a-2']);
    expect(t.queues.map((q) => q.id)).toEqual(['q-billing', 'q-tech']);
  });

  it('audit rows are newest first, named, and in the UI language', () => {
    const rows = auditRows(baseState({ audit: AUDIT, locale: 'ko' }));
    expect(rows.map((r) => r.seq)).toEqual([2, 1]);
    expect(rows[1]).toMatchObject({ ccBefore: 'Away', ccAfter: 'Available', crmBefore: 'Email', source: 'crm' });
    expect(rows[1]?.text).toContain('컨택센터');
  });

  it('supervisor rows name statuses and keep online/connections', () => {
    expect(supervisorRows(baseState())).toBeNull();
    const rows = supervisorRows(baseState({ supervisor: SUPERVISOR_AGENTS })) ?? [];
    expect(rows.map((r) => r.name)).toEqual(['Alex Chen', 'Jisoo Park', 'Minji Kim', 'Sara Lee']);
    expect(rows[1]).toMatchObject({ statusName: 'In call', statusKind: 'system', sessionId: 'S-2001', online: true });
    expect(rows[0]?.connections).toBe(2);
  });
});
