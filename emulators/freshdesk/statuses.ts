// Ticket statuses and what a status change does to a ticket's `stats` (include=stats):
//   Open 2, Pending 3, Resolved 4, Closed 5 are Freshdesk's; custom statuses take ids from 6
//   (the admin's "Waiting on Customer"...). To Freshdesk only 4 and 5 are resolved/closed:
//   custom statuses are unresolved, whatever the admin means by them (StatusRec.category).
// Stats: status_updated_at on every change; pending_since while Pending; resolved_at when the
// ticket enters Resolved (or Closed without a resolution since it was last reopened);
// closed_at when it enters Closed; reopened_at when it leaves Resolved/Closed for another status.
import type { StatusRec, TicketRec, TicketStats } from './records.js';

export const OPEN = 2;
export const PENDING = 3;
export const RESOLVED = 4;
export const CLOSED = 5;

export const BUILT_IN_STATUSES: ReadonlyArray<Omit<StatusRec, 'position'>> = [
  { id: OPEN, label: 'Open', customerLabel: 'Being Processed', category: 'open', stopSlaTimer: false, default: true },
  { id: PENDING, label: 'Pending', customerLabel: 'Awaiting your Reply', category: 'open', stopSlaTimer: true, default: true },
  { id: RESOLVED, label: 'Resolved', customerLabel: 'This ticket has been Resolved', category: 'closed', stopSlaTimer: true, default: true },
  { id: CLOSED, label: 'Closed', customerLabel: 'This ticket has been Closed', category: 'closed', stopSlaTimer: true, default: true },
];

export const isResolvedOrClosed = (status: number) => status === RESOLVED || status === CLOSED;

export function emptyStats(): TicketStats {
  return {
    agentRespondedAt: null, requesterRespondedAt: null, firstRespondedAt: null, statusUpdatedAt: null,
    reopenedAt: null, resolvedAt: null, closedAt: null, pendingSince: null,
  };
}

/** Moves `t` to `status` at `now` (`isNew`: the ticket is being created), updating its stats as Freshdesk does. */
export function applyStatus(t: TicketRec, status: number, now: number, isNew = false): void {
  if (!isNew && status === t.status) return;
  const s = t.stats;
  const wasClosed = !isNew && isResolvedOrClosed(t.status);
  t.status = status;
  s.statusUpdatedAt = now;
  s.pendingSince = status === PENDING ? now : null;
  if (status === RESOLVED) s.resolvedAt = now;
  if (status === CLOSED) {
    s.closedAt = now;
    if (s.resolvedAt === null || (s.reopenedAt !== null && s.resolvedAt < s.reopenedAt)) s.resolvedAt = now;
  }
  if (wasClosed && !isResolvedOrClosed(status)) s.reopenedAt = now;
}
