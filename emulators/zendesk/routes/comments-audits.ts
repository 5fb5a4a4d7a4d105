// A ticket's comments (oldest first; sort_order=desc for newest first) and audits (each create
// or update that changed the ticket, with its events and metadata {system, custom}).
import { idParam, ok, route, type Deps, type ZCtx, type ZRouter } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { paginate } from '../pagination.js';
import { auditJson, commentJson } from '../serialize.js';

function order<T>(ctx: ZCtx, list: T[]): T[] {
  const sort = ctx.query.get('sort_order') ?? (ctx.query.get('sort') === '-created_at' ? 'desc' : ctx.query.get('sort') === 'created_at' || ctx.query.get('sort') === null ? 'asc' : null);
  if (sort !== 'asc' && sort !== 'desc') throw badRequest('sort_order must be asc or desc (or sort=created_at / -created_at)');
  return sort === 'desc' ? [...list].reverse() : list;
}

export function registerCommentsAndAudits(router: ZRouter, deps: Deps): void {
  const { store } = deps;
  const ticketId = (ctx: ZCtx) => {
    const id = idParam(ctx);
    if (!store.tickets.has(id)) throw notFound();
    return id;
  };
  route(router, 'GET', '/api/v2/tickets/{id}/comments', (ctx: ZCtx) =>
    ok(paginate(ctx, order(ctx, store.commentsOf(ticketId(ctx))), 'comments', (c) => commentJson(deps, c))),
  );
  route(router, 'GET', '/api/v2/tickets/{id}/audits', (ctx: ZCtx) => {
    const id = ticketId(ctx);
    store.runAutomations();
    return ok(paginate(ctx, order(ctx, store.auditsOf(id)), 'audits', (a) => auditJson(deps, a)));
  });
}
