// Customers: create (identities unique org-wide -> 409), get, update (PUT ?replace / PATCH),
// lookups by phone (digits of the E.164 form), e-mail and externalId (404 when none), list.
import { conflict, notFound } from '../errors.js';
import { assertCustom, mergeCustom, ok, parseBody, principal, type Deps, type KCtx, type KRouter } from '../context.js';
import { parsePage, paginate } from '../pagination.js';
import { phoneDigits, sameEmail } from '../phone.js';
import { customerBody, type CustomerBody } from '../schemas/customers.js';
import { customerResource } from '../serialize.js';
import { byOldest, type CustomerRec, type KustomerStore } from '../store.js';

const INTERPRETED = new Set(['name', 'externalId', 'emails', 'phones', 'tags', 'custom', 'createdAt', 'rev']);

/** 409 when another customer already holds one of these identities (Kustomer keeps them unique per org). */
export function assertIdentitiesFree(store: KustomerStore, c: Pick<CustomerRec, 'externalId' | 'emails' | 'phones'>, selfId: string | null): void {
  for (const other of store.customers.values()) {
    if (other.id === selfId) continue;
    if (c.externalId !== null && other.externalId === c.externalId)
      throw conflict(`A customer with externalId "${c.externalId}" already exists`, '/externalId', { conflictingId: other.id, field: 'externalId' });
    c.emails.forEach((e, i) => {
      if (other.emails.some((o) => sameEmail(o.email, e.email)))
        throw conflict(`A customer with email "${e.email}" already exists`, `/emails/${i}/email`, { conflictingId: other.id, field: 'emails' });
    });
    c.phones.forEach((p, i) => {
      if (other.phones.some((o) => phoneDigits(o.phone) === phoneDigits(p.phone)))
        throw conflict(`A customer with phone "${p.phone}" already exists`, `/phones/${i}/phone`, { conflictingId: other.id, field: 'phones' });
    });
  }
}

export function applyCustomerBody(c: CustomerRec, b: CustomerBody, replace: boolean): CustomerRec {
  const next: CustomerRec = { ...c, extra: replace ? {} : { ...c.extra } };
  if (b.name !== undefined) next.name = b.name;
  if (b.externalId !== undefined) next.externalId = b.externalId;
  if (b.emails !== undefined) next.emails = b.emails.map((e) => ({ type: e.type ?? 'home', email: e.email, verified: e.verified ?? false }));
  if (b.phones !== undefined) next.phones = b.phones.map((p) => ({ type: p.type ?? 'other', phone: p.phone, verified: p.verified ?? false }));
  if (b.tags !== undefined) next.tags = b.tags;
  next.custom = mergeCustom(c.custom, b.custom, replace);
  for (const [k, v] of Object.entries(b)) if (!INTERPRETED.has(k) && v !== undefined) next.extra[k] = v;
  return next;
}

export function registerCustomers(router: KRouter, deps: Deps): void {
  const { store } = deps;
  const get = (id: string) => {
    const c = store.customers.get(id);
    if (!c) throw notFound(`Customer ${id}`);
    return c;
  };
  const one = (c: CustomerRec | null, what: string) => {
    if (!c) throw notFound(what);
    return ok({ data: customerResource(store, c) });
  };

  router.post('/v1/customers', (ctx: KCtx) => {
    const p = principal(ctx);
    const b = parseBody(customerBody, ctx.body);
    assertCustom(store, 'customer', b.custom);
    const now = store.now();
    const blank: CustomerRec = {
      id: store.ids.next(), name: null, externalId: null, emails: [], phones: [], tags: [], custom: {}, extra: {}, rev: 1,
      createdAt: b.createdAt ?? now, updatedAt: now, createdBy: p.user.id, modifiedBy: p.user.id,
    };
    const c = applyCustomerBody(blank, b, false);
    assertIdentitiesFree(store, c, null);
    store.touchTags(c.tags);
    store.customers.set(c.id, c);
    return ok({ data: customerResource(store, c) }, 201);
  });

  router.get('/v1/customers', (ctx: KCtx) => {
    const all = [...store.customers.values()].sort(byOldest);
    return ok(paginate(all, parsePage(ctx.query), { path: '/v1/customers', query: ctx.query }, (c) => customerResource(store, c)));
  });

  router.get('/v1/customers/{id}', (ctx: KCtx) => ok({ data: customerResource(store, get(ctx.params.id ?? '')) }));

  const update = (ctx: KCtx) => {
    const p = principal(ctx);
    const current = get(ctx.params.id ?? '');
    const b = parseBody(customerBody, ctx.body);
    assertCustom(store, 'customer', b.custom);
    if (b.rev !== undefined && b.rev !== current.rev) throw conflict(`Customer ${current.id} was modified (rev ${current.rev}, request rev ${b.rev})`, '/rev');
    const replace = ctx.method === 'PUT' && ctx.query.get('replace') === 'true';
    const next = applyCustomerBody(current, b, replace);
    assertIdentitiesFree(store, next, current.id);
    next.rev = current.rev + 1;
    next.updatedAt = store.now();
    next.modifiedBy = p.user.id;
    store.touchTags(next.tags);
    store.customers.set(next.id, next);
    return ok({ data: customerResource(store, next) });
  };
  router.put('/v1/customers/{id}', update);
  router.patch('/v1/customers/{id}', update);

  router.get('/v1/customers/phone={phone}', (ctx: KCtx) => one(store.customerByPhone(ctx.params.phone ?? ''), `Customer with phone ${ctx.params.phone}`));
  router.get('/v1/customers/email={email}', (ctx: KCtx) => one(store.customerByEmail(ctx.params.email ?? ''), `Customer with email ${ctx.params.email}`));
  router.get('/v1/customers/externalId={externalId}', (ctx: KCtx) =>
    one(store.customerByExternalId(ctx.params.externalId ?? ''), `Customer with externalId ${ctx.params.externalId}`),
  );
}
