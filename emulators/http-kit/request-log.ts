// Every request an emulator receives (control endpoints excepted), with its body, so tests can
// check what a client really sent (e.g. against an OpenAPI description).
import type { IncomingHttpHeaders } from 'node:http';

export type RequestOutcome = 'replied' | 'dropped' | 'committed_then_dropped' | 'client_aborted';

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  /** Raw path (percent-encoded), without the query. */
  path: string;
  /** Query string without the leading '?'. */
  query: string;
  /** Lower-cased request headers; credentials are masked. */
  headers: Record<string, string>;
  contentType: string | null;
  bodyBytes: number;
  /** Parsed JSON body, when the body was JSON. */
  json?: unknown;
  /** Multipart parts in order (names, file names and sizes; not the bytes). */
  parts?: Array<{ name: string; filename: string | null; size: number }>;
  /** Pattern of the route that handled it. */
  route: string | null;
  status: number | null;
  outcome: RequestOutcome | null;
  faultId: string | null;
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

export function maskHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join(', ') : v;
    out[k] = SECRET_HEADERS.has(k) ? mask(value) : value;
  }
  return out;
}

function mask(value: string): string {
  const [scheme, token] = value.includes(' ') ? value.split(/\s+/, 2) : ['', value];
  const t = token ?? '';
  const shown = t.length > 8 ? t.slice(-4) : '';
  return `${scheme ? `${scheme} ` : ''}***${shown}`;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  constructor(private readonly capacity = 10_000) {}

  add(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  /** Entries with seq > `since`, oldest first. */
  list(since = 0): RequestLogEntry[] {
    return this.entries.filter((e) => e.seq > since).map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
