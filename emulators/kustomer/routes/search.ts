// POST /v1/customers/search, a useful subset: queryContext customer (default) or conversation;
// criteria in and/or/not (objects or arrays, nested and/or allowed) on customer_phone (by
// digits), customer_email, customer_external_id, customer_name, customer_created_at/updated_at,
// customer_tags, customer_custom_<attr>, and conversation_* (status, name, external_id, direction,
// tags, created_at, updated_at, last_done_created_at, custom_<attr>); operators equals, in,
// contains, gt/gte/lt/lte, exists. A customer matches a conversation_* criterion when one of its
// conversations does. Dates are UTC (timeZone is accepted and ignored). 100 searches/min per key.
import { badParam, badRequest } from '../errors.js';
import { ok, parseBody, principal, type Deps, type KCtx, type KRouter } from '../context.js';
import { parsePage, paginate } from '../pagination.js';
import { phoneDigits } from '../phone.js';
import { searchBody } from '../schemas/other.js';
import { conversationResource, customerResource } from '../serialize.js';
import type { ConversationRec, CustomerRec } from '../store.js';

type Scalar = string | number | boolean | null;
type Getter<T> = (x: T) => Scalar[];

const CUSTOMER_FIELDS: Record<string, Getter<CustomerRec>> = {
  customer_id: (c) => [c.id],
  customer_name: (c) => [c.name],
  customer_email: (c) => c.emails.map((e) => e.email.toLowerCase()),
  customer_phone: (c) => c.phones.map((p) => phoneDigits(p.phone)),
  customer_external_id: (c) => [c.externalId],
  customer_created_at: (c) => [c.createdAt],
  customer_updated_at: (c) => [c.updatedAt],
  customer_tags: (c) => c.tags,
};
const CONVERSATION_FIELDS: Record<string, Getter<ConversationRec>> = {
  conversation_id: (c) => [c.id],
  conversation_name: (c) => [c.name],
  conversation_status: (c) => [c.status],
  conversation_external_id: (c) => [c.externalId],
  conversation_direction: (c) => [c.direction],
  conversation_tags: (c) => c.tags,
  conversation_created_at: (c) => [c.createdAt],
  conversation_updated_at: (c) => [c.updatedAt],
  conversation_last_done_created_at: (c) => [c.lastDone?.createdAt ?? null],
};
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function normalize(field: string, v: unknown): Scalar {
  if (field === 'customer_phone' && typeof v === 'string') return phoneDigits(v);
  if (field === 'customer_email' && typeof v === 'string') return v.toLowerCase();
  return v as Scalar;
}

function compare(actual: Scalar, op: string, expected: unknown): boolean {
  if (actual === null) return false;
  if (typeof expected === 'string' && typeof actual === 'string' && /^\d{4}-\d{2}-\d{2}/.test(expected) && /^\d{4}-\d{2}-\d{2}T/.test(actual)) {
    const a = Date.parse(actual);
    const dayEnd = DATE_ONLY.test(expected) && (op === 'lte' || op === 'gt');
    const e = Date.parse(expected) + (dayEnd ? 86_399_999 : 0);
    return op === 'gt' ? a > e : op === 'gte' ? a >= e : op === 'lt' ? a < e : a <= e;
  }
  const a = actual as number;
  const e = expected as number;
  return op === 'gt' ? a > e : op === 'gte' ? a >= e : op === 'lt' ? a < e : a <= e;
}

function test(values: Scalar[], field: string, op: string, raw: unknown): boolean {
  const present = values.filter((v) => v !== null && v !== undefined);
  switch (op) {
    case 'equals':
      return present.some((v) => v === normalize(field, raw));
    case 'in':
      if (!Array.isArray(raw)) throw badRequest(`${field}.in must be an array`);
      return present.some((v) => raw.map((r) => normalize(field, r)).includes(v));
    case 'contains':
      return present.some((v) => typeof v === 'string' && v.toLowerCase().includes(String(raw).toLowerCase()));
    case 'exists':
      return (present.length > 0) === Boolean(raw);
    case 'gt': case 'gte': case 'lt': case 'lte':
      return present.some((v) => compare(v, op, raw));
    default:
      throw badRequest(`Operator "${op}" on ${field} is not supported (equals, in, contains, exists, gt, gte, lt, lte)`);
  }
}

