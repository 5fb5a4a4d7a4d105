// Users: create (name required; e-mail and external_id unique; E.164 check when the account
// validates phone numbers), create_or_update (matched by external_id, else e-mail; 201 created,
// 200 updated), show, me, update, list, and users/search (?external_id= exact, or ?query= with
// the search syntax of routes/search.ts, restricted to users).
import { idParam, ok, parseWrapped, principal, route, type Deps, type ZCtx, type ZRouter } from '../context.js';
import { badRequest, notFound, recordInvalid } from '../errors.js';
import { paginate } from '../pagination.js';
import { isE164, sameEmail } from '../phone.js';
import { userSchema, type UserBody } from '../schemas.js';
import { userJson } from '../serialize.js';
import type { UserRec, ZendeskStore } from '../store.js';
import { runSearch } from './search.js';

function validate(deps: Deps, u: UserRec): void {
  const { store } = deps;
  const details: Record<string, Array<{ description: string; error: string }>> = {};
  if (!u.name.trim()) details.name = [{ description: 'Name: cannot be blank', error: 'BlankValue' }];
  for (const other of store.users.values()) {
    if (other.id === u.id) continue;
    if (u.email && sameEmail(other.email, u.email)) details.email = [{ description: `Email: ${u.email} is already being used by another user`, error: 'DuplicateValue' }];
    if (u.external_id !== null && other.external_id === u.external_id) details.external_id = [{ description: 'External has already been taken', error: 'DuplicateValue' }];
  }
  if (u.phone && deps.validatePhoneNumbers && !isE164(u.phone)) details.phone = [{ description: `Phone: ${u.phone} is not a valid phone number (E.164, e.g. +15551234567)`, error: 'InvalidFormat' }];
  if (Object.keys(details).length) throw recordInvalid(details);
}

function apply(u: UserRec, b: UserBody): UserRec {
  const next: UserRec = { ...u, tags: [...u.tags], user_fields: { ...u.user_fields, ...(b.user_fields ?? {}) } };
  if (b.name !== undefined) next.name = b.name;
  if (b.email !== undefined) next.email = b.email;
  if (b.phone !== undefined) next.phone = b.phone;
  if (b.external_id !== undefined) next.external_id = b.external_id;
  if (b.role !== undefined) next.role = b.role;
  if (b.verified !== undefined) next.verified = b.verified;
  if (b.details !== undefined) next.details = b.details;
  if (b.notes !== undefined) next.notes = b.notes;
  if (b.locale !== undefined) next.locale = b.locale;
  if (b.time_zone !== undefined) next.time_zone = b.time_zone;
  if (b.tags !== undefined) next.tags = b.tags.map((t) => t.toLowerCase());
  if (b.organization_id !== undefined) next.organization_id = b.organization_id;
  for (const i of b.identities ?? []) {
    if (i.type === 'email' && !next.email) next.email = i.value;
    if (i.type === 'phone_number' && !next.phone) next.phone = i.value;
  }
  return next;
}

export function blankUser(store: ZendeskStore): UserRec {
  const now = store.now();
  return {
    id: store.ids.nextUser(), name: '', email: null, phone: null, external_id: null, role: 'end-user', verified: false, active: true, tags: [],
    details: null, notes: null, locale: 'en-US', time_zone: 'UTC', organization_id: null, user_fields: {}, created_at: now, updated_at: now,
  };
}

export function registerUsers(router: ZRouter, deps: Deps): void {
  const { store } = deps;
  const create = (b: UserBody) => {
    const u = apply(blankUser(store), b);
    validate(deps, u);
    store.users.set(u.id, u);
    return u;
  };
  const update = (u: UserRec, b: UserBody) => {
    const next = apply(u, b);
    validate(deps, next);
    next.updated_at = store.now();
    store.users.set(next.id, next);
    return next;
  };
  const get = (ctx: ZCtx) => {
    const u = store.users.get(idParam(ctx));
    if (!u) throw notFound();
    return u;
  };

  route(router, 'POST', '/api/v2/users', (ctx: ZCtx) => ok({ user: userJson(deps, create(parseWrapped(deps, ctx, 'user', userSchema))) }, 201));
  route(router, 'POST', '/api/v2/users/create_or_update', (ctx: ZCtx) => {
    const b = parseWrapped(deps, ctx, 'user', userSchema);
    if (!b.external_id && !b.email) throw recordInvalid({ base: [{ description: 'create_or_update needs an email or an external_id to match the user', error: 'BlankValue' }] });
    const existing = (b.external_id ? store.userByExternalId(b.external_id) : null) ?? (b.email ? store.userByEmail(b.email) : null);
    return existing ? ok({ user: userJson(deps, update(existing, b)) }) : ok({ user: userJson(deps, create(b)) }, 201);
  });
  route(router, 'GET', '/api/v2/users/me', (ctx: ZCtx) => ok({ user: userJson(deps, principal(ctx).user) }));
  route(router, 'GET', '/api/v2/users/search', (ctx: ZCtx) => {
    const externalId = ctx.query.get('external_id');
    const query = ctx.query.get('query');
    if (externalId === null && query === null) throw badRequest('users/search needs query or external_id');
    const users = externalId !== null ? [...store.users.values()].filter((u) => u.external_id === externalId) : runSearch(deps, `type:user ${query}`, ctx.query).map((r) => r.record as UserRec);
    return ok(paginate(ctx, users, 'users', (u) => userJson(deps, u)));
  });
  route(router, 'GET', '/api/v2/users/{id}', (ctx: ZCtx) => ok({ user: userJson(deps, get(ctx)) }));
  route(router, 'PUT', '/api/v2/users/{id}', (ctx: ZCtx) => ok({ user: userJson(deps, update(get(ctx), parseWrapped(deps, ctx, 'user', userSchema))) }));
  route(router, 'GET', '/api/v2/users', (ctx: ZCtx) => {
    const role = ctx.query.get('role');
    const list = [...store.users.values()].filter((u) => role === null || u.role === role).sort((a, b) => a.id - b.id);
    return ok(paginate(ctx, list, 'users', (u) => userJson(deps, u)));
  });
}
