import { describe, expect, it } from 'vitest';
import { chooseAppendTarget, type TargetPolicy } from '../../../main/engine/orchestration/append-target.js';
import type { CrmRecordSummary } from '../../../main/engine/crm-port.js';

const NOW = new Date('2026-11-21T12:00:00Z');
const rec = (id: string, over: Partial<CrmRecordSummary> = {}): CrmRecordSummary => ({
  id,
  status: 'open',
  createdAt: '2026-11-20T10:00:00Z',
  closedAt: null,
  leafQueueId: 'q-billing',
  channel: 'voice',
  externalId: null,
  ...over,
});
const sameQueue = (days: number | null = null): TargetPolicy => ({ kind: 'sameLeafQueue', leafQueueId: 'q-billing', channel: 'voice', reopenWithinDays: days });

describe('REC-1 append to the latest open record of the same leaf queue and channel', () => {
  it.each<[string, CrmRecordSummary[], TargetPolicy, string | null, boolean]>([
    ['open record from the same leaf queue', [rec('r1')], sameQueue(), 'r1', false],
    ['newest of two matching records', [rec('r1', { createdAt: '2026-11-19T10:00:00Z' }), rec('r2')], sameQueue(), 'r2', false],
    ['other leaf queue only', [rec('r1', { leafQueueId: 'q-tech' })], sameQueue(), null, false],
    ['same queue but other channel', [rec('r1', { channel: 'chat' })], sameQueue(), null, false],
    ['latest matching record closed, REC-2 off', [rec('r1', { status: 'closed', closedAt: '2026-11-21T11:00:00Z' })], sameQueue(null), null, false],
    ['newest matching is closed while an older one is open: the newest decides', [rec('r1', { createdAt: '2026-11-01T00:00:00Z' }), rec('r2', { status: 'closed', closedAt: '2026-11-01T00:00:00Z' })], sameQueue(), null, false],
    ['no records', [], sameQueue(), null, false],
    ['records not stamped by AgentDesk are ignored', [rec('r1', { leafQueueId: null, channel: null })], sameQueue(), null, false],
  ])('%s', (_name, records, policy, expected, reopen) => {
    const c = chooseAppendTarget(records, policy, NOW);
    expect(c.append ? c.recordId : null).toBe(expected);
    if (c.append) expect(c.reopen).toBe(reopen);
  });
});

describe('REC-2 reopen window', () => {
  it.each<[string, string, number | null, boolean]>([
    ['closed 1 day ago, window 3 days', '2026-11-20T12:00:00Z', 3, true],
    ['closed exactly 3 days ago, window 3 days', '2026-11-18T12:00:00Z', 3, true],
    ['closed 4 days ago, window 3 days', '2026-11-17T11:59:59Z', 3, false],
    ['closed 1 hour ago, window off (0)', '2026-11-21T11:00:00Z', 0, false],
    ['closed 1 hour ago, window off (null)', '2026-11-21T11:00:00Z', null, false],
  ])('%s', (_n, closedAt, days, appends) => {
    const c = chooseAppendTarget([rec('r1', { status: 'closed', closedAt })], sameQueue(days), NOW);
    expect(c.append).toBe(appends);
    if (c.append) expect(c.reopen).toBe(true);
  });
  it('a closed record without a close time is not reopened', () => {
    expect(chooseAppendTarget([rec('r1', { status: 'closed', closedAt: null })], sameQueue(30), NOW).append).toBe(false);
  });
});

describe('KUS-6 outbound append-or-new', () => {
  it('appends to the latest record when it is open, whatever its queue', () => {
    const c = chooseAppendTarget([rec('old', { createdAt: '2026-01-01T00:00:00Z', status: 'closed' }), rec('new', { leafQueueId: 'q-other', channel: 'chat' })], { kind: 'latestOpen' }, NOW);
    expect(c).toMatchObject({ append: true, recordId: 'new' });
  });
  it('makes a new record when the latest is not open (KUS-5)', () => {
    const c = chooseAppendTarget([rec('open-old', { createdAt: '2026-01-01T00:00:00Z' }), rec('closed-new', { status: 'closed' })], { kind: 'latestOpen' }, NOW);
    expect(c.append).toBe(false);
  });
});

it('policy "new" never appends (KUS-5 voicemail, abandoned)', () => {
  expect(chooseAppendTarget([rec('r1')], { kind: 'new' }, NOW).append).toBe(false);
});

describe('REC-2 with a CRM that cannot reopen a closed record (Zendesk "closed")', () => {
  it('makes a follow-up record of the closed one instead of appending', () => {
    const c = chooseAppendTarget([rec('z1', { status: 'closed', closedAt: '2026-11-20T12:00:00Z', reopenable: false })], sameQueue(3), NOW);
    expect(c).toMatchObject({ append: false, followUpOf: 'z1' });
  });
  it('outside the window it is simply a new record', () => {
    const c = chooseAppendTarget([rec('z1', { status: 'closed', closedAt: '2026-11-01T12:00:00Z', reopenable: false })], sameQueue(3), NOW);
    expect(c.append).toBe(false);
    expect(c).not.toHaveProperty('followUpOf');
  });
});