function getter(field: string): { on: 'customer' | 'conversation'; get: (x: never) => Scalar[] } {
  if (CUSTOMER_FIELDS[field]) return { on: 'customer', get: CUSTOMER_FIELDS[field] as (x: never) => Scalar[] };
  if (CONVERSATION_FIELDS[field]) return { on: 'conversation', get: CONVERSATION_FIELDS[field] as (x: never) => Scalar[] };
  const custom = /^(customer|conversation)_custom_(.+)$/.exec(field);
  if (custom) return { on: custom[1] as 'customer' | 'conversation', get: ((x: { custom: Record<string, unknown> }) => [(x.custom[custom[2] ?? ''] ?? null) as Scalar]) as (x: never) => Scalar[] };
  throw badRequest(`Search field "${field}" is not supported by the emulator`);
}

type Subject = { customer: CustomerRec; conversations: ConversationRec[] };

function matches(node: unknown, s: Subject, mode: 'and' | 'or'): boolean {
  const list = Array.isArray(node) ? node : node && typeof node === 'object' ? Object.entries(node).map(([k, v]) => ({ [k]: v })) : [];
  const results = list.map((item) => {
    if (!item || typeof item !== 'object') throw badRequest('search criteria must be objects');
    return Object.entries(item as Record<string, unknown>).every(([field, cond]) => {
      if (field === 'and' || field === 'or') return matches(cond, s, field);
      if (field === 'not') return !matches(cond, s, 'or');
      if (!cond || typeof cond !== 'object') throw badRequest(`criterion ${field} must be an object of operators`);
      const g = getter(field);
      const check = (values: Scalar[]) => Object.entries(cond).every(([op, v]) => test(values, field, op, v));
      return g.on === 'customer' ? check(g.get(s.customer as never)) : s.conversations.some((c) => check(g.get(c as never)));
    });
  });
  return mode === 'and' ? results.every(Boolean) : results.length === 0 || results.some(Boolean);
}

export function registerSearch(router: KRouter, deps: Deps): void {
  const { store } = deps;
  router.post('/v1/customers/search', (ctx: KCtx) => {
    const p = principal(ctx);
    const b = parseBody(searchBody, ctx.body);
    const page = parsePage(ctx.query, 500, 100);
    if (page.page > 100) throw badParam('page must be at most 100 (search hard limit)', 'page');
    deps.limits.takeSearch(p.key.id);
    const context = b.queryContext ?? 'customer';
    if (context !== 'customer' && context !== 'conversation') throw badRequest(`queryContext "${context}" is not supported by the emulator (customer, conversation)`, '/queryContext');
    const subjects: Subject[] =
      context === 'customer'
        ? [...store.customers.values()].map((customer) => ({ customer, conversations: store.conversationsOf(customer.id) }))
        : [...store.conversations.values()].map((c) => ({ customer: store.customers.get(c.customerId) as CustomerRec, conversations: [c] }));
    const hit = subjects.filter(
      (s) => s.customer && (b.and === undefined || matches(b.and, s, 'and')) && (b.or === undefined || matches(b.or, s, 'or')) && (b.not === undefined || !matches(b.not, s, 'or')),
    );
    const sorts = b.sort === undefined ? [] : Array.isArray(b.sort) ? b.sort : [b.sort];
    const keys = sorts.flatMap((o) => Object.entries(o));
    const sortable = context === 'customer' ? ['customer_created_at', 'customer_updated_at', 'customer_name'] : ['conversation_created_at', 'conversation_updated_at'];
    for (const [k] of keys) if (!sortable.includes(k)) throw badRequest(`Sorting on "${k}" is not supported (${sortable.join(', ')})`, '/sort');
    const value = (s: Subject, k: string) => String((k.startsWith('customer') ? CUSTOMER_FIELDS[k]?.(s.customer) : CONVERSATION_FIELDS[k]?.(s.conversations[0] as ConversationRec))?.[0] ?? '');
    hit.sort((x, y) => {
      for (const [k, dir] of keys.length ? keys : [[`${context}_updated_at`, 'desc'] as [string, unknown]]) {
        const d = value(x, k).localeCompare(value(y, k)) * (dir === 'desc' ? -1 : 1);
        if (d) return d;
      }
      return 0;
    });
    const opts = { path: '/v1/customers/search', query: ctx.query, totals: true };
    return ok(
      context === 'customer'
        ? paginate(hit, page, opts, (s) => customerResource(store, s.customer))
        : paginate(hit, page, opts, (s) => conversationResource(store, s.conversations[0] as ConversationRec)),
    );
  });
}
