// POST /composite: up to 25 subrequests (at most 5 of them queries) run in order as ONE API
// request. `@{ref.path}` in a subrequest's url or body reads an earlier subresponse's body
// (`@{newCase.id}`, `@{contacts.records[0].Id}`). A reference to a failed subrequest, or to a value
// that is not there, fails the dependant with PROCESSING_HALTED. allOrNone: the first failure
// rolls everything back and every other subrequest answers 400 PROCESSING_HALTED; otherwise the
// subrequests that do not depend on a failure still run. The reply is always 200.
import { z } from 'zod';
import { SfError, type SfErrorItem } from '../errors.js';
import { API_PREFIX, ok, type Deps, type SfCtx, type SfMeta, type SfRouter } from '../context.js';
import type { Reply } from '../../http-kit/index.js';

const MAX_SUBREQUESTS = 25;
const MAX_QUERIES = 5;
const REF = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])+)\}/g;
const ROLLED_BACK: SfErrorItem = { message: 'The transaction was rolled back since another operation in the same transaction failed.', errorCode: 'PROCESSING_HALTED' };

const subrequest = z.object({
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD']),
  url: z.string().min(1),
  referenceId: z.string().regex(/^[A-Za-z0-9_]+$/, 'referenceId may contain letters, digits and underscores only'),
  body: z.unknown().optional(),
  httpHeaders: z.record(z.string(), z.string()).optional(),
});
const compositeBody = z.object({ allOrNone: z.boolean().default(false), collateSubrequests: z.boolean().optional(), compositeRequest: z.array(subrequest).min(1) });

interface SubResponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

class HaltedReference extends Error {}

/** The value at `.a.b[0].c` of a subresponse body, or undefined. */
function walk(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const m of path.matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const key = m[1] ?? Number(m[2]);
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function substitute(text: string, done: Map<string, SubResponse>): string {
  return text.replace(REF, (_all, ref: string, path: string) => {
    const r = done.get(ref);
    const v = r && r.httpStatusCode < 300 ? walk(r.body, path) : undefined;
    if (v === undefined || v === null || typeof v === 'object') throw new HaltedReference(`Invalid reference specified. No value for ${ref}${path} found in ${ref}.`);
    return String(v);
  });
}

function resolveBody(v: unknown, done: Map<string, SubResponse>): unknown {
  if (typeof v === 'string') return substitute(v, done);
  if (Array.isArray(v)) return v.map((x) => resolveBody(x, done));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveBody(x, done)]));
  return v;
}

function fail(status: number, message: string, errorCode = 'INVALID_INPUT'): never {
  throw SfError.of(status, errorCode, message);
}

export function registerComposite(router: SfRouter, deps: Deps): void {
  router.post(`${API_PREFIX}/composite`, async (ctx) => {
    const parsed = compositeBody.safeParse(ctx.body);
    if (!parsed.success) fail(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), 'JSON_PARSER_ERROR');
    const { allOrNone, compositeRequest: subs } = parsed.data;
    if (subs.length > MAX_SUBREQUESTS) fail(400, `A composite request can have at most ${MAX_SUBREQUESTS} subrequests; it has ${subs.length}`);
    const ids = new Set<string>();
    let queries = 0;
    for (const s of subs) {
      if (ids.has(s.referenceId)) fail(400, `Duplicate referenceId provided in the request: ${s.referenceId}`);
      ids.add(s.referenceId);
      const path = s.url.split('?')[0] ?? '';
      const m = /^\/services\/data\/(v\d+\.\d)\/(.*)$/.exec(path);
      if (!m || !deps.versions.includes(m[1] as string)) fail(400, `The subrequest url must start with /services/data/<a supported version>/: ${s.url}`);
      const match = router.match(s.method === 'HEAD' ? 'GET' : s.method, path.replace(REF, 'x'));
      if (match.kind !== 'found' || !match.route.meta.composable) fail(400, `The composite resource does not support ${s.method} ${path}`);
      if (/^query(All)?(\/|$)/.test(m[2] ?? '')) queries++;
    }
    if (queries > MAX_QUERIES) fail(400, `A composite request can have at most ${MAX_QUERIES} query subrequests; it has ${queries}`);

    const checkpoint = allOrNone ? deps.store.checkpoint() : null;
    const done = new Map<string, SubResponse>();
    const out: SubResponse[] = [];
    let failedAt = -1;
    for (const [n, s] of subs.entries()) {
      const res = await runOne(router, ctx, s, done);
      done.set(s.referenceId, res);
      out.push(res);
      if (res.httpStatusCode >= 400 && allOrNone) {
        failedAt = n;
        break;
      }
    }
    if (checkpoint && failedAt >= 0) {
      deps.store.rollback(checkpoint);
      const halted = (referenceId: string): SubResponse => ({ body: [ROLLED_BACK], httpHeaders: {}, httpStatusCode: 400, referenceId });
      return ok({ compositeResponse: subs.map((s, n) => (n === failedAt ? (out[n] as SubResponse) : halted(s.referenceId))) });
    }
    return ok({ compositeResponse: out });
  });
}

async function runOne(router: SfRouter, parent: SfCtx, s: z.infer<typeof subrequest>, done: Map<string, SubResponse>): Promise<SubResponse> {
  const base = { body: null as unknown, httpHeaders: {}, httpStatusCode: 0, referenceId: s.referenceId };
  let url: string;
  let body: unknown;
  try {
    url = substitute(s.url, done);
    body = resolveBody(s.body, done);
  } catch (e) {
    if (e instanceof HaltedReference) return { ...base, body: [{ message: e.message, errorCode: 'PROCESSING_HALTED' }], httpStatusCode: 400 };
    throw e;
  }
  const u = new URL(url, 'http://composite.local');
  const method = s.method === 'HEAD' ? 'GET' : s.method;
  const match = router.match(method, u.pathname);
  if (match.kind !== 'found') return { ...base, body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }], httpStatusCode: 404 };
  const headers = { ...parent.headers, ...Object.fromEntries(Object.entries(s.httpHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v])) };
  const sub = {
    ...parent, method, path: u.pathname, query: u.searchParams, headers, params: match.params,
    route: { pattern: match.route.pattern, meta: match.route.meta as SfMeta }, body, rawBody: null, locals: {},
  } as SfCtx;
  let reply: Reply;
  try {
    reply = await match.route.handler(sub);
  } catch (e) {
    if (!(e instanceof SfError)) throw e;
    reply = e.reply();
  }
  const httpHeaders: Record<string, string> = {};
  if (reply.headers?.location) httpHeaders.Location = reply.headers.location;
  return { ...base, body: reply.status === 204 || s.method === 'HEAD' ? null : (reply.body ?? null), httpHeaders, httpStatusCode: reply.status };
}
