// Tickets: create (Idempotency-Key, follow-ups of closed tickets), show, list (external_id,
// sort), show_many, a user's requested tickets, and ticket metrics (where Zendesk exposes the
// solve time). Sideloads: include=metric_sets,users.
import { idParam, ok, parseWrapped, principal, route, type Deps, type ZCtx, type ZRouter } from '../context.js';
import { applyCustomFields } from '../custom-fields.js';
import { badRequest, invalidField, notFound, recordInvalid } from '../errors.js';
import { paginate, sortSpec } from '../pagination.js';
import { ticketCreateSchema } from '../schemas.js';
import { auditJson, metricJson, ticketJson } from '../serialize.js';
import { API_VIA, type TicketRec, type UserRec, type Via } from '../store.js';
import { buildComment, mergeTags, parseStatus, sideloads, ticketOut } from '../ticket-ops.js';

const SORTABLE = ['id', 'created_at', 'updated_at', 'status', 'subject'] as const;

function sortTickets(ctx: ZCtx, list: TicketRec[]): TicketRec[] {
  const { field, desc } = sortSpec(ctx.query, SORTABLE, 'id');
  const key = (t: TicketRec): string | number => t[field as (typeof SORTABLE)[number]];
  return [...list].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
    return desc ? -c : c;
  });
}

function requesterFor(deps: Deps, ctx: ZCtx, b: ReturnType<typeof ticketCreateSchema.parse>): UserRec {
  const { store } = deps;
  if (b.requester_id !== undefined) {
    const u = store.users.get(b.requester_id);
    if (!u) throw invalidField('requester_id', `Requester: user ${b.requester_id} does not exist`);
    return u;
  }
  if (b.requester?.email) {
    const existing = store.userByEmail(b.requester.email);
    if (existing) return existing;
    const now = store.now();
    const u: UserRec = {
      id: store.ids.nextUser(), name: b.requester.name ?? b.requester.email.split('@')[0] ?? 'Requester', email: b.requester.email, phone: null, external_id: null,
      role: 'end-user', verified: false, active: true, tags: [], details: null, notes: null, locale: 'en-US', time_zone: 'UTC', organization_id: null, user_fields: {},
      created_at: now, updated_at: now,
    };
    store.users.set(u.id, u);
    return u;
  }
  return principal(ctx).user;
}

export function createTicket(deps: Deps, ctx: ZCtx) {
  const { store } = deps;
  const p = principal(ctx);
  const b = parseWrapped(deps, ctx, 'ticket', ticketCreateSchema);
  const requester = requesterFor(deps, ctx, b);
  let assigneeId = b.assignee_id ?? null;
  if (b.assignee_email) assigneeId = store.userByEmail(b.assignee_email)?.id ?? -1;
  if (assigneeId !== null && !store.isAgent(assigneeId)) throw invalidField('assignee_id', `Assignee: ${b.assignee_email ?? assigneeId} is not an agent of this account`);
  const status = parseStatus(b.status, true) ?? (assigneeId !== null ? 'open' : 'new');
  let via: Via = API_VIA;
  let source: TicketRec | undefined;
  if (b.via_followup_source_id !== undefined) {
    store.runAutomations();
    source = store.tickets.get(b.via_followup_source_id);
    if (!source) throw invalidField('via_followup_source_id', `Via followup source: ticket ${b.via_followup_source_id} does not exist`);
    if (source.status !== 'closed') throw invalidField('via_followup_source_id', `Via followup source: ticket ${source.id} is ${source.status}; only closed tickets can have follow-ups`);
    via = { channel: 'api', source: { from: { ticket_id: source.id, subject: source.subject, channel: source.via.channel }, to: {}, rel: 'follow_up' } };
  }
  const fields = applyCustomFields(store, new Map(), b.custom_fields ?? b.fields ?? []);
  if (b.metadata && JSON.stringify(b.metadata).length > 1024) throw recordInvalid({ metadata: [{ description: 'Metadata: at most 1 kilobyte', error: 'InvalidValue' }] });
  const id = store.ids.nextTicket();
  const auditId = store.ids.nextObject();
  const comment = buildComment(deps, id, auditId, p.user, b.comment, true);
  if (!comment) throw recordInvalid({ description: [{ description: 'Description: cannot be blank', error: 'BlankValue' }] });
  const now = store.now();
  const t: TicketRec = {
    id, external_id: b.external_id ?? null, subject: b.subject ?? '', description: comment.body, status, type: b.type ?? null, priority: b.priority ?? null,
    requester_id: requester.id, submitter_id: b.submitter_id ?? p.user.id, assignee_id: assigneeId, group_id: b.group_id ?? null,
    tags: mergeTags(b.tags ?? [], fields.addTags, fields.removeTags),
    custom_fields: fields.values, via, followup_ids: [], is_public: comment.public, created_at: now, updated_at: now,
    metrics: {
      id: store.ids.nextObject(), solved_at: status === 'solved' ? now : null, reopens: 0, replies: 0,
      assigned_at: assigneeId !== null ? now : null, initially_assigned_at: assigneeId !== null ? now : null,
      status_updated_at: now, latest_comment_added_at: now, assignee_updated_at: null, requester_updated_at: now,
    },
  };
  store.tickets.set(t.id, t);
  store.comments.set(comment.id, comment);
  if (source) source.followup_ids.push(t.id);
  const creates = [
    { type: 'Create', field_name: 'subject', value: t.subject },
    { type: 'Create', field_name: 'status', value: t.status },
    { type: 'Create', field_name: 'requester_id', value: String(t.requester_id) },
    ...(t.assignee_id !== null ? [{ type: 'Create', field_name: 'assignee_id', value: String(t.assignee_id) }] : []),
    ...(t.tags.length ? [{ type: 'Create', field_name: 'tags', value: t.tags }] : []),
    { type: 'Comment', comment_id: comment.id },
  ];
  const audit = store.addAudit(t.id, p.user.id, creates, { custom: b.metadata ?? {}, at: now, id: auditId });
  return ok({ ticket: ticketJson(deps, t), audit: auditJson(deps, audit) }, 201, { location: `${deps.baseUrl()}/api/v2/tickets/${t.id}.json` });
}

