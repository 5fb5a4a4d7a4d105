// Seed data: org, API keys, users (ids may be given so they match the contact center's agents'
// crmUserId), routing statuses (built-ins Available/Busy/Offline with system: true are always
// there; custom ones default to Email, Lunch, Meeting), metadata, customers, conversations and
// current work sessions. Parsed with zod, so a bad seed file gives a clear error.
import { z } from 'zod';
import type { KustomerStore, RoutingStatusRec, StatusType } from './store.js';
import { STATUS_TYPES } from './schemas/other.js';
import { checkCustom } from './custom-attributes.js';
import { defaultDisplayName, METADATA_TYPES, suffixOf } from './custom-attributes.js';
import type { RoutingEngine } from './routing.js';

const id = z.string().regex(/^[0-9a-f]{24}$/i, 'must be a 24-hex object id');
const iso = z.iso.datetime({ offset: true });

export const seedSchema = z.strictObject({
  org: z.strictObject({ id: id.optional(), name: z.string().min(1).default('AgentDesk Demo') }).optional(),
  apiKeys: z.array(z.union([z.string().min(1), z.strictObject({ key: z.string().min(1), name: z.string().optional(), userId: id.optional() })])).optional(),
  users: z.array(z.strictObject({ id: id.optional(), email: z.string().min(3), name: z.string().min(1), displayName: z.string().optional() })).default([]),
  routingStatuses: z.array(z.strictObject({ id: id.optional(), name: z.string().min(1), statusType: z.enum(STATUS_TYPES), description: z.string().optional() })).optional(),
  metadata: z.record(z.string(), z.record(z.string(), z.strictObject({ displayName: z.string().optional() }))).default({}),
  customers: z
    .array(
      z.strictObject({
        id: id.optional(),
        name: z.string().optional(),
        externalId: z.string().optional(),
        emails: z.array(z.string()).default([]),
        phones: z.array(z.string()).default([]),
        custom: z.record(z.string(), z.unknown()).default({}),
        createdAt: iso.optional(),
      }),
    )
    .default([]),
  conversations: z
    .array(
      z.strictObject({
        id: id.optional(),
        customer: id,
        externalId: z.string().optional(),
        name: z.string().default(''),
        status: z.enum(['open', 'snoozed', 'done']).default('open'),
        direction: z.enum(['in', 'out']).default('in'),
        tags: z.array(z.string()).default([]),
        assignedUsers: z.array(id).default([]),
        custom: z.record(z.string(), z.unknown()).default({}),
        createdAt: iso.optional(),
        /** When it was last marked done (default: createdAt, for status done). */
        lastDoneAt: iso.optional(),
      }),
    )
    .default([]),
  workSessions: z.array(z.strictObject({ user: id, status: z.string().min(1) })).default([]),
});
export type KustomerSeed = z.input<typeof seedSchema>;

export const DEFAULT_API_KEY = 'kustomer-emulator-key';
const BUILT_INS: Array<[string, StatusType]> = [['Available', 'available'], ['Busy', 'busy'], ['Offline', 'offline']];
const DEFAULT_CUSTOM: Array<[string, StatusType]> = [['Email', 'available'], ['Lunch', 'unavailable'], ['Meeting', 'unavailable']];

