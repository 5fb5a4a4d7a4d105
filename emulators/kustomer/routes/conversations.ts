// Conversations: create (org-wide unique externalId -> 409; 120 creates/min per customer), get,
// get by externalId, lists (org, per customer newest first), update (PUT ?replace / PATCH, rev
// optimistic lock, lastDone recorded when marked done), tag append/remove by name.
import { ApiError, badParam, badRequest, conflict, notFound } from '../errors.js';
import { assertCustom, assertUsersExist, mergeCustom, ok, parseBody, principal, type Deps, type KCtx, type KRouter, type Principal } from '../context.js';
import { isDateTime } from '../formats.js';
import { parsePage, paginate } from '../pagination.js';
import {
  conversationCreateBody, conversationMoveBody, conversationUpdateBody, customerConversationCreateBody, tagNamesBody,
  type ConversationCreateBody, type ConversationUpdateBody,
} from '../schemas/conversations.js';
import { conversationResource } from '../serialize.js';
import { byNewest, byOldest, type ConversationRec, type KustomerStore } from '../store.js';

const CREATE_INTERPRETED = new Set(['id', 'customer', 'externalId', 'name', 'status', 'priority', 'createdAt', 'direction', 'tags', 'assignedUsers', 'assignedTeams', 'custom']);
const UPDATE_INTERPRETED = new Set(['externalId', 'name', 'status', 'priority', 'direction', 'tags', 'assignedUsers', 'assignedTeams', 'custom', 'rev']);

function assertExternalIdFree(store: KustomerStore, externalId: string | null | undefined, selfId: string | null): void {
  if (externalId === undefined || externalId === null) return;
  const other = store.conversationByExternalId(externalId);
  if (other && other.id !== selfId)
    throw conflict(`A conversation with externalId "${externalId}" already exists`, '/externalId', { conflictingId: other.id, field: 'externalId' });
}

function markDone(store: KustomerStore, c: ConversationRec, userId: string): void {
  const now = store.now();
  c.lastDone = { createdAt: now, createdBy: userId, time: Math.max(0, Date.parse(now) - Date.parse(c.createdAt)) };
}

export function createConversation(deps: Deps, p: Principal, customerId: string, b: ConversationCreateBody): ConversationRec {
  const { store } = deps;
  if (b.id !== undefined && store.conversations.has(b.id)) throw conflict(`Conversation ${b.id} already exists`, '/id', { conflictingId: b.id });
  assertExternalIdFree(store, b.externalId, null);
  assertUsersExist(store, b.assignedUsers, '/assignedUsers');
  assertCustom(store, 'conversation', b.custom);
  if (b.importedAt === undefined) deps.limits.takeCustomerCreate(p.key.id, customerId, 'conversation');
  const now = store.now();
  const c: ConversationRec = {
    id: b.id ?? store.ids.next(),
    customerId,
    externalId: b.externalId ?? null,
    name: b.name ?? '',
    status: b.status ?? 'open',
    direction: b.direction ?? 'in',
    priority: b.priority ?? 3,
    tags: b.tags ?? [],
    assignedUsers: b.assignedUsers ?? [],
    assignedTeams: b.assignedTeams ?? [],
    custom: mergeCustom({}, b.custom),
    lastDone: null,
    channels: [],
    messageCount: 0,
    noteCount: 0,
    outboundMessageCount: 0,
    lastMessageAt: null,
    extra: Object.fromEntries(Object.entries(b).filter(([k, v]) => !CREATE_INTERPRETED.has(k) && v !== undefined)),
    rev: 1,
    createdAt: b.createdAt ?? now,
    updatedAt: now,
    createdBy: p.user.id,
    modifiedBy: p.user.id,
  };
  if (c.status === 'done') markDone(store, c, p.user.id);
  store.touchTags(c.tags);
  store.conversations.set(c.id, c);
  return c;
}

function applyUpdate(store: KustomerStore, c: ConversationRec, b: ConversationUpdateBody, replace: boolean, userId: string): void {
  if (b.externalId !== undefined) c.externalId = b.externalId;
  if (b.name !== undefined) c.name = b.name ?? '';
  if (b.priority !== undefined) c.priority = b.priority;
  if (b.direction !== undefined) c.direction = b.direction;
  if (b.tags !== undefined) c.tags = b.tags;
  if (b.assignedUsers !== undefined) c.assignedUsers = b.assignedUsers;
  if (b.assignedTeams !== undefined) c.assignedTeams = b.assignedTeams;
  c.custom = mergeCustom(c.custom, b.custom, replace);
  if (b.status !== undefined && b.status !== c.status) {
    c.status = b.status;
    if (b.status === 'done') markDone(store, c, userId);
  }
  for (const [k, v] of Object.entries(b)) if (!UPDATE_INTERPRETED.has(k) && v !== undefined) c.extra[k] = v;
  store.touchTags(c.tags);
}

