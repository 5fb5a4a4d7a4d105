// A small JSON-over-HTTP client for CRM adapters, on global fetch: per-request timeout
// (AbortSignal), every 2xx reply parsed with a zod schema (a malformed reply is a clear error),
// every failure mapped to a CrmError kind the outbox understands:
//   429 -> rate_limited (retryAfterMs from Retry-After, else the vendor's reset header)
//   5xx, timeout, reset/refused connection, malformed reply -> transient
//   409 -> conflict, 401/403 -> auth, 404 -> not_found, other 4xx -> invalid (vendor's message)
// No retry loop here: the engine's outbox owns retries. Vendor specifics come in as hooks.
import type { z } from 'zod';
import { CrmError, type CrmErrorKind } from '../../engine/crm-port.js';

export interface HttpClientOptions {
  /** Vendor name for messages ("Kustomer"). */
  vendor: string;
  baseUrl: string;
  timeoutMs: number;
  /** Headers of every request to baseUrl (e.g. Authorization); not sent to absolute URLs. */
  headers?: () => Record<string, string>;
  fetch?: typeof fetch;
  /** The vendor's error text from a non-2xx reply body (JSON when it parsed, else null). */
  describeError?: (status: number, json: unknown) => string | null;
  /** Retry delay from vendor headers when Retry-After is absent (e.g. x-ratelimit-reset). */
  retryAfterFromHeaders?: (headers: Headers) => number | null;
  /** Sees the headers of every reply (e.g. to track rate-limit headers). */
  onReply?: (headers: Headers, status: number) => void;
}

export interface HttpRequest {
  method: string;
  /** Path under baseUrl, or an absolute URL (then no default headers are sent). */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the client's timeout (e.g. for a file upload). */
  timeoutMs?: number;
}

export interface HttpReply<T> {
  status: number;
  headers: Headers;
  data: T;
}

/** Retry-After as ms: delta seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, Math.round(secs * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function kindForStatus(status: number): CrmErrorKind {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'transient';
  if (status === 409) return 'conflict';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  return 'invalid';
}

export class HttpClient {
  private readonly fetchImpl: typeof fetch;
  constructor(private readonly opts: HttpClientOptions) {
    this.fetchImpl = opts.fetch ?? fetch;
  }

  url(path: string, query?: HttpRequest['query']): string {
    const u = /^https?:\/\//i.test(path) ? new URL(path) : new URL(this.opts.baseUrl.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  /** Sends a request; a 2xx reply's JSON is parsed with `schema` (null schema: body ignored). */
  async request<S extends z.ZodType>(req: HttpRequest, schema: S | null): Promise<HttpReply<z.infer<S>>> {
    const absolute = /^https?:\/\//i.test(req.path);
    const url = this.url(req.path, req.query);
    const what = `${this.opts.vendor} ${req.method} ${absolute ? new URL(url).pathname : req.path}`;
    const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json', ...(absolute ? {} : (this.opts.headers?.() ?? {})), ...(req.headers ?? {}) };
    let body = req.body;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] ??= 'application/json';
    }
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, { method: req.method, headers, body, signal });
      text = await res.text();
    } catch (e) {
      if (timeout.aborted) throw new CrmError('transient', `${what} timed out after ${timeoutMs} ms`);
      if (req.signal?.aborted) throw new CrmError('transient', `${what} was cancelled`);
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
      throw new CrmError('transient', `${what} failed: ${e instanceof Error ? e.message : String(e)}${cause}`);
    }
    this.opts.onReply?.(res.headers, res.status);
    let json: unknown = null;
    let jsonError: string | null = null;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch (e) {
        jsonError = e instanceof Error ? e.message : String(e);
      }
    }
    if (res.status < 200 || res.status >= 300) {
      const kind = kindForStatus(res.status);
      const detail = this.opts.describeError?.(res.status, json) ?? (text.trim() ? text.trim().slice(0, 300) : res.statusText);
      const retryAfter = kind === 'rate_limited' ? (parseRetryAfter(res.headers.get('retry-after')) ?? this.opts.retryAfterFromHeaders?.(res.headers) ?? null) : null;
      throw new CrmError(kind, `${what} -> ${res.status}: ${detail}`, res.status, retryAfter);
    }
    if (!schema) return { status: res.status, headers: res.headers, data: undefined as z.infer<S> };
    if (jsonError !== null) throw new CrmError('transient', `${what} -> ${res.status}: reply is not JSON (${jsonError}): ${text.slice(0, 200)}`, res.status);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new CrmError('transient', `${what} -> ${res.status}: unexpected reply shape: ${issues}`, res.status);
    }
    return { status: res.status, headers: res.headers, data: parsed.data };
  }
}
