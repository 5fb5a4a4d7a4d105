// Zendesk's two pagination styles on list endpoints:
// - offset: `page` (from 1) and `per_page` (default and maximum 100; larger values are capped);
//   the reply has `next_page` / `previous_page` (absolute URLs or null) and `count`;
// - cursor (chosen by any `page[size]`, `page[after]` or `page[before]` parameter):
//   `page[size]` up to 100 (more is a 400); the reply has `meta {has_more, after_cursor,
//   before_cursor}` and `links {next, prev}`.
import { badRequest } from './errors.js';
import type { ZCtx } from './context.js';

const MAX = 100;

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}
function decodeCursor(c: string): number {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0) return v.o;
  } catch {
    // fall through
  }
  throw badRequest(`Invalid cursor "${c}"`);
}

function positiveInt(value: string | null, name: string, fallback: number): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw badRequest(`${name} must be a positive integer`);
  return n;
}

export function isCursorRequest(q: URLSearchParams): boolean {
  return q.has('page[size]') || q.has('page[after]') || q.has('page[before]');
}

export function paginate<T>(ctx: ZCtx, items: T[], key: string, map: (t: T) => unknown, extra: (page: T[]) => Record<string, unknown> = () => ({})): Record<string, unknown> {
  const q = ctx.query;
  const base = `http://${ctx.headers.host ?? '127.0.0.1'}${ctx.path}`;
  const link = (params: Record<string, string>) => {
    const u = new URLSearchParams(q);
    for (const [k, v] of Object.entries(params)) u.set(k, v);
    return `${base}?${u.toString()}`;
  };
  if (isCursorRequest(q)) {
    const size = positiveInt(q.get('page[size]'), 'page[size]', MAX);
    if (size > MAX) throw badRequest(`page[size] must be at most ${MAX}`);
    const after = q.get('page[after]');
    const before = q.get('page[before]');
    let start = after ? decodeCursor(after) : 0;
    if (before) start = Math.max(0, decodeCursor(before) - size);
    const page = items.slice(start, start + size);
    const end = start + page.length;
    const hasMore = end < items.length;
    const afterCursor = page.length ? encodeCursor(end) : null;
    const beforeCursor = page.length && start > 0 ? encodeCursor(start) : null;
    const next = { 'page[after]': afterCursor ?? '' };
    return {
      [key]: page.map(map),
      ...extra(page),
      meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
      links: {
        next: hasMore && afterCursor ? link({ ...next, 'page[size]': String(size) }) : null,
        prev: beforeCursor ? link({ 'page[before]': beforeCursor, 'page[size]': String(size) }) : null,
      },
    };
  }
  const perPage = Math.min(positiveInt(q.get('per_page'), 'per_page', MAX), MAX);
  const pageNo = positiveInt(q.get('page'), 'page', 1);
  const start = (pageNo - 1) * perPage;
  const page = items.slice(start, start + perPage);
  return {
    [key]: page.map(map),
    ...extra(page),
    next_page: start + perPage < items.length ? link({ page: String(pageNo + 1), per_page: String(perPage) }) : null,
    previous_page: pageNo > 1 ? link({ page: String(pageNo - 1), per_page: String(perPage) }) : null,
    count: items.length,
  };
}

/** Sort for offset lists: `sort_by` (a field) and `sort_order` asc|desc; cursor lists: `sort=-field`. */
export function sortSpec(q: URLSearchParams, allowed: readonly string[], fallback: string): { field: string; desc: boolean } {
  const sort = q.get('sort');
  if (sort !== null) {
    const desc = sort.startsWith('-');
    const field = desc ? sort.slice(1) : sort;
    if (!allowed.includes(field)) throw badRequest(`sort must be one of ${allowed.join(', ')} (prefix - for descending)`);
    return { field, desc };
  }
  const field = q.get('sort_by') ?? fallback;
  if (!allowed.includes(field)) throw badRequest(`sort_by must be one of ${allowed.join(', ')}`);
  const order = q.get('sort_order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') throw badRequest('sort_order must be asc or desc');
  return { field, desc: order === 'desc' };
}
