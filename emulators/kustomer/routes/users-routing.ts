// Users, routing statuses and work sessions, and the calling token. These are outside Kustomer's
// OpenAPI description; CRM-APIS.md 1.2 documents them:
//   GET /v1/users[?email=], /v1/users/current, /v1/users/{id}            (max pageSize 500)
//   GET/POST /v1/routing/statuses, GET /v1/routing/statuses/{id}
//   GET /v1/routing/work-sessions?user=&active=&statusType=, GET/PUT /v1/routing/work-sessions/{id}
//   GET /v1/routing/users/{id}/work-sessions
//   GET /v1/auth/tokens/current
import { badParam, conflict, notFound } from '../errors.js';
import { ok, parseBody, principal, type Deps, type KCtx, type KRouter } from '../context.js';
import { parsePage, paginate } from '../pagination.js';
import { routingStatusBody, STATUS_TYPES, workSessionUpdateBody } from '../schemas/other.js';
import { statusResource, tokenResource, userResource, workSessionResource } from '../serialize-misc.js';
import { byNewest, byOldest, type RoutingStatusRec, type WorkSessionRec } from '../store.js';

function boolParam(ctx: KCtx, name: string): boolean | null {
  const v = ctx.query.get(name);
  if (v === null) return null;
  if (v !== 'true' && v !== 'false') throw badParam(`${name} must be true or false`, name);
  return v === 'true';
}

export function registerUsersAndRouting(router: KRouter, deps: Deps): void {
  const { store, routing } = deps;

  router.get('/v1/users', (ctx: KCtx) => {
    const email = ctx.query.get('email');
    const users = [...store.users.values()].filter((u) => email === null || u.email.toLowerCase() === email.toLowerCase()).sort(byOldest);
    return ok(paginate(users, parsePage(ctx.query, 500), { path: '/v1/users', query: ctx.query }, (u) => userResource(store, u)));
  });
  router.get('/v1/users/current', (ctx: KCtx) => ok({ data: userResource(store, principal(ctx).user) }));
  router.get('/v1/users/{id}', (ctx: KCtx) => {
    const u = store.users.get(ctx.params.id ?? '');
    if (!u) throw notFound(`User ${ctx.params.id}`);
    return ok({ data: userResource(store, u) });
  });
  router.get('/v1/auth/tokens/current', (ctx: KCtx) => ok({ data: tokenResource(store, principal(ctx).key) }));

  router.get('/v1/routing/statuses', (ctx: KCtx) => {
    const all = [...store.routingStatuses.values()].sort(byOldest);
    return ok(paginate(all, parsePage(ctx.query), { path: '/v1/routing/statuses', query: ctx.query }, (s) => statusResource(store, s)));
  });
  router.get('/v1/routing/statuses/{id}', (ctx: KCtx) => {
    const s = store.routingStatuses.get(ctx.params.id ?? '');
    if (!s) throw notFound(`Routing status ${ctx.params.id}`);
    return ok({ data: statusResource(store, s) });
  });
  router.post('/v1/routing/statuses', (ctx: KCtx) => {
    principal(ctx);
    const b = parseBody(routingStatusBody, ctx.body);
    if (store.statusByName(b.name)) throw conflict(`A routing status named "${b.name}" already exists`, '/name');
    const now = store.now();
    const s: RoutingStatusRec = { id: store.ids.next(), name: b.name, statusType: b.statusType, system: false, description: b.description ?? null, createdAt: now, updatedAt: now };
    store.routingStatuses.set(s.id, s);
    return ok({ data: statusResource(store, s) }, 201);
  });

  const sessions = (ctx: KCtx, path: string, filter: (w: WorkSessionRec) => boolean) => {
    const active = boolParam(ctx, 'active');
    const statusType = ctx.query.get('statusType');
    if (statusType !== null && !(STATUS_TYPES as readonly string[]).includes(statusType)) throw badParam(`statusType must be one of ${STATUS_TYPES.join(', ')}`, 'statusType');
    const list = [...store.workSessions.values()]
      .filter((w) => filter(w) && (active !== true || w.active) && (statusType === null || w.statusType === statusType))
      .sort(byNewest);
    return ok(paginate(list, parsePage(ctx.query), { path, query: ctx.query }, (w) => workSessionResource(store, w)));
  };
  router.get('/v1/routing/work-sessions', (ctx: KCtx) => {
    const me = principal(ctx).user.id;
    const onlyMine = boolParam(ctx, 'user') === true;
    return sessions(ctx, '/v1/routing/work-sessions', (w) => !onlyMine || w.userId === me);
  });
  router.get('/v1/routing/users/{id}/work-sessions', (ctx: KCtx) => {
    const userId = ctx.params.id ?? '';
    if (!store.users.has(userId)) throw notFound(`User ${userId}`);
    return sessions(ctx, `/v1/routing/users/${userId}/work-sessions`, (w) => w.userId === userId);
  });
  router.get('/v1/routing/work-sessions/{id}', (ctx: KCtx) => {
    const w = store.workSessions.get(ctx.params.id ?? '');
    if (!w) throw notFound(`Work session ${ctx.params.id}`);
    return ok({ data: workSessionResource(store, w) });
  });
  router.put('/v1/routing/work-sessions/{id}', (ctx: KCtx) => {
    principal(ctx);
    const b = parseBody(workSessionUpdateBody, ctx.body);
    return ok({ data: workSessionResource(store, routing.updateSession(ctx.params.id ?? '', b.status, 'api')) });
  });
}
