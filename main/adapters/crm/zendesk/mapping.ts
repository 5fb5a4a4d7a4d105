// Pure mappings between the CRM port and Zendesk's shapes: tags, ticket bodies, the record
// summary (open = new/open/pending/hold; closed = solved/closed; solve time from ticket metrics),
// first-comment texts, Zendesk's error text, and idempotency keys.
import { createHash } from 'node:crypto';
import { sessionTypeDisplayName } from '../../../engine/orchestration/session-labels.js';
import { CrmError, type CrmRecordSummary, type NewRecord } from '../../../engine/crm-port.js';
import { errorReply, type MetricSet, type Ticket } from './replies.js';
import { readStamps, type StampConfig } from './stamps.js';

/** Zendesk comments are limited in size; longer text is cut with a marker. */
export const COMMENT_MAX = 60_000;
export const SUBJECT_MAX = 250;
/** The audit metadata key that carries a note's idempotency key (look-before-write, REL-1). */
export const NOTE_KEY = 'agentdesk_key';

/** Zendesk tags: lower case, [a-z0-9_] as the engine formats them (REC-8/REC-9), no duplicates. */
export function zendeskTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.normalize('NFKD').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export function commentText(text: string): string {
  const body = text.trim() === '' ? '(empty)' : text;
  return body.length > COMMENT_MAX ? `${body.slice(0, COMMENT_MAX - 20)}\n… (truncated)` : body;
}

/** Ticket statuses new/open/pending/hold are open (REC-1); solved and closed are closed. */
export function isOpenStatus(status: Ticket['status']): boolean {
  return status !== 'solved' && status !== 'closed';
}

/**
 * The record summary of a ticket. closedAt is the solve time (ticket metrics `solved_at`, which
 * is when the agent closed the case; "closed" follows days later by automation), falling back
 * to updated_at for a closed ticket whose metrics are missing. A closed ticket cannot be reopened.
 */
export function toSummary(t: Ticket, metrics: Map<number, MetricSet>, stamps: StampConfig): CrmRecordSummary {
  const closed = !isOpenStatus(t.status);
  const solvedAt = metrics.get(t.id)?.solved_at ?? null;
  return {
    id: String(t.id),
    status: closed ? 'closed' : 'open',
    createdAt: t.created_at,
    closedAt: closed ? (solvedAt ?? t.updated_at) : null,
    ...readStamps(stamps, t),
    externalId: t.external_id ?? null,
    ...(t.status === 'closed' ? { reopenable: false } : {}),
  };
}

export const metricMap = (sets: MetricSet[] | undefined) => new Map((sets ?? []).map((m) => [m.ticket_id, m]));

/** The first (private) comment of a new ticket: Zendesk needs one; the details note follows. */
export function firstComment(r: NewRecord): string {
  return [
    `${r.subject}`,
    `${sessionTypeDisplayName(r.sessionType)} session ${r.externalId} (${r.direction === 'in' ? 'inbound' : 'outbound'} ${r.channel}), started ${r.startedAt}.`,
    r.followUpOf ? `Follow-up of ticket #${r.followUpOf}, which is closed.` : null,
    'Created by AgentDesk.',
  ]
    .filter((l): l is string => !!l)
    .join('\n');
}

/** Zendesk's error text from an error reply: "RecordInvalid: Record validation errors (status: ...)". */
export function describeZendeskError(_status: number, json: unknown): string | null {
  const parsed = errorReply.safeParse(json);
  if (!parsed.success) return null;
  const e = parsed.data;
  const name = typeof e.error === 'string' ? e.error : (e.error?.title ?? e.error?.message ?? null);
  const details = Object.entries(e.details ?? {})
    .map(([field, list]) => `${field}: ${list.map((d) => d.description ?? d.error ?? '?').join(', ')}`)
    .join('; ');
  const text = [name, e.description].filter(Boolean).join(': ');
  if (!text && !details) return null;
  return details ? `${text} (${details})` : text;
}

export const isClosedTicketError = (e: { status: number | null; message: string }) => e.status === 422 && /closed prevents ticket update/i.test(e.message);
export const isIdempotencyMismatch = (e: { status: number | null; message: string }) => e.status === 400 && /IdempotentRequestError/.test(e.message);

/** An Idempotency-Key (at most 255 characters) derived from a stable key. */
export function idempotencyKey(kind: string, key: string): string {
  const plain = `agentdesk:${kind}:${key}`;
  return plain.length <= 255 ? plain : `agentdesk:${kind}:sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/** A Zendesk id (an integer) from the port's string id; anything else can never be accepted. */
export function zendeskId(what: string, value: string): number {
  if (!/^\d{1,16}$/.test(value)) throw new CrmError('invalid', `Zendesk: "${value}" is not a ${what} id (Zendesk ids are integers)`);
  return Number(value);
}
