// Seed data: account, agents (give ids that match the contact center's agents' crmUserId; the
// API key belongs to an agent, admins may use the /admin endpoints), groups, custom statuses
// (id >= 6, with the admin's open/closed meaning), custom ticket and contact fields, contacts
// and tickets (with past times and resolution stats, for REC-2 windows). Checked with zod.
import { z } from 'zod';
import { applyStatus, BUILT_IN_STATUSES, emptyStats, OPEN } from './statuses.js';
import { asHtml, htmlToText } from './html.js';
import { checkCustomValue, DEFAULT_TICKET_FIELDS } from './fields.js';
import { CUSTOM_FIELD_TYPES } from './records.js';
import type { FreshdeskStore, TicketRec } from './store.js';

const iso = z.iso.datetime({ offset: true });
const posId = z.number().int().positive();
const cfName = z.string().regex(/^cf_[a-z0-9_]+$/, 'custom ticket fields are named cf_<lower_snake_case>');

export const DEFAULT_API_KEY = 'freshdesk-emulator-key';
/** Agents of an unseeded emulator (same e-mails as the contact-center simulator's agents). */
export const DEFAULT_AGENTS = [
  { id: 1001, name: 'Mina Park', email: 'agent1@acme.test', role: 'admin' as const },
  { id: 1002, name: 'Joon Kim', email: 'agent2@acme.test', role: 'agent' as const },
  { id: 1003, name: 'Sara Lee', email: 'agent3@acme.test', role: 'agent' as const },
];

export const seedSchema = z.strictObject({
  account: z.strictObject({ id: posId.optional(), name: z.string().min(1).optional(), domain: z.string().min(1).optional() }).optional(),
  apiKeys: z.array(z.union([z.string().min(1), z.strictObject({ key: z.string().min(1), agentId: posId })])).optional(),
  agents: z
    .array(z.strictObject({ id: posId, name: z.string().min(1), email: z.string().min(3), role: z.enum(['admin', 'agent']).default('agent'), phone: z.string().optional(), mobile: z.string().optional(), groupIds: z.array(posId).default([]) }))
    .optional(),
  groups: z.array(z.strictObject({ id: posId, name: z.string().min(1) })).default([{ id: 1, name: 'Support' }]),
  statuses: z
    .array(z.strictObject({ id: z.number().int().min(6), label: z.string().min(1), customerLabel: z.string().optional(), category: z.enum(['open', 'closed']).default('open'), stopSlaTimer: z.boolean().default(false) }))
    .default([
      { id: 6, label: 'Waiting on Customer', category: 'open', stopSlaTimer: true },
      { id: 7, label: 'Waiting on Third Party', category: 'open', stopSlaTimer: false },
    ]),
  ticketFields: z
    .array(z.strictObject({ name: cfName, label: z.string().optional(), type: z.enum(CUSTOM_FIELD_TYPES), choices: z.array(z.string()).default([]), requiredForClosure: z.boolean().default(false) }))
    .default([]),
  contactFields: z.array(z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), label: z.string().optional(), type: z.enum(CUSTOM_FIELD_TYPES), choices: z.array(z.string()).default([]) })).default([]),
  contacts: z
    .array(
      z.strictObject({
        id: posId.optional(), name: z.string().min(1), email: z.string().optional(), otherEmails: z.array(z.string()).default([]), phone: z.string().optional(), mobile: z.string().optional(),
        uniqueExternalId: z.string().optional(), customFields: z.record(z.string(), z.unknown()).default({}), createdAt: iso.optional(),
      }),
    )
    .default([]),
  tickets: z
    .array(
      z.strictObject({
        id: posId.optional(), requesterId: posId, subject: z.string().min(1), description: z.string().default('Seeded ticket'), status: z.number().int().min(2).default(OPEN),
        priority: z.number().int().min(1).max(4).default(1), source: z.number().int().default(3), tags: z.array(z.string()).default([]), customFields: z.record(z.string(), z.unknown()).default({}),
        responderId: posId.nullable().default(null), createdAt: iso.optional(), updatedAt: iso.optional(),
        /** When the ticket reached its (resolved/closed) status; default: createdAt. */
        statusAt: iso.optional(),
      }),
    )
    .default([]),
});
export type FreshdeskSeed = z.input<typeof seedSchema>;