export function applySeed(store: KustomerStore, routing: RoutingEngine, input: KustomerSeed = {}): void {
  const seed = seedSchema.parse(input);
  const now = store.now();
  store.org = { id: seed.org?.id ?? store.ids.next(), name: seed.org?.name ?? 'AgentDesk Demo' };
  for (const u of seed.users) {
    const userId = u.id ?? store.ids.next();
    store.users.set(userId, { id: userId, email: u.email, name: u.name, displayName: u.displayName ?? u.name, userType: 'user', createdAt: now, updatedAt: now });
  }
  for (const [i, k] of (seed.apiKeys ?? [DEFAULT_API_KEY]).entries()) {
    const spec = typeof k === 'string' ? { key: k } : k;
    let userId = spec.userId;
    if (!userId || !store.users.has(userId)) {
      userId = userId ?? store.ids.next();
      store.users.set(userId, { id: userId, email: `api-key-${i + 1}@${store.org.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.invalid`, name: `API key ${i + 1}`, displayName: `API key ${i + 1}`, userType: 'machine', createdAt: now, updatedAt: now });
    }
    store.apiKeys.set(spec.key, { id: store.ids.next(), key: spec.key, name: spec.name ?? `API key ${i + 1}`, userId, createdAt: now });
  }
  const addStatus = (name: string, statusType: StatusType, system: boolean, sid?: string, description?: string) => {
    const s: RoutingStatusRec = { id: sid ?? store.ids.next(), name, statusType, system, description: description ?? null, createdAt: now, updatedAt: now };
    store.routingStatuses.set(s.id, s);
  };
  for (const [name, type] of BUILT_INS) addStatus(name, type, true);
  const custom: Array<{ id?: string; name: string; statusType: StatusType; description?: string }> =
    seed.routingStatuses ?? DEFAULT_CUSTOM.map(([name, statusType]) => ({ name, statusType }));
  for (const s of custom) {
    if (store.statusByName(s.name)?.system) continue; // built-ins are not redefined
    addStatus(s.name, s.statusType, false, s.id, s.description);
  }
  for (const [resource, props] of Object.entries(seed.metadata)) {
    const map = store.metadata.get(resource) ?? new Map();
    for (const [name, p] of Object.entries(props)) {
      const suffix = suffixOf(name);
      if (!suffix) throw new Error(`seed metadata: "${name}" has no type suffix`);
      map.set(name, { type: METADATA_TYPES[suffix], displayName: p.displayName ?? defaultDisplayName(name), options: {}, modifiedBy: store.org.id, modifiedAt: now });
    }
    store.metadata.set(resource, map);
  }
  const creator = [...store.apiKeys.values()][0]?.userId ?? store.org.id;
  for (const c of seed.customers) {
    const issues = checkCustom(c.custom);
    if (issues.length) throw new Error(`seed customer: ${issues.map((i) => i.message).join('; ')}`);
    const cid = c.id ?? store.ids.next();
    const at = c.createdAt ?? now;
    store.customers.set(cid, {
      id: cid, name: c.name ?? null, externalId: c.externalId ?? null,
      emails: c.emails.map((email) => ({ type: 'home', email, verified: false })),
      phones: c.phones.map((phone) => ({ type: 'mobile', phone, verified: false })),
      tags: [], custom: c.custom, extra: {}, rev: 1, createdAt: at, updatedAt: at, createdBy: creator, modifiedBy: creator,
    });
  }
  for (const c of seed.conversations) {
    if (!store.customers.has(c.customer)) throw new Error(`seed conversation: customer ${c.customer} is not seeded`);
    const issues = checkCustom(c.custom);
    if (issues.length) throw new Error(`seed conversation: ${issues.map((i) => i.message).join('; ')}`);
    const cid = c.id ?? store.ids.next();
    const at = c.createdAt ?? now;
    const doneAt = c.lastDoneAt ?? (c.status === 'done' ? at : null);
    store.touchTags(c.tags);
    store.conversations.set(cid, {
      id: cid, customerId: c.customer, externalId: c.externalId ?? null, name: c.name, status: c.status, direction: c.direction, priority: 3,
      tags: c.tags, assignedUsers: c.assignedUsers, assignedTeams: [], custom: c.custom,
      lastDone: doneAt ? { createdAt: doneAt, createdBy: creator, time: Math.max(0, Date.parse(doneAt) - Date.parse(at)) } : null,
      channels: [], messageCount: 0, noteCount: 0, outboundMessageCount: 0, lastMessageAt: null, extra: {}, rev: 1,
      createdAt: at, updatedAt: doneAt && doneAt > at ? doneAt : at, createdBy: creator, modifiedBy: creator,
    });
  }
  for (const w of seed.workSessions) routing.setUserStatus(w.user, w.status, 'internal');
}
