// PUT /api/v2/tickets/{id}: Zendesk's update rules. A closed ticket refuses every update (422
// "Status: closed prevents ticket update"; a follow-up ticket is the way on). safe_update with
// updated_stamp refuses a stale write (409 UpdateConflict). Each call counts against the Update
// Ticket limits (100/min per account, 30 per 10 minutes per user per ticket). A comment object
// appends a comment (with upload tokens); tags replace, additional_tags / remove_tags edit;
// custom_fields merge by id; metadata lands in the audit, and an update that changes nothing
// makes no audit (so its metadata is not kept), as Zendesk documents.
import { idParam, ok, parseWrapped, principal, route, type Deps, type ZCtx, type ZRouter } from '../context.js';
import { applyCustomFields } from '../custom-fields.js';
import { invalidField, notFound, recordInvalid, ZendeskError } from '../errors.js';
import { ticketUpdateSchema } from '../schemas.js';
import { auditJson, ticketJson } from '../serialize.js';
import type { AuditEvent, TicketRec } from '../store.js';
import { buildComment, mergeTags, parseStatus } from '../ticket-ops.js';

type Change = Omit<AuditEvent, 'id'>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function registerTicketUpdate(router: ZRouter, deps: Deps): void {
  const { store } = deps;
  route(router, 'PUT', '/api/v2/tickets/{id}', (ctx: ZCtx) => {
    const p = principal(ctx);
    store.runAutomations();
    const t = store.tickets.get(idParam(ctx));
    if (!t) throw notFound();
    deps.limits.takeTicketUpdate(p.user.id, t.id);
    const b = parseWrapped(deps, ctx, 'ticket', ticketUpdateSchema);
    if (t.status === 'closed') throw recordInvalid({ status: [{ description: 'Status: closed prevents ticket update', error: 'ClosedTicket' }] });
    if (b.safe_update !== undefined && b.updated_stamp !== undefined && Date.parse(b.updated_stamp) !== Date.parse(t.updated_at))
      throw new ZendeskError(409, {
        error: 'UpdateConflict',
        description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
      });
    if (b.metadata && JSON.stringify(b.metadata).length > 1024) throw recordInvalid({ metadata: [{ description: 'Metadata: at most 1 kilobyte', error: 'InvalidValue' }] });

    const next: TicketRec = { ...t, tags: [...t.tags], custom_fields: new Map(t.custom_fields), metrics: { ...t.metrics } };
    const changes: Change[] = [];
    const set = <K extends 'subject' | 'priority' | 'type' | 'external_id' | 'group_id' | 'assignee_id' | 'status'>(field: K, value: TicketRec[K] | undefined) => {
      if (value === undefined || same(next[field], value)) return;
      changes.push({ type: 'Change', field_name: field, value, previous_value: next[field] });
      next[field] = value;
    };
    const status = parseStatus(b.status, t.status === 'new');
    let assignee = b.assignee_id;
    if (b.assignee_email !== undefined) assignee = store.userByEmail(b.assignee_email)?.id ?? -1;
    if (assignee !== undefined && assignee !== null && !store.isAgent(assignee)) throw invalidField('assignee_id', `Assignee: ${b.assignee_email ?? assignee} is not an agent of this account`);
    const fields = b.custom_fields ?? b.fields ? applyCustomFields(store, t.custom_fields, b.custom_fields ?? b.fields ?? []) : null;

    set('subject', b.subject);
    set('priority', b.priority);
    set('type', b.type);
    set('external_id', b.external_id);
    set('group_id', b.group_id);
    set('assignee_id', assignee);
    // A ticket given an assignee while new becomes open, as in Zendesk.
    set('status', status ?? (next.status === 'new' && next.assignee_id !== null ? 'open' : undefined));
    let tags = b.tags !== undefined ? mergeTags([], b.tags) : next.tags;
    tags = mergeTags(tags, [...(b.additional_tags ?? []), ...(fields?.addTags ?? [])], [...(b.remove_tags ?? []), ...(fields?.removeTags ?? [])]);
    if (!same(tags, next.tags)) {
      changes.push({ type: 'Change', field_name: 'tags', value: tags, previous_value: next.tags });
      next.tags = tags;
    }
    if (fields) {
      for (const [fid, value] of fields.values) if (!same(next.custom_fields.get(fid), value)) changes.push({ type: 'Change', field_name: String(fid), value, previous_value: next.custom_fields.get(fid) ?? null });
      for (const fid of next.custom_fields.keys()) if (!fields.values.has(fid)) changes.push({ type: 'Change', field_name: String(fid), value: null, previous_value: next.custom_fields.get(fid) });
      next.custom_fields = fields.values;
    }
    const auditId = store.ids.nextObject();
    const comment = buildComment(deps, t.id, auditId, p.user, b.comment, false);
    if (!changes.length && !comment) return ok({ ticket: ticketJson(deps, t) });

    const now = store.now();
    if (next.status !== t.status) {
      next.metrics.status_updated_at = now;
      if (next.status === 'solved') next.metrics.solved_at = now;
      if (t.status === 'solved') next.metrics.reopens += 1;
    }
    if (next.assignee_id !== t.assignee_id && next.assignee_id !== null) {
      next.metrics.assigned_at = now;
      next.metrics.initially_assigned_at ??= now;
    }
    if (comment) {
      store.comments.set(comment.id, comment);
      next.metrics.latest_comment_added_at = now;
      if (comment.public) {
        next.is_public = true;
        if (store.isAgent(comment.author_id)) next.metrics.replies += 1;
      }
      changes.push({ type: 'Comment', comment_id: comment.id });
    }
    next.updated_at = now;
    store.tickets.set(t.id, next);
    const audit = store.addAudit(t.id, p.user.id, changes, { custom: b.metadata ?? {}, at: now, id: auditId });
    return ok({ ticket: ticketJson(deps, next), audit: auditJson(deps, audit) });
  });
}
