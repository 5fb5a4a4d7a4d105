// Kustomer pagination: `page` (1-based) and `pageSize` query parameters; lists answer
// { meta: {page, pageSize}, links: {self, first, prev, next}, data } with links.next null on the
// last page. A pageSize above the endpoint's maximum is refused (400) rather than silently cut.
import { badParam } from './errors.js';

export interface Page {
  page: number;
  pageSize: number;
}

function positiveInt(value: string | null, name: string, fallback: number): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw badParam(`${name} must be a positive integer`, name);
  return n;
}

export function parsePage(query: URLSearchParams, maxPageSize = 100, defaultPageSize = Math.min(100, maxPageSize)): Page {
  const page = positiveInt(query.get('page'), 'page', 1);
  const pageSize = positiveInt(query.get('pageSize'), 'pageSize', defaultPageSize);
  if (pageSize > maxPageSize) throw badParam(`pageSize must be at most ${maxPageSize}`, 'pageSize');
  return { page, pageSize };
}

export interface ListOptions {
  /** Path of the list (e.g. /v1/conversations); its other query parameters are kept in links. */
  path: string;
  query: URLSearchParams;
  /** Also report total and totalPages (search), and links.last. */
  totals?: boolean;
}

export function paginate<T, R>(items: T[], page: Page, opts: ListOptions, serialize: (item: T) => R) {
  const start = (page.page - 1) * page.pageSize;
  const slice = items.slice(start, start + page.pageSize);
  const totalPages = Math.max(1, Math.ceil(items.length / page.pageSize));
  const link = (p: number) => {
    const q = new URLSearchParams(opts.query);
    q.set('page', String(p));
    q.set('pageSize', String(page.pageSize));
    return `${opts.path}?${q.toString()}`;
  };
  const hasNext = start + page.pageSize < items.length;
  return {
    meta: { page: page.page, pageSize: page.pageSize, ...(opts.totals ? { total: items.length, totalPages, aggregations: {} } : {}) },
    links: {
      self: link(page.page),
      first: link(1),
      prev: page.page > 1 ? link(page.page - 1) : null,
      next: hasNext ? link(page.page + 1) : null,
      ...(opts.totals ? { last: link(totalPages) } : {}),
    },
    data: slice.map(serialize),
  };
}
