// Pure mappings between the CRM port and Freshdesk's API shapes: tickets (records), contacts
// (customers), private notes, tags (REC-8/REC-9: plain names), statuses (REC-1/REC-2).
import type { Channel } from '../../../../common/protocol/index.js';
import type { CrmRecordSummary, NewCustomer, NewRecord } from '../../../engine/crm-port.js';
import type { FreshdeskConfig } from './options.js';
import type { TicketReply, TicketStats } from './replies.js';

export const OPEN = 2;
export const RESOLVED = 4;
export const CLOSED = 5;
/** Ticket source by channel: Phone 3 for calls and voicemails, Chat 7 for chats. */
export const SOURCE: Record<Channel, number> = { voice: 3, chat: 7 };
const CHANNEL_OF_SOURCE: Record<number, Channel> = { 3: 'voice', 7: 'chat' };
export const SUBJECT_MAX = 255;
export const NOTE_MAX = 60_000;
const TAG_MAX = 255;
const CHANNELS: readonly Channel[] = ['voice', 'chat'];

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const html = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** REC-8/REC-9: Freshdesk tags are plain names; commas separate tags in Freshdesk, so none inside one. */
export function freshdeskTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const clean = t.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().slice(0, TAG_MAX).trim();
    if (clean && !out.some((o) => o.toLowerCase() === clean.toLowerCase())) out.push(clean);
  }
  return out;
}

/** Tags after adding `more` to `current` (Freshdesk replaces a ticket's tags on update), or null when nothing is new. */
export function withTags(current: string[], more: string[]): string[] | null {
  const add = freshdeskTags(more).filter((t) => !current.some((c) => c.toLowerCase() === t.toLowerCase()));
  return add.length ? [...current, ...add] : null;
}

/**
 * The ticket's description (mandatory in Freshdesk): what the session is. The caller's number,
 * call id, language and menu selection arrive as the private details note (KUS-3, KUS-8).
 */
export function descriptionHtml(r: NewRecord): string {
  const kind = `${r.channel === 'voice' ? 'Call' : 'Chat'} (${r.direction === 'in' ? 'inbound' : 'outbound'})`;
  const lines = [
    r.subject,
    `${kind}, session ${r.externalId}, started ${r.startedAt}`,
    r.leafQueueId ? `Queue: ${r.leafQueueId}` : null,
    r.followUpOf ? `Follow-up of ticket #${r.followUpOf}` : null,
    'Created by AgentDesk.',
  ];
  return lines.filter((l): l is string => !!l).map((l) => `<div>${html(l)}</div>`).join('');
}

/** The marker that makes a note findable on a retry (Freshdesk notes carry no external id). */
export const noteRef = (key: string) => `AgentDesk ref: ${key}`;

/** A private note's HTML: the text, then the reference line. */
export function noteHtml(text: string, key: string): string {
  const body = text.trim() === '' ? '(empty)' : text;
  const cut = body.length > NOTE_MAX ? `${body.slice(0, NOTE_MAX - 20)}\n… (truncated)` : body;
  return `<div>${html(cut)}</div><div>${html(noteRef(key))}</div>`;
}

/** Whether a conversation is the note written with `key` (by its reference line). */
export function hasRef(c: { body?: string | null | undefined; body_text?: string | null | undefined }, key: string): boolean {
  const ref = noteRef(key);
  if ((c.body_text ?? '').split(/\r?\n/).some((line) => line.trim() === ref)) return true;
  return (c.body ?? '').includes(`>${escapeHtml(ref)}<`);
}

/**
 * When a closed ticket was closed (REC-2): the time it entered Resolved/Closed in its current
 * closed spell. resolved_at is preferred (an agent resolves; Freshdesk's automatic close some
 * days later must not stretch the window); a time from before the last reopening is stale.
 * Custom closed statuses set neither, so their status_updated_at is used.
 */
export function closedAtOf(status: number, stats: TicketStats | null | undefined): string | null {
  if (!stats) return null;
  const reopened = stats.reopened_at ? Date.parse(stats.reopened_at) : null;
  const fresh = (t: string | null | undefined): t is string => !!t && (reopened === null || Date.parse(t) >= reopened);
  if (status === RESOLVED || status === CLOSED) {
    const candidates = [stats.resolved_at, stats.closed_at].filter(fresh).sort((a, b) => Date.parse(a) - Date.parse(b));
    if (candidates[0]) return candidates[0];
  }
  return stats.status_updated_at ?? null;
}

export function isClosed(status: number, cfg: Pick<FreshdeskConfig, 'closedStatuses'>): boolean {
  return status === RESOLVED || status === CLOSED || cfg.closedStatuses.includes(status);
}

export function toSummary(t: TicketReply, cfg: Pick<FreshdeskConfig, 'closedStatuses' | 'stampFields'>): CrmRecordSummary {
  const cf = t.custom_fields ?? {};
  const { sessionKey, leafQueue, channel } = cfg.stampFields;
  const leaf = leafQueue ? cf[leafQueue] : null;
  const stamped = channel ? cf[channel] : null;
  const closed = isClosed(t.status, cfg);
  const key = cf[sessionKey];
  return {
    id: String(t.id),
    status: closed ? 'closed' : 'open',
    createdAt: t.created_at,
    closedAt: closed ? closedAtOf(t.status, t.stats) : null,
    leafQueueId: typeof leaf === 'string' && leaf ? leaf : null,
    channel: CHANNELS.includes(stamped as Channel) ? (stamped as Channel) : (CHANNEL_OF_SOURCE[t.source ?? 0] ?? null),
    externalId: typeof key === 'string' && key ? key : null,
    // So appending a session does not read the ticket again only to see its tags.
    ...(Array.isArray(t.tags) ? { tags: t.tags } : {}),
    // Freshdesk reopens Resolved and Closed tickets alike (status back to Open).
    reopenable: true,
  };
}

const isEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());

/** Identity of a customer that has none (no phone, e-mail or SDK id): unique_external_id from its key. */
export const anonymousExternalId = (key: string) => `agentdesk:${key}`;

/** Contact identities for a new customer (KUS-7): unique_external_id = SDK identifier, phone in the admin's format. */
export function contactIdentity(c: NewCustomer, phone: string | null): Record<string, string> {
  const email = c.email && isEmail(c.email) ? c.email.trim() : null;
  const external = c.identifier ?? (!phone && !email ? anonymousExternalId(c.key) : null);
  return {
    name: (c.name?.trim() || phone || email || c.identifier || 'Unknown customer').slice(0, 255),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(external ? { unique_external_id: external.slice(0, 255) } : {}),
  };
}

export const validEmail = (s: string | null): string | null => (s && isEmail(s) ? s.trim() : null);
