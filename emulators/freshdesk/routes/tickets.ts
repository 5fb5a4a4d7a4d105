// Tickets: POST /tickets (JSON or multipart with attachments[]), GET/PUT/DELETE /tickets/{id},
// and GET /tickets, which by default lists only tickets created in the last 30 days (as
// Freshdesk does): a client that needs older ones passes updated_since.
import { assertKnownParams, idParam, includes, ok, principal, readRequest, type Deps, type FdCtx, type FdRouter } from '../context.js';
import { invalid, mismatch, notFound } from '../errors.js';
import { pageReply, parsePage } from '../pagination.js';
import { contactJson, ticketJson } from '../serialize.js';
import { OPEN } from '../statuses.js';
import type { TicketRec } from '../store.js';
import { createTicket, updateTicket } from '../ticket-write.js';

const LIST_PARAMS = new Set(['filter', 'requester_id', 'email', 'unique_external_id', 'company_id', 'updated_since', 'order_by', 'order_type', 'include', 'page', 'per_page']);
const FILTERS = ['new_and_my_open', 'watching', 'spam', 'deleted'];
const ORDER_BY = ['created_at', 'due_by', 'updated_at', 'status'] as const;
const DEFAULT_WINDOW_MS = 30 * 86_400_000;

export function registerTickets(router: FdRouter, deps: Deps): void {
  const { store } = deps;
  const multipart = { body: 'raw' as const, bodyLimitBytes: deps.maxAttachmentBytes + 5 * 1024 * 1024 };
  const live = (id: number): TicketRec => {
    const t = store.tickets.get(id);
    if (!t || t.deleted) throw notFound(`Ticket ${id}`);
    return t;
  };

  router.post(
    '/api/v2/tickets',
    (ctx: FdCtx) => {
      principal(ctx);
      const { ticket } = createTicket(store, deps, readRequest(ctx, true));
      return ok(ticketJson(store, deps.baseUrl(), ticket, { description: true, attachments: true }), 201);
    },
    multipart,
  );

  router.get('/api/v2/tickets/{id}', (ctx: FdCtx) => {
    principal(ctx);
    const inc = includes(ctx.query, ['conversations', 'requester', 'company', 'stats']);
    const t = live(idParam(ctx));
    return ok(ticketJson(store, deps.baseUrl(), t, { description: true, attachments: true, stats: inc.has('stats'), requester: inc.has('requester'), conversations: inc.has('conversations') }));
  });

  router.put(
    '/api/v2/tickets/{id}',
    (ctx: FdCtx) => {
      principal(ctx);
      const t = updateTicket(store, deps, live(idParam(ctx)), readRequest(ctx, true));
      return ok(ticketJson(store, deps.baseUrl(), t, { description: true, attachments: true }));
    },
    multipart,
  );

  router.delete('/api/v2/tickets/{id}', (ctx: FdCtx) => {
    principal(ctx);
    const t = live(idParam(ctx));
    t.deleted = true;
    t.updatedAt = store.now();
    store.index(t);
    return { status: 204 };
  });

  router.get('/api/v2/tickets', (ctx: FdCtx) => {
    const me = principal(ctx).agent;
    const q = ctx.query;
    assertKnownParams(q, LIST_PARAMS);
    const inc = includes(q, ['stats', 'requester', 'description']);
    const page = parsePage(q, { maxPage: 300 });
    const filter = q.get('filter');
    if (filter !== null && !FILTERS.includes(filter)) throw invalid('filter', `It should be one of these values: '${FILTERS.join(',')}'`);
    const orderBy = q.get('order_by') ?? 'created_at';
    if (!(ORDER_BY as readonly string[]).includes(orderBy)) throw invalid('order_by', `It should be one of these values: '${ORDER_BY.join(',')}'`);
    const orderType = q.get('order_type') ?? 'desc';
    if (orderType !== 'asc' && orderType !== 'desc') throw invalid('order_type', "It should be one of these values: 'asc,desc'");
    const sinceRaw = q.get('updated_since');
    const since = sinceRaw === null ? null : Date.parse(sinceRaw);
    if (since !== null && Number.isNaN(since)) throw invalid('updated_since', "It should be in the 'valid datetime' format");
    const numeric = (name: string): number | undefined => {
      const raw = q.get(name);
      if (raw === null) return undefined;
      if (!/^\d+$/.test(raw)) throw mismatch(name, raw, 'Integer');
      return Number(raw);
    };
    const requesterId = numeric('requester_id');
    const companyId = numeric('company_id');
    const email = q.get('email');
    const external = q.get('unique_external_id');
    const byEmail = email === null ? undefined : (store.contactByEmail(email)?.id ?? -1);
    const byExternal = external === null ? undefined : (store.contactByExternalId(external)?.id ?? -1);

    const now = store.now();
    const list = [...store.tickets.values()].filter((t) => {
      if (filter === 'deleted' ? !t.deleted : t.deleted) return false;
      if (filter === 'spam' ? !t.spam : t.spam && filter !== 'deleted') return false;
      if (filter === 'watching') return false; // watchers are not modelled
      if (filter === 'new_and_my_open' && !(t.status === OPEN && (t.responderId === null || t.responderId === me.id))) return false;
      if (since !== null ? t.updatedAt < since : t.createdAt < now - DEFAULT_WINDOW_MS) return false;
      if (requesterId !== undefined && t.requesterId !== requesterId) return false;
      if (byEmail !== undefined && t.requesterId !== byEmail) return false;
      if (byExternal !== undefined && t.requesterId !== byExternal) return false;
      if (companyId !== undefined && t.companyId !== companyId) return false;
      return true;
    });
    const key = (t: TicketRec): number => (orderBy === 'created_at' ? t.createdAt : orderBy === 'updated_at' ? t.updatedAt : orderBy === 'due_by' ? (t.dueBy ?? 0) : t.status);
    const dir = orderType === 'asc' ? 1 : -1;
    list.sort((a, b) => dir * (key(a) - key(b) || a.id - b.id));
    return pageReply(ctx, list, page, (t) => {
      const json = ticketJson(store, deps.baseUrl(), t, { stats: inc.has('stats'), description: inc.has('description') });
      if (inc.has('requester')) {
        const c = store.contacts.get(t.requesterId);
        json.requester = c ? (({ id, name, email: e, mobile, phone }) => ({ id, name, email: e, mobile, phone }))(contactJson(c)) : null;
      }
      return json;
    });
  });
}
