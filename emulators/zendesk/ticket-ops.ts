// What ticket creation and update share: tag normalisation, comments with upload tokens,
// sideloads, and the status rules.
import type { Deps, ZCtx } from './context.js';
import { badRequest, invalidField, recordInvalid } from './errors.js';
import { metricJson, ticketJson, userJson } from './serialize.js';
import { API_VIA, TICKET_STATUSES, type CommentRec, type TicketRec, type TicketStatus, type UserRec } from './store.js';
import type { z } from 'zod';
import type { commentSchema } from './schemas.js';

/** Zendesk tags: lower case, no spaces (a space separates two tags), no duplicates. */
export function normalizeTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags.flatMap((x) => x.split(/[\s,]+/))) {
    const tag = t.trim().toLowerCase();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export function mergeTags(current: string[], add: string[], remove: string[] = []): string[] {
  const drop = new Set(normalizeTags(remove));
  return normalizeTags([...current, ...add]).filter((t) => !drop.has(t));
}

export function parseStatus(value: string | undefined, isNew: boolean): TicketStatus | undefined {
  if (value === undefined) return undefined;
  if (!(TICKET_STATUSES as readonly string[]).includes(value)) throw invalidField('status', `Status: ${value} is not a valid status`);
  if (value === 'closed') throw invalidField('status', 'Status: closed can not be set through the API; solved tickets are closed by the close automation');
  if (value === 'new' && !isNew) throw invalidField('status', 'Status: new is not valid for an existing ticket');
  return value as TicketStatus;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const stripHtml = (s: string) => s.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();

/**
 * Builds the comment a create or update adds, attaching the files of its upload tokens (each token
 * once, within its 60 minutes). Returns null when the body has none.
 */
export function buildComment(deps: Deps, ticketId: number, auditId: number, author: UserRec, c: z.infer<typeof commentSchema> | undefined, required: boolean): CommentRec | null {
  const { store } = deps;
  const body = c?.body ?? (c?.html_body !== undefined ? stripHtml(c.html_body) : undefined);
  if (body === undefined || body.trim() === '') {
    if (required) throw recordInvalid({ description: [{ description: 'Description: cannot be blank', error: 'BlankValue' }] });
    if (c?.uploads?.length) throw recordInvalid({ comment: [{ description: 'Comment: a comment with uploads needs a body', error: 'BlankValue' }] });
    return null;
  }
  const authorId = c?.author_id ?? author.id;
  if (!store.users.has(authorId)) throw invalidField('comment', `Comment author ${authorId} does not exist`);
  const attachmentIds: number[] = [];
  for (const token of c?.uploads ?? []) {
    const up = store.uploads.get(token);
    if (!up || Date.parse(up.expires_at) <= store.clock.now())
      throw recordInvalid({ base: [{ description: `Uploads: token ${token} is invalid or has expired (tokens are valid for 60 minutes)`, error: 'InvalidValue' }] });
    if (up.used_by_comment !== null) throw recordInvalid({ base: [{ description: `Uploads: token ${token} was already used by another comment`, error: 'InvalidValue' }] });
    attachmentIds.push(...up.attachment_ids);
  }
  const id = store.ids.nextObject();
  for (const token of c?.uploads ?? []) {
    const up = store.uploads.get(token);
    if (up) up.used_by_comment = id;
  }
  return {
    id,
    ticket_id: ticketId,
    audit_id: auditId,
    author_id: authorId,
    body,
    html_body: c?.html_body ?? `<div class="zd-comment" dir="auto"><p dir="auto">${escapeHtml(body).replace(/\n/g, '<br>')}</p></div>`,
    public: c?.public ?? true,
    attachment_ids: attachmentIds,
    created_at: c?.created_at ?? store.now(),
    via: API_VIA,
  };
}

/** Sideloads requested with `include=` (metric_sets, users) for a page of tickets. */
export function sideloads(deps: Deps, ctx: ZCtx, tickets: TicketRec[]): Record<string, unknown> {
  const include = (ctx.query.get('include') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const out: Record<string, unknown> = {};
  for (const what of include) {
    if (what === 'metric_sets') out.metric_sets = tickets.map((t) => metricJson(deps, t));
    else if (what === 'users') {
      const ids = new Set(tickets.flatMap((t) => [t.requester_id, t.submitter_id, t.assignee_id]).filter((x): x is number => x !== null));
      out.users = [...ids].map((id) => deps.store.users.get(id)).filter((u): u is UserRec => !!u).map((u) => userJson(deps, u));
    } else throw badRequest(`Unsupported sideload "${what}" (the emulator supports metric_sets, users)`);
  }
  return out;
}

export const ticketOut = (deps: Deps) => (t: TicketRec) => ticketJson(deps, t);