export function applySeed(store: FreshdeskStore, input: FreshdeskSeed = {}): void {
  const seed = seedSchema.parse(input);
  const now = store.now();
  store.account = { id: seed.account?.id ?? 297457, name: seed.account?.name ?? 'AgentDesk Demo', domain: seed.account?.domain ?? 'agentdesk-demo.freshdesk.com' };
  for (const g of seed.groups) store.groups.set(g.id, g);
  for (const a of seed.agents ?? DEFAULT_AGENTS) {
    const full = { groupIds: [], phone: undefined, mobile: undefined, ...a };
    store.agents.set(a.id, {
      id: a.id, name: a.name, email: a.email, role: a.role ?? 'agent', phone: full.phone ?? null, mobile: full.mobile ?? null, jobTitle: null, language: 'en', timeZone: 'Seoul',
      available: true, occasional: false, ticketScope: 1, groupIds: full.groupIds, createdAt: now, updatedAt: now,
    });
  }
  const firstAgent = [...store.agents.keys()][0];
  for (const k of seed.apiKeys ?? [DEFAULT_API_KEY]) {
    const spec = typeof k === 'string' ? { key: k, agentId: firstAgent } : k;
    if (spec.agentId === undefined || !store.agents.has(spec.agentId)) throw new Error(`seed api key ${spec.key}: agent ${String(spec.agentId)} is not seeded`);
    store.apiKeys.set(spec.key, { key: spec.key, agentId: spec.agentId });
  }
  [...BUILT_IN_STATUSES, ...seed.statuses.map((s) => ({ ...s, customerLabel: s.customerLabel ?? s.label, default: false }))].forEach((s, i) => store.statuses.set(s.id, { ...s, position: i + 1 }));
  DEFAULT_TICKET_FIELDS.forEach(([name, label, type, required], i) => {
    const id = store.nextId('field');
    store.ticketFields.set(id, { id, name, label, labelForCustomers: label, description: `Ticket ${name}`, type, position: i + 1, default: true, requiredForClosure: false, requiredForAgents: required, requiredForCustomers: false, customersCanEdit: false, displayedToCustomers: true, choices: [], createdAt: now, updatedAt: now });
  });
  seed.ticketFields.forEach((f, i) => {
    const id = store.nextId('field');
    store.ticketFields.set(id, { id, name: f.name, label: f.label ?? f.name.slice(3), labelForCustomers: f.label ?? f.name.slice(3), description: '', type: f.type, position: DEFAULT_TICKET_FIELDS.length + i + 1, default: false, requiredForClosure: f.requiredForClosure, requiredForAgents: false, requiredForCustomers: false, customersCanEdit: false, displayedToCustomers: false, choices: f.choices, createdAt: now, updatedAt: now });
  });
  for (const f of seed.contactFields) {
    const id = store.nextId('contactField');
    store.contactFields.set(id, { id, name: f.name, label: f.label ?? f.name, type: f.type, choices: f.choices, createdAt: now, updatedAt: now });
  }
  for (const c of seed.contacts) {
    const id = c.id ?? store.nextId('contact');
    store.reserveId('contact', id);
    const at = c.createdAt ? Date.parse(c.createdAt) : now;
    store.contacts.set(id, {
      id, name: c.name, email: c.email ?? null, otherEmails: c.otherEmails, phone: c.phone ?? null, mobile: c.mobile ?? null, twitterId: null, uniqueExternalId: c.uniqueExternalId ?? null,
      companyId: null, description: null, jobTitle: null, address: null, language: 'en', timeZone: 'Seoul', tags: [], customFields: c.customFields, active: false, deleted: false, createdAt: at, updatedAt: at,
    });
  }
  for (const t of seed.tickets) seedTicket(store, t, now);
}

function seedTicket(store: FreshdeskStore, t: z.infer<typeof seedSchema>['tickets'][number], now: number): void {
  if (!store.contacts.has(t.requesterId)) throw new Error(`seed ticket "${t.subject}": contact ${t.requesterId} is not seeded`);
  if (!store.statuses.has(t.status)) throw new Error(`seed ticket "${t.subject}": status ${t.status} is not defined`);
  const custom: Record<string, unknown> = Object.fromEntries(store.customFieldDefs().map((f) => [f.name, null]));
  for (const [name, value] of Object.entries(t.customFields)) {
    const def = store.ticketFieldByName(name);
    if (!def || def.default) throw new Error(`seed ticket "${t.subject}": ${name} is not a defined custom field`);
    custom[name] = checkCustomValue(def, value);
  }
  const id = t.id ?? store.nextId('ticket');
  store.reserveId('ticket', id);
  const createdAt = t.createdAt ? Date.parse(t.createdAt) : now;
  const rec: TicketRec = {
    id, requesterId: t.requesterId, responderId: t.responderId, groupId: null, companyId: null, subject: t.subject, description: asHtml(t.description), descriptionText: htmlToText(asHtml(t.description)),
    status: OPEN, priority: t.priority, source: t.source, type: null, tags: t.tags, ccEmails: [], customFields: custom, attachmentIds: [],
    dueBy: null, frDueBy: null, spam: false, deleted: false, stats: emptyStats(), createdAt, updatedAt: createdAt,
  };
  applyStatus(rec, OPEN, createdAt, true);
  if (t.status !== OPEN) applyStatus(rec, t.status, t.statusAt ? Date.parse(t.statusAt) : createdAt);
  rec.updatedAt = t.updatedAt ? Date.parse(t.updatedAt) : Math.max(createdAt, rec.stats.statusUpdatedAt ?? createdAt);
  store.tickets.set(id, rec);
  store.searchIndex.set(id, [{ visibleAt: 0, doc: structuredClone(rec) }]);
}
