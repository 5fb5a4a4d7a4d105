// Reading tickets and notes back: a requester's recent tickets (with `updated_since`, since
// Freshdesk otherwise lists only the last 30 days), the ticket an earlier attempt created for a
// session (by the session-key stamp; the list is read live, unlike search, which lags), and
// whether a note with a given reference line is on a ticket (REL-1).
import type { CallContext, CrmRecordSummary } from '../../../engine/crm-port.js';
import { hasNextPage, numericId, type FreshdeskClient } from './client.js';
import { hasRef, toSummary } from './mapping.js';
import { conversationList, ticketList, type TicketReply } from './replies.js';

const PAGE_MAX = 100;
const DAY_MS = 86_400_000;
/** Pages of a requester's tickets scanned for an earlier attempt's ticket (100 each). */
const OWN_TICKET_PAGES = 5;

/** A requester's tickets, newest first, page by page until `stop` says enough or pages run out. */
export async function requesterTickets(
  client: FreshdeskClient,
  customerId: string,
  opts: { updatedSince: string; perPage: number; maxPages: number; withStats: boolean; stop?: (page: TicketReply[]) => boolean },
  ctx: CallContext,
): Promise<TicketReply[]> {
  const requester = numericId(customerId, 'customer');
  const out: TicketReply[] = [];
  for (let page = 1; page <= opts.maxPages; page++) {
    const r = await client.http.request(
      {
        method: 'GET',
        path: '/tickets',
        query: { requester_id: requester, updated_since: opts.updatedSince, order_by: 'created_at', order_type: 'desc', per_page: opts.perPage, page, ...(opts.withStats ? { include: 'stats' } : {}) },
        signal: ctx.signal,
      },
      ticketList,
    );
    out.push(...r.data);
    if (opts.stop?.(r.data) || !hasNextPage(r.headers) || r.data.length === 0) break;
  }
  return out;
}

/** The ticket an earlier attempt created for session `key`: the requester's tickets updated since the session started. */
export async function findOwnTicket(client: FreshdeskClient, customerId: string, key: string, startedAt: string, ctx: CallContext): Promise<CrmRecordSummary | null> {
  const field = client.cfg.stampFields.sessionKey;
  const started = Date.parse(startedAt);
  const from = Number.isNaN(started) ? client.now() - client.cfg.recordsLookbackDays * DAY_MS : started;
  const mine = (t: TicketReply) => t.custom_fields?.[field] === key;
  const tickets = await requesterTickets(
    client,
    customerId,
    { updatedSince: new Date(from - DAY_MS).toISOString(), perPage: PAGE_MAX, maxPages: OWN_TICKET_PAGES, withStats: false, stop: (page) => page.some(mine) },
    ctx,
  );
  const hit = tickets.find(mine);
  return hit ? toSummary(hit, client.cfg) : null;
}

/** Whether the ticket has a note whose reference line is `key` (all pages of its conversations). */
export async function noteExists(client: FreshdeskClient, ticketId: number, key: string, ctx: CallContext): Promise<boolean> {
  for (let page = 1; ; page++) {
    const r = await client.http.request({ method: 'GET', path: `/tickets/${ticketId}/conversations`, query: { per_page: PAGE_MAX, page }, signal: ctx.signal }, conversationList);
    if (r.data.some((c) => hasRef(c, key))) return true;
    if (!hasNextPage(r.headers) || r.data.length === 0) return false;
  }
}