export function registerTickets(router: ZRouter, deps: Deps): void {
  const { store } = deps;
  const get = (ctx: ZCtx) => {
    store.runAutomations();
    const t = store.tickets.get(idParam(ctx));
    if (!t) throw notFound();
    return t;
  };

  route(router, 'POST', '/api/v2/tickets', (ctx: ZCtx) => {
    const raw = ctx.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key) return createTicket(deps, ctx);
    const replay = deps.idempotency.lookup(key, ctx.body);
    if (replay) return replay;
    return deps.idempotency.store(key, ctx.body, createTicket(deps, ctx));
  });

  route(router, 'GET', '/api/v2/tickets/{id}', (ctx: ZCtx) => {
    const t = get(ctx);
    return ok({ ticket: ticketJson(deps, t), ...sideloads(deps, ctx, [t]) });
  });

  route(router, 'GET', '/api/v2/tickets', (ctx: ZCtx) => {
    const externalId = ctx.query.get('external_id');
    const list = sortTickets(ctx, store.ticketsWhere((t) => externalId === null || t.external_id === externalId));
    return ok(paginate(ctx, list, 'tickets', ticketOut(deps), (page) => sideloads(deps, ctx, page)));
  });

  route(router, 'GET', '/api/v2/tickets/show_many', (ctx: ZCtx) => {
    const ids = (ctx.query.get('ids') ?? '').split(',').filter(Boolean);
    if (!ids.length || ids.length > 100 || ids.some((s) => !/^\d+$/.test(s))) throw badRequest('ids must be 1 to 100 comma-separated ticket ids');
    store.runAutomations();
    const list = ids.map((s) => store.tickets.get(Number(s))).filter((t): t is TicketRec => !!t);
    return ok({ tickets: list.map(ticketOut(deps)), ...sideloads(deps, ctx, list), next_page: null, previous_page: null, count: list.length });
  });

  route(router, 'GET', '/api/v2/users/{id}/tickets/requested', (ctx: ZCtx) => {
    const userId = idParam(ctx);
    if (!store.users.has(userId)) throw notFound();
    const list = sortTickets(ctx, store.ticketsWhere((t) => t.requester_id === userId));
    return ok(paginate(ctx, list, 'tickets', ticketOut(deps), (page) => sideloads(deps, ctx, page)));
  });

  route(router, 'GET', '/api/v2/tickets/{id}/metrics', (ctx: ZCtx) => ok({ ticket_metric: metricJson(deps, get(ctx)) }));
}
