// The Salesforce REST client under the adapter: the shared HttpClient (timeouts, reply schemas,
// error kinds) plus Salesforce specifics: `/services/data/vNN.N` paths, Bearer auth (a given
// token, or the client-credentials flow with one refresh after INVALID_SESSION_ID),
// REQUEST_LIMIT_EXCEEDED as `rate_limited`, Sforce-Limit-Info tracking, SOQL queries and
// composite requests whose failed subrequests become CrmErrors of the right kind.
import type { z } from 'zod';
import { CrmError } from '../../../engine/crm-port.js';
import { HttpClient, kindForStatus, type HttpRequest } from '../http-client.js';
import type { ResolvedSettings } from './options.js';
import { isRequestLimitExceeded, readApiUsage, requestLimitDelay, type ApiUsage } from './rate-limit.js';
import { compositeReply, describeSalesforceError, queryResult, tokenReply, type SubResponse } from './replies.js';

export interface Subrequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under /services/data/vNN.N (may hold @{ref.path} references). */
  path: string;
  referenceId: string;
  body?: unknown;
}

export class SalesforceApi {
  readonly base: string;
  private readonly http: HttpClient;
  private token: string | null;
  private refreshing: Promise<void> | null = null;
  private usage: ApiUsage | null = null;

  constructor(
    private readonly s: ResolvedSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.base = `/services/data/${s.apiVersion}`;
    this.token = s.accessToken ?? null;
    this.http = new HttpClient({
      vendor: 'Salesforce',
      baseUrl: s.instanceUrl,
      timeoutMs: s.timeoutMs,
      fetch: fetchImpl,
      headers: (): Record<string, string> => (this.token ? { authorization: `Bearer ${this.token}` } : {}),
      describeError: describeSalesforceError,
      onReply: (h) => {
        this.usage = readApiUsage(h, Date.now()) ?? this.usage;
      },
    });
  }

  lastApiUsage(): ApiUsage | null {
    return this.usage ? { ...this.usage } : null;
  }

  /** A request under /services/data/vNN.N; `path` may be absolute under the instance (nextRecordsUrl). */
  async request<S extends z.ZodType>(req: HttpRequest, schema: S | null): Promise<z.infer<S>> {
    const path = req.path.startsWith('/services/') ? req.path : `${this.base}${req.path}`;
    const go = () => this.http.request({ ...req, path }, schema).then((r) => r.data as z.infer<S>);
    if (!this.token) await this.refreshToken(req.signal);
    try {
      return await go();
    } catch (e) {
      const err = this.mapError(e);
      if (err.status === 401 && this.s.clientId && this.s.clientSecret) {
        await this.refreshToken(req.signal); // a 401 is refused before any write, so sending again is safe
        try {
          return await go();
        } catch (again) {
          throw this.mapError(again);
        }
      }
      throw err;
    }
  }

  async query<R extends z.ZodType>(soql: string, record: R, signal?: AbortSignal): Promise<z.infer<R>[]> {
    const first = await this.request({ method: 'GET', path: '/query', query: { q: soql }, signal }, queryResult(record));
    const out = [...first.records] as z.infer<R>[];
    let next = first.nextRecordsUrl;
    while (next) {
      const page = await this.request({ method: 'GET', path: next, signal }, queryResult(record));
      out.push(...(page.records as z.infer<R>[]));
      next = page.nextRecordsUrl;
    }
    return out;
  }

  /** One POST /composite (one round trip, one API call); answers the subresponses by referenceId. */
  async composite(subs: Subrequest[], allOrNone: boolean, signal?: AbortSignal, headers?: Record<string, string>): Promise<Map<string, SubResponse>> {
    const body = { allOrNone, compositeRequest: subs.map((s) => ({ method: s.method, url: `${this.base}${s.path}`, referenceId: s.referenceId, ...(s.body !== undefined ? { body: s.body } : {}) })) };
    const reply = await this.request({ method: 'POST', path: '/composite', json: body, signal, ...(headers ? { headers } : {}) }, compositeReply);
    return new Map(reply.compositeResponse.map((r) => [r.referenceId, r]));
  }

  /** The body of a successful subresponse parsed with `schema`, or the CrmError its failure means. */
  expect<S extends z.ZodType>(results: Map<string, SubResponse>, referenceId: string, schema: S): z.infer<S> {
    const r = results.get(referenceId);
    if (!r) throw new CrmError('transient', `Salesforce composite reply has no subresponse "${referenceId}"`);
    if (r.httpStatusCode >= 300) throw this.subError(results, r);
    const parsed = schema.safeParse(r.body);
    if (!parsed.success) throw new CrmError('transient', `Salesforce composite ${referenceId}: unexpected reply shape: ${parsed.error.issues[0]?.message ?? ''}`, r.httpStatusCode);
    return parsed.data;
  }

  /** The root failure of a composite request: the first subresponse not merely halted by another's failure. */
  subError(results: Map<string, SubResponse>, fallback: SubResponse): CrmError {
    const halted = (r: SubResponse) => describeSalesforceError(r.httpStatusCode, r.body)?.startsWith('PROCESSING_HALTED') ?? false;
    const root = [...results.values()].find((r) => r.httpStatusCode >= 300 && !halted(r)) ?? fallback;
    const detail = describeSalesforceError(root.httpStatusCode, root.body) ?? `status ${root.httpStatusCode}`;
    return this.mapError(new CrmError(kindForStatus(root.httpStatusCode), `Salesforce composite ${root.referenceId} -> ${root.httpStatusCode}: ${detail}`, root.httpStatusCode));
  }

  private mapError(e: unknown): CrmError {
    if (!(e instanceof CrmError)) return new CrmError('transient', e instanceof Error ? e.message : String(e));
    if (e.status !== null && isRequestLimitExceeded(e.status, e.message)) {
      const delay = e.retryAfterMs ?? requestLimitDelay(e.message, this.usage, this.s);
      return new CrmError('rate_limited', e.message, e.status, delay);
    }
    return e;
  }

  /** One token request at a time: concurrent callers share it. */
  private refreshToken(signal?: AbortSignal): Promise<void> {
    this.refreshing ??= this.fetchToken(signal).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async fetchToken(signal?: AbortSignal): Promise<void> {
    if (!this.s.clientId || !this.s.clientSecret) {
      if (!this.token) throw new CrmError('auth', 'Salesforce: no access token configured');
      return;
    }
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.s.clientId, client_secret: this.s.clientSecret });
    const url = this.s.tokenUrl ?? `${this.s.instanceUrl.replace(/\/+$/, '')}/services/oauth2/token`;
    try {
      const reply = await this.http.request(
        { method: 'POST', path: url, body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, ...(signal ? { signal } : {}) },
        tokenReply,
      );
      this.token = reply.data.access_token;
    } catch (e) {
      // OAuth answers bad client credentials with 400: an admin problem, retried slowly, never dead-lettered.
      if (e instanceof CrmError && e.status !== null && e.status >= 400 && e.status < 500) throw new CrmError('auth', `Salesforce token request failed: ${e.message}`, e.status);
      throw e;
    }
  }
}
