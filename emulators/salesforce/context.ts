// What every Salesforce route handler receives, and the helpers they share.
import type { Reply, RequestContext, RouteMeta, Router } from '../http-kit/index.js';
import type { Dml } from './dml.js';
import type { WriteContext } from './derive.js';
import { notFound } from './errors.js';
import type { SalesforceLimits } from './limits.js';
import type { ObjectDef, SObjectRecord } from './schema/types.js';
import type { SalesforceStore } from './store.js';

export interface Principal {
  userId: string;
  token: string;
}

export interface SfMeta extends RouteMeta {
  /** Allowed as a composite subrequest. */
  composable?: boolean;
}

export type SfCtx = RequestContext<Principal, SfMeta>;
export type SfRouter = Router<Principal, SfMeta>;

export interface QueryCursor {
  records: Record<string, unknown>[];
  totalSize: number;
  version: string;
}

export interface Deps {
  store: SalesforceStore;
  dml: Dml;
  limits: SalesforceLimits;
  versions: string[];
  queryBatchSize: number;
  cursors: Map<string, QueryCursor>;
  /** The emulator's own URL (instance_url of issued tokens). */
  baseUrl(): string;
  /** Access-token lifetime for tokens from /services/oauth2/token (null: no expiry). */
  sessionTtlMs: number | null;
}

export const API_PREFIX = '/services/data/v{version}';
export const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, body, headers });

export function principal(ctx: SfCtx): Principal {
  if (!ctx.principal) throw notFound();
  return ctx.principal;
}

/** `v62.0` from the path parameter `62.0`. */
export const versionOf = (ctx: SfCtx): string => `v${ctx.params.version ?? ''}`;

export function writeContext(ctx: SfCtx): WriteContext {
  const header = ctx.headers['sforce-auto-assign'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  return { userId: principal(ctx).userId, autoAssign: value !== 'false' };
}

/** A record as GET /sobjects returns it: attributes first, blob fields as URLs. */
export function serialize(def: ObjectDef, r: SObjectRecord, version: string, only?: string[]): Record<string, unknown> {
  const url = `/services/data/${version}/sobjects/${def.name}/${r.Id}`;
  const out: Record<string, unknown> = { attributes: { type: def.name, url } };
  const fields = only ? def.fields.filter((f) => only.includes(f.name)) : def.fields;
  for (const f of fields) {
    if (f.name === 'Comments' && def.name === 'Case') continue;
    out[f.name] = f.type === 'base64' ? `${url}/${f.name}` : (r[f.name] ?? null);
  }
  return out;
}

export function saveResult(id: string, extra: Record<string, unknown> = {}) {
  return { id, success: true, errors: [], ...extra };
}
