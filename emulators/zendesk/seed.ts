// Seed data: account, API tokens, OAuth tokens, users (ids may be given so agents match the
// contact center's crmUserId), custom ticket fields and tickets (any status, with the solve time
// Zendesk keeps in ticket metrics). Parsed with zod, so a bad seed file gives a clear error.
import { z } from 'zod';
import { applyCustomFields } from './custom-fields.js';
import { FIELD_TYPES, TICKET_STATUSES } from './records.js';
import { addSystemFields, newCustomField } from './routes/ticket-fields.js';
import { API_VIA, zTime, type TicketRec, type UserRec, type ZendeskStore } from './store.js';
import { normalizeTags } from './ticket-ops.js';

const iso = z.iso.datetime({ offset: true });
const id = z.number().int().positive();

export const seedSchema = z.strictObject({
  account: z.strictObject({ subdomain: z.string().min(1), name: z.string().min(1) }).optional(),
  /** API tokens (used as `{email}/token:{token}` with any active agent's or admin's e-mail). */
  apiTokens: z.array(z.string().min(1)).optional(),
  oauthTokens: z.array(z.strictObject({ token: z.string().min(1), userId: id.optional(), scopes: z.array(z.string()).default(['read', 'write']) })).optional(),
  users: z
    .array(
      z.strictObject({
        id: id.optional(),
        name: z.string().min(1),
        email: z.string().optional(),
        phone: z.string().optional(),
        external_id: z.string().optional(),
        role: z.enum(['end-user', 'agent', 'admin']).default('end-user'),
        created_at: iso.optional(),
      }),
    )
    .default([]),
  ticketFields: z
    .array(
      z.strictObject({
        id: id.optional(),
        type: z.enum(FIELD_TYPES),
        title: z.string().min(1),
        options: z.array(z.strictObject({ name: z.string(), value: z.string() })).optional(),
        regexp: z.string().optional(),
        tag: z.string().optional(),
        active: z.boolean().default(true),
      }),
    )
    .default([]),
  tickets: z
    .array(
      z.strictObject({
        id: id.optional(),
        subject: z.string().default(''),
        comment: z.string().default('(seeded ticket)'),
        status: z.enum(TICKET_STATUSES).default('open'),
        requester_id: id,
        assignee_id: id.optional(),
        external_id: z.string().optional(),
        tags: z.array(z.string()).default([]),
        custom_fields: z.array(z.strictObject({ id, value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]) })).default([]),
        created_at: iso.optional(),
        /** When it was (last) solved; default created_at for solved and closed tickets. */
        solved_at: iso.optional(),
      }),
    )
    .default([]),
});
export type ZendeskSeed = z.input<typeof seedSchema>;

export const DEFAULT_API_TOKEN = 'zendesk-emulator-token';
export const DEFAULT_OAUTH_TOKEN = 'zendesk-emulator-oauth';
export const DEFAULT_ADMIN = { name: 'AgentDesk Integration', email: 'integration@acme.example' };

export function applySeed(store: ZendeskStore, input: ZendeskSeed = {}): void {
  const seed = seedSchema.parse(input);
  const now = store.now();
  if (seed.account) store.account = seed.account;
  const users = seed.users.some((u) => u.role === 'admin') ? seed.users : [{ ...DEFAULT_ADMIN, role: 'admin' as const }, ...seed.users];
  for (const u of users) {
    const uid = u.id ?? store.ids.nextUser();
    store.ids.seenUser(uid);
    const at = u.created_at ? zTime(Date.parse(u.created_at)) : now;
    const rec: UserRec = {
      id: uid, name: u.name, email: u.email ?? null, phone: u.phone ?? null, external_id: u.external_id ?? null, role: u.role, verified: true, active: true,
      tags: [], details: null, notes: null, locale: 'en-US', time_zone: 'UTC', organization_id: null, user_fields: {}, created_at: at, updated_at: at,
    };
    store.users.set(uid, rec);
  }
  const admin = [...store.users.values()].find((u) => u.role === 'admin') as UserRec;
  for (const token of seed.apiTokens ?? [DEFAULT_API_TOKEN]) store.apiTokens.set(token, { token, description: 'seeded' });
  for (const o of seed.oauthTokens ?? [{ token: DEFAULT_OAUTH_TOKEN, scopes: ['read', 'write'] }]) {
    const userId = o.userId ?? admin.id;
    if (!store.users.has(userId)) throw new Error(`seed oauth token: user ${userId} is not seeded`);
    store.oauthTokens.set(o.token, { token: o.token, userId, scopes: o.scopes });
  }
  addSystemFields(store);
  for (const f of seed.ticketFields) {
    const rec = newCustomField(store, { type: f.type, title: f.title, active: f.active, ...(f.options ? { custom_field_options: f.options } : {}), ...(f.regexp ? { regexp_for_validation: f.regexp } : {}), ...(f.tag ? { tag: f.tag } : {}) }, f.id);
    store.ticketFields.set(rec.id, rec);
  }
  for (const t of seed.tickets) {
    if (!store.users.has(t.requester_id)) throw new Error(`seed ticket: requester ${t.requester_id} is not seeded`);
    if (t.assignee_id !== undefined && !store.isAgent(t.assignee_id)) throw new Error(`seed ticket: assignee ${t.assignee_id} is not a seeded agent`);
    const tid = t.id ?? store.ids.nextTicket();
    store.ids.seenTicket(tid);
    const created = t.created_at ? zTime(Date.parse(t.created_at)) : now;
    const solvedAt = t.status === 'solved' || t.status === 'closed' ? (t.solved_at ? zTime(Date.parse(t.solved_at)) : created) : null;
    const fields = applyCustomFields(store, new Map(), t.custom_fields);
    const rec: TicketRec = {
      id: tid, external_id: t.external_id ?? null, subject: t.subject, description: t.comment, status: t.status, type: null, priority: null,
      requester_id: t.requester_id, submitter_id: admin.id, assignee_id: t.assignee_id ?? null, group_id: null,
      tags: normalizeTags([...t.tags, ...fields.addTags]), custom_fields: fields.values, via: API_VIA, followup_ids: [], is_public: false,
      created_at: created, updated_at: solvedAt ?? created,
      metrics: {
        id: store.ids.nextObject(), solved_at: solvedAt, reopens: 0, replies: 0, assigned_at: t.assignee_id ? created : null, initially_assigned_at: t.assignee_id ? created : null,
        status_updated_at: solvedAt ?? created, latest_comment_added_at: created, assignee_updated_at: null, requester_updated_at: created,
      },
    };
    store.tickets.set(tid, rec);
    const auditId = store.ids.nextObject();
    const commentId = store.ids.nextObject();
    store.comments.set(commentId, {
      id: commentId, ticket_id: tid, audit_id: auditId, author_id: admin.id, body: t.comment, html_body: `<p>${t.comment}</p>`, public: false, attachment_ids: [], created_at: created, via: API_VIA,
    });
    store.addAudit(tid, admin.id, [{ type: 'Create', field_name: 'status', value: t.status }, { type: 'Comment', comment_id: commentId }], { at: created, id: auditId });
  }
}
