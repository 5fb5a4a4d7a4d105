// Shapes shared by the kit's modules. Nothing here knows about a particular vendor.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Fault } from './faults.js';

/** What a handler (or a pipeline hook) answers. `body` is sent as JSON unless `raw` is given. */
export interface Reply {
  status: number;
  body?: unknown;
  /** A non-JSON body (e.g. an XML error of an S3 stand-in); `headers` should name its type. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export interface RequestContext<P = unknown, M = RouteMeta> {
  /** Sequence number of the request (also its request-log entry). */
  readonly seq: number;
  readonly req: IncomingMessage;
  readonly method: string;
  /** Raw (still percent-encoded) path, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Path parameters of the matched route, percent-decoded. */
  params: Record<string, string>;
  /** Pattern and metadata of the matched route, or null when no route matched (yet). */
  route: { pattern: string; meta: M } | null;
  /** Who is calling, as the vendor's authentication hook decided. */
  principal: P | null;
  rawBody: Buffer | null;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  /** The fault that fires on this request, if any. */
  fault: Fault | null;
  /** Scratch space for vendor hooks (e.g. the rate-limit state to report in headers). */
  locals: Record<string, unknown>;
}

export interface RouteMeta {
  /** Skip the vendor's `before` hook (authentication, rate limits): e.g. an upload endpoint. */
  public?: boolean;
  /** Override of the server-wide body limit. */
  bodyLimitBytes?: number;
  /** 'json' (default): a non-empty body must be JSON; 'raw': handed over as bytes. */
  body?: 'json' | 'raw';
  [key: string]: unknown;
}

export type Handler<P = unknown, M = RouteMeta> = (ctx: RequestContext<P, M>) => Reply | Promise<Reply>;
