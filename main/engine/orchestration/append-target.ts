// REC-1 / REC-2 and KUS-6 (outbound): which existing record, if any, a new session joins.
// Pure: the executor feeds it the customer's recent records from the CRM.
import type { Channel } from '../../../common/protocol/index.js';
import type { CrmRecordSummary } from '../crm-port.js';

export type TargetPolicy =
  /** Always a new record (voicemail KUS-5, abandoned calls REC-5, REC-1 off). */
  | { kind: 'new' }
  /** REC-1: the latest record from exactly this leaf queue and channel, if open; REC-2: or closed within N days. */
  | { kind: 'sameLeafQueue'; leafQueueId: string; channel: Channel; reopenWithinDays: number | null }
  /** KUS-6 outbound: the customer's latest record, if open. */
  | { kind: 'latestOpen' }
  /** KUS-6 callbacks: the record of an earlier session, else the fallback policy. */
  | { kind: 'sessionRecord'; ofKey: string; fallback: TargetPolicy }
  /** The record is already known (contact center's session.record link). */
  | { kind: 'existing'; recordId: string };

export type AppendChoice =
  | { append: false; reason: string; followUpOf?: string }
  | { append: true; recordId: string; reopen: boolean; reason: string };

const DAY_MS = 86_400_000;

function newest(records: CrmRecordSummary[]): CrmRecordSummary[] {
  return [...records].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export function chooseAppendTarget(records: CrmRecordSummary[], policy: TargetPolicy, now: Date): AppendChoice {
  switch (policy.kind) {
    case 'new':
    case 'sessionRecord':
    case 'existing':
      return { append: false, reason: 'policy does not look at recent records' };
    case 'latestOpen': {
      const latest = newest(records)[0];
      if (latest?.status === 'open') return { append: true, recordId: latest.id, reopen: false, reason: 'latest record is open (KUS-6)' };
      return { append: false, reason: latest ? 'latest record is not open (KUS-5)' : 'customer has no record' };
    }
    case 'sameLeafQueue': {
      const same = newest(records).find((r) => r.leafQueueId === policy.leafQueueId && r.channel === policy.channel);
      if (!same) return { append: false, reason: 'no record from this leaf queue and channel (REC-1)' };
      if (same.status === 'open') return { append: true, recordId: same.id, reopen: false, reason: 'open record from the same leaf queue (REC-1)' };
      const days = policy.reopenWithinDays ?? 0;
      if (days > 0 && same.closedAt && now.getTime() - Date.parse(same.closedAt) <= days * DAY_MS) {
        if (same.reopenable === false) {
          return { append: false, followUpOf: same.id, reason: `closed within ${days} days but cannot be reopened: follow-up record (REC-2)` };
        }
        return { append: true, recordId: same.id, reopen: true, reason: `closed within ${days} days (REC-2)` };
      }
      return { append: false, reason: days > 0 ? `closed more than ${days} days ago (REC-2)` : 'latest matching record is closed (REC-1)' };
    }
  }
}
