// What every Zendesk route handler receives, and small helpers they share.
import type { z } from 'zod';
import type { Handler, Reply, RequestContext, RouteMeta, Router } from '../http-kit/index.js';
import { badRequest, notFound, ZendeskError } from './errors.js';
import type { IdempotencyCache } from './idempotency.js';
import type { ZendeskLimits } from './limits.js';
import type { UserRec, ZendeskStore } from './store.js';

export interface Principal {
  user: UserRec;
  auth: 'api_token' | 'oauth';
}
export type ZCtx = RequestContext<Principal, RouteMeta>;
export type ZRouter = Router<Principal, RouteMeta>;

export interface Deps {
  store: ZendeskStore;
  limits: ZendeskLimits;
  idempotency: IdempotencyCache;
  /** Absolute base URL of the emulator (for `url` fields and attachment content URLs). */
  baseUrl(): string;
  maxUploadBytes: number;
  /** Admin > Customers > "Validate user phone numbers" (E.164 only). */
  validatePhoneNumbers: boolean;
  /** Unknown request properties are a 400 (real Zendesk ignores them; see README). */
  strictBodies: boolean;
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, body, ...(headers ? { headers } : {}) });

export function principal(ctx: ZCtx): Principal {
  if (!ctx.principal) throw new ZendeskError(401, { error: "Couldn't authenticate you" });
  return ctx.principal;
}

/** Registers a route and its `.json` twin (Zendesk accepts both /api/v2/tickets and /api/v2/tickets.json). */
export function route(router: ZRouter, method: string, pattern: string, handler: Handler<Principal, RouteMeta>, meta?: RouteMeta): void {
  router.add(method, pattern, handler, meta);
  router.add(method, `${pattern}.json`, handler, meta);
}

/** A numeric path id (Zendesk ids are integers); anything else is a 404 like Zendesk's. */
export function idParam(ctx: ZCtx, name = 'id'): number {
  const raw = ctx.params[name] ?? '';
  if (!/^\d{1,18}$/.test(raw)) throw notFound();
  return Number(raw);
}

/**
 * The wrapped body Zendesk expects ({"ticket": {...}}), parsed with its zod schema. A missing
 * wrapper is a 400; a bad property is a 422 RecordInvalid naming it, or (strict bodies) a 400
 * for a property Zendesk does not know.
 */
export function parseWrapped<S extends z.ZodObject>(deps: Deps, ctx: ZCtx, wrapper: string, schema: S): z.infer<S> {
  const body = ctx.body;
  if (!body || typeof body !== 'object' || Array.isArray(body) || !(wrapper in body))
    throw badRequest(`Parameter "${wrapper}" is required: send {"${wrapper}": {...}}`);
  const inner = (body as Record<string, unknown>)[wrapper];
  const r = (deps.strictBodies ? schema : schema.loose()).safeParse(inner);
  if (r.success) return r.data as z.infer<S>;
  const unknownKeys = r.error.issues.filter((i) => i.code === 'unrecognized_keys');
  if (unknownKeys.length) throw badRequest(`Unknown ${wrapper} properties: ${unknownKeys.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [])).join(', ')}`);
  const details: Record<string, Array<{ description: string; error: string }>> = {};
  for (const i of r.error.issues) {
    const field = String(i.path[0] ?? wrapper);
    (details[field] ??= []).push({ description: `${i.path.join('.') || wrapper}: ${i.message}`, error: 'InvalidValue' });
  }
  throw new ZendeskError(422, { error: 'RecordInvalid', description: 'Record validation errors', details });
}
