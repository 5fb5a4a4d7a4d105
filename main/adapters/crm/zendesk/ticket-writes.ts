// Writes to one ticket: a PUT within the per-ticket update limit, the follow-up of a closed
// ticket for writes that come after it closed (found through followup_ids, or made once with its
// own Idempotency-Key), and the look-before-write of keyed comments in the ticket's audits.
import { CrmError, type CallContext } from '../../../engine/crm-port.js';
import type { Log } from '../../../engine/ports.js';
import type { HttpClient } from '../http-client.js';
import { followUpBody } from './bodies.js';
import { idempotencyKey, isClosedTicketError, NOTE_KEY } from './mapping.js';
import type { TicketUpdateGuard } from './rate-limit.js';
import { auditList, ticketList, ticketReply } from './replies.js';
import type { StampConfig } from './stamps.js';

const PAGE_MAX = 100;
const FOLLOW_UP_DEPTH = 5;

export class TicketWrites {
  /** closed ticket id -> its follow-up. */
  private readonly followUps = new Map<number, number>();

  constructor(
    private readonly http: HttpClient,
    private readonly guard: TicketUpdateGuard,
    private readonly stamps: StampConfig,
    private readonly log: Log,
  ) {}

  /**
   * A PUT of one ticket, within the per-ticket update limit. A closed ticket refuses it: the
   * write goes to the ticket's follow-up instead (found, or made once), unless it only closed.
   */
  async update(ticketId: number, body: Record<string, unknown>, ctx: CallContext, opts: { noteKey?: string; skipIfClosed?: boolean } = {}): Promise<void> {
    const known = this.followUps.get(ticketId);
    try {
      await this.put(known ?? ticketId, body, ctx);
    } catch (e) {
      if (!(e instanceof CrmError && isClosedTicketError(e))) throw e;
      if (opts.skipIfClosed) return; // closing a closed ticket: nothing left to do
      const target = await this.followUpOf(known ?? ticketId, ctx);
      this.followUps.set(ticketId, target);
      if (opts.noteKey && ctx.retry && (await this.noteExists(target, opts.noteKey, ctx))) return;
      this.log.info('zendesk.follow_up_write', { closed: ticketId, followUp: target });
      await this.put(target, body, ctx);
    }
  }

  private async put(ticketId: number, body: Record<string, unknown>, ctx: CallContext): Promise<void> {
    this.guard.take(ticketId);
    await this.http.request({ method: 'PUT', path: `/api/v2/tickets/${ticketId}`, json: { ticket: body }, signal: ctx.signal }, ticketReply);
  }

  /** The open follow-up of a closed ticket (following a chain of closed follow-ups), else a new one. */
  private async followUpOf(closedId: number, ctx: CallContext): Promise<number> {
    let current = (await this.http.request({ method: 'GET', path: `/api/v2/tickets/${closedId}`, signal: ctx.signal }, ticketReply)).data.ticket;
    for (let depth = 0; depth < FOLLOW_UP_DEPTH; depth++) {
      if (current.status !== 'closed') return current.id;
      const ids = current.followup_ids;
      const found = ids.length ? (await this.http.request({ method: 'GET', path: '/api/v2/tickets/show_many', query: { ids: ids.join(',') }, signal: ctx.signal }, ticketList)).data.tickets : [];
      // Prefer the follow-up AgentDesk made for this record (same external_id), else the newest one.
      const existing = [...found].sort((a, b) => Number(b.external_id === current.external_id) - Number(a.external_id === current.external_id) || b.id - a.id)[0];
      if (!existing) {
        const made = await this.http.request(
          { method: 'POST', path: '/api/v2/tickets', json: followUpBody(current, this.stamps), headers: { 'idempotency-key': idempotencyKey('followup', String(current.id)) }, signal: ctx.signal },
          ticketReply,
        );
        return made.data.ticket.id;
      }
      current = existing;
    }
    throw new CrmError('invalid', `Zendesk: ticket ${closedId} and its follow-ups are all closed`);
  }

  /** Whether a comment with this key was already written (its audit carries the key). */
  async noteExists(ticketId: number, key: string, ctx: CallContext): Promise<boolean> {
    const target = this.followUps.get(ticketId) ?? ticketId;
    let path: string | null = `/api/v2/tickets/${target}/audits`;
    let query: Record<string, string | number> | undefined = { 'page[size]': PAGE_MAX };
    while (path) {
      const r: { data: { audits: Array<{ metadata?: { custom?: Record<string, unknown> | null } | null }>; meta?: { has_more?: boolean }; links?: { next?: string | null } } } = await this.http.request({ method: 'GET', path, query, signal: ctx.signal }, auditList);
      if (r.data.audits.some((a) => a.metadata?.custom?.[NOTE_KEY] === key)) return true;
      path = r.data.meta?.has_more ? (r.data.links?.next ?? null) : null;
      query = undefined;
    }
    return false;
  }
}
