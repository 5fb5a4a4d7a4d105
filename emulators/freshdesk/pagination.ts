// Freshdesk pagination: `page` (from 1) and `per_page` (default 30, at most 100; a larger or
// invalid value is an error, not a cut). The next page's URL is in the `Link` header
// (`<https://.../api/v2/tickets?page=2&per_page=30>; rel="next"`), absent on the last page.
import type { Reply } from '../http-kit/index.js';
import { invalid } from './errors.js';
import type { FdCtx } from './context.js';

export interface Page {
  page: number;
  perPage: number;
}

function positiveInt(value: string | null, name: string, fallback: number, max: number): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1) throw invalid(name, 'It should be a Positive Integer');
  if (n > max) throw invalid(name, `Must be a number less than or equal to ${max}`);
  return n;
}

/** `maxPage`: tickets stop at 300 pages, search at 10. */
export function parsePage(query: URLSearchParams, opts: { maxPerPage?: number; defaultPerPage?: number; maxPage?: number } = {}): Page {
  return {
    page: positiveInt(query.get('page'), 'page', 1, opts.maxPage ?? Number.MAX_SAFE_INTEGER),
    perPage: positiveInt(query.get('per_page'), 'per_page', opts.defaultPerPage ?? 30, opts.maxPerPage ?? 100),
  };
}

/** The reply for one page of `items`, with the Link header when there is a next page. */
export function pageReply<T>(ctx: FdCtx, items: T[], page: Page, serialize: (item: T) => unknown): Reply {
  const start = (page.page - 1) * page.perPage;
  const slice = items.slice(start, start + page.perPage);
  const headers: Record<string, string> = {};
  if (start + page.perPage < items.length) {
    const q = new URLSearchParams(ctx.query);
    q.set('page', String(page.page + 1));
    q.set('per_page', String(page.perPage));
    headers.link = `<http://${ctx.headers.host ?? 'localhost'}${ctx.path}?${q.toString()}>; rel="next"`;
  }
  return { status: 200, body: slice.map(serialize), headers };
}