function touch(store: KustomerStore, c: ConversationRec, userId: string): void {
  c.rev += 1;
  c.updatedAt = store.now();
  c.modifiedBy = userId;
}

export function registerConversations(router: KRouter, deps: Deps): void {
  const { store } = deps;
  const get = (id: string) => {
    const c = store.conversations.get(id);
    if (!c) throw notFound(`Conversation ${id}`);
    return c;
  };
  const res = (c: ConversationRec, status = 200) => ok({ data: conversationResource(store, c) }, status);

  router.post('/v1/conversations', (ctx: KCtx) => {
    const b = parseBody(conversationCreateBody, ctx.body);
    if (!store.customers.has(b.customer)) throw badRequest(`Customer ${b.customer} does not exist`, '/customer');
    return res(createConversation(deps, principal(ctx), b.customer, b), 201);
  });
  router.post('/v1/customers/{id}/conversations', (ctx: KCtx) => {
    const customerId = ctx.params.id ?? '';
    if (!store.customers.has(customerId)) throw notFound(`Customer ${customerId}`);
    const b = parseBody(customerConversationCreateBody, ctx.body);
    return res(createConversation(deps, principal(ctx), customerId, b), 201);
  });

  router.get('/v1/conversations', (ctx: KCtx) => {
    const sort = ctx.query.get('sort');
    if (sort !== null && sort !== 'desc') throw badParam('sort must be "desc"', 'sort');
    const all = [...store.conversations.values()].sort(sort === 'desc' ? byNewest : byOldest);
    return ok(paginate(all, parsePage(ctx.query), { path: '/v1/conversations', query: ctx.query }, (c) => conversationResource(store, c)));
  });
  router.get('/v1/customers/{id}/conversations', (ctx: KCtx) => {
    const customerId = ctx.params.id ?? '';
    if (!store.customers.has(customerId)) throw notFound(`Customer ${customerId}`);
    const fromDate = ctx.query.get('fromDate');
    if (fromDate !== null && !isDateTime(fromDate)) throw badParam('fromDate must be an ISO-8601 date-time', 'fromDate');
    const list = store.conversationsOf(customerId).filter((c) => fromDate === null || Date.parse(c.createdAt) >= Date.parse(fromDate));
    const path = `/v1/customers/${customerId}/conversations`;
    return ok(paginate(list, parsePage(ctx.query), { path, query: ctx.query }, (c) => conversationResource(store, c)));
  });
  router.get('/v1/conversations/{id}', (ctx: KCtx) => res(get(ctx.params.id ?? '')));
  router.get('/v1/conversations/externalId={externalId}', (ctx: KCtx) => {
    const c = store.conversationByExternalId(ctx.params.externalId ?? '');
    if (!c) throw notFound(`Conversation with externalId ${ctx.params.externalId}`);
    return res(c);
  });

  const update = (ctx: KCtx) => {
    const p = principal(ctx);
    const c = get(ctx.params.id ?? '');
    const body = ctx.body ?? {};
    if (typeof body === 'object' && body !== null && 'customer' in body) {
      const m = parseBody(conversationMoveBody, body);
      if (m.customer !== undefined) {
        if (!store.customers.has(m.customer)) throw badRequest(`Customer ${m.customer} does not exist`, '/customer');
        c.customerId = m.customer;
      }
    } else {
      const b = parseBody(conversationUpdateBody, body);
      if (b.rev !== undefined && b.rev !== c.rev) throw conflict(`Conversation ${c.id} was modified (rev ${c.rev}, request rev ${b.rev})`, '/rev', { rev: c.rev });
      assertExternalIdFree(store, b.externalId, c.id);
      assertUsersExist(store, b.assignedUsers, '/assignedUsers');
      assertCustom(store, 'conversation', b.custom);
      applyUpdate(store, c, b, ctx.method === 'PUT' && ctx.query.get('replace') === 'true', p.user.id);
    }
    touch(store, c, p.user.id);
    return res(c);
  };
  router.put('/v1/conversations/{id}', update);
  router.patch('/v1/conversations/{id}', update);

  const tagsChange = (mode: 'append' | 'remove') => (ctx: KCtx) => {
    const p = principal(ctx);
    const c = get(ctx.params.id ?? '');
    const names = parseBody(tagNamesBody, ctx.body ?? []);
    const lower = new Set(names.map((n) => n.toLowerCase()));
    if (mode === 'append') {
      const have = new Set(c.tags.map((t) => t.toLowerCase()));
      const added = names.filter((n) => !have.has(n.toLowerCase()));
      if (c.tags.length + added.length > 20) throw ApiError.of(400, 'A conversation can have at most 20 tags');
      c.tags = [...c.tags, ...added];
      store.touchTags(added);
    } else c.tags = c.tags.filter((t) => !lower.has(t.toLowerCase()));
    touch(store, c, p.user.id);
    return res(c);
  };
  router.post('/v1/conversations/{id}/tags', tagsChange('append'));
  router.delete('/v1/conversations/{id}/tags', tagsChange('remove'));
}
