// GET /query?q=<SOQL> (and /queryAll): {totalSize, done, records:[{attributes:{type,url}, ...}]};
// more rows than the batch size leave done=false and a nextRecordsUrl (GET /query/{locator}).
import { malformedQuery, SfError } from '../errors.js';
import { runSoql } from '../soql/evaluate.js';
import { API_PREFIX, ok, versionOf, type Deps, type QueryCursor, type SfCtx, type SfRouter } from '../context.js';

let cursorSeq = 0;

function page(deps: Deps, cursor: QueryCursor, offset: number, locator: string) {
  const records = cursor.records.slice(offset, offset + deps.queryBatchSize);
  const end = offset + records.length;
  const done = end >= cursor.records.length;
  if (done) deps.cursors.delete(locator);
  return {
    totalSize: cursor.totalSize,
    done,
    ...(done ? {} : { nextRecordsUrl: `/services/data/${cursor.version}/query/${locator}-${end}` }),
    records,
  };
}

export function registerQuery(router: SfRouter, deps: Deps): void {
  const run = (ctx: SfCtx) => {
    const q = ctx.query.get('q');
    if (q === null || q.trim() === '') throw malformedQuery('A query string (the q parameter) is required');
    const result = runSoql(q, deps.store, { version: versionOf(ctx) });
    const locator = `01g5g0000${String(++cursorSeq).padStart(9, '0')}`;
    const cursor = { records: result.records, totalSize: result.totalSize, version: versionOf(ctx) };
    if (result.records.length > deps.queryBatchSize) deps.cursors.set(locator, cursor);
    return ok(page(deps, cursor, 0, locator));
  };
  router.get(`${API_PREFIX}/query`, run, { composable: true });
  router.get(`${API_PREFIX}/queryAll`, run, { composable: true });
  router.get(`${API_PREFIX}/query/{locator}`, (ctx) => {
    const m = /^(.+)-(\d+)$/.exec(ctx.params.locator ?? '');
    const cursor = m ? deps.cursors.get(m[1] as string) : undefined;
    if (!m || !cursor) throw SfError.of(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return ok(page(deps, cursor, Number(m[2]), m[1] as string));
  }, { composable: true });
}
