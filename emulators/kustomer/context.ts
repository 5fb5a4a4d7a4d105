// What every Kustomer route handler receives, and small helpers they share.
import type { z } from 'zod';
import type { Reply, RequestContext, RouteMeta, Router } from '../http-kit/index.js';
import { checkCustom } from './custom-attributes.js';
import { ApiError, fromZod, kError } from './errors.js';
import type { KustomerLimits } from './limits.js';
import type { RoutingEngine } from './routing.js';
import type { ApiKeyRec, AttachmentRef, KustomerStore, UserRec } from './store.js';

export interface Principal {
  key: ApiKeyRec;
  user: UserRec;
}
export type KCtx = RequestContext<Principal, RouteMeta>;
export type KRouter = Router<Principal, RouteMeta>;

export interface Deps {
  store: KustomerStore;
  limits: KustomerLimits;
  routing: RoutingEngine;
  /** Absolute URL of the S3 stand-in that receives attachment uploads. */
  uploadUrl(): string;
  maxAttachmentBytes: number;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

export function principal(ctx: KCtx): Principal {
  if (!ctx.principal) throw ApiError.of(401, 'Not authenticated');
  return ctx.principal;
}

/** Parses a request body with its zod schema; any problem is a 400 naming the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body === undefined ? {} : body);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}

/** Custom attributes by the type-suffix rules; Id attributes need metadata of `resource`. */
export function assertCustom(store: KustomerStore, resource: string, custom: Record<string, unknown> | undefined): void {
  if (custom === undefined) return;
  const issues = checkCustom(custom, (name) => store.isDeclared(resource, name));
  if (issues.length)
    throw new ApiError(
      400,
      issues.map((i) => kError(400, i.message, { source: { pointer: i.name ? `/custom/${i.name}` : '/custom' } })),
    );
}

/** Applies a custom patch: keys merge, null clears (Kustomer semantics); `replace` swaps the object. */
export function mergeCustom(current: Record<string, unknown>, patch: Record<string, unknown> | undefined, replace = false): Record<string, unknown> {
  if (patch === undefined) return current;
  const next = replace ? {} : { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

/** Attachment references must name attachments created AND uploaded, with the same name/type/size. */
export function resolveAttachments(store: KustomerStore, refs: Array<AttachmentRef | string> | undefined): AttachmentRef[] {
  return (refs ?? []).map((ref, i) => {
    const id = typeof ref === 'string' ? ref : ref._id;
    const a = store.attachments.get(id);
    const pointer = `/attachments/${i}`;
    if (!a) throw ApiError.of(400, `Attachment ${id} does not exist`, { source: { pointer } });
    if (!a.uploaded) throw ApiError.of(400, `Attachment ${id} was never uploaded (POST the file to meta.upload.url first)`, { source: { pointer } });
    if (typeof ref !== 'string' && (ref.name !== a.name || ref.contentType !== a.contentType || ref.contentLength !== a.contentLength))
      throw ApiError.of(400, `Attachment ${id}: name, contentType and contentLength must match the attachment document`, { source: { pointer } });
    return { _id: a.id, name: a.name, contentType: a.contentType, contentLength: a.contentLength };
  });
}

export function assertUsersExist(store: KustomerStore, ids: string[] | undefined, pointer: string): void {
  (ids ?? []).forEach((id, i) => {
    if (!store.users.has(id)) throw ApiError.of(400, `User ${id} does not exist`, { source: { pointer: `${pointer}/${i}` } });
  });
}
