// JSON:API resources of customers and conversations, shaped like the OpenAPI description's
// examples: {type, id, attributes, relationships, links}.
import type { ConversationRec, CustomerRec, KustomerStore } from './store.js';

const PLURAL: Record<string, string> = { org: 'orgs', user: 'users', customer: 'customers', conversation: 'conversations', message: 'messages', note: 'notes', attachment: 'attachments' };

export function rel(type: string, id: string) {
  return { links: { self: `/v1/${PLURAL[type] ?? `${type}s`}/${id}` }, data: { type, id } };
}

const COLORS = ['yellow', 'green', 'blue', 'red', 'purple', 'orange', 'teal'];
const ICONS = ['flower', 'compass', 'anchor', 'rocket', 'leaf', 'star', 'sun'];
const pick = (list: string[], id: string) => list[parseInt(id.slice(-4), 16) % list.length] as string;

/** Attributes the spec's create/update replies type as plain strings are left out when null. */
function withoutNulls(extra: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extra).filter(([k, v]) => !(keys.includes(k) && v === null)));
}

export function customerResource(store: KustomerStore, c: CustomerRec) {
  const convs = store.conversationsOf(c.id);
  const count = (s: string) => convs.filter((x) => x.status === s).length;
  const last = convs[0];
  const progressive = count('open') ? 'open' : count('snoozed') ? 'snoozed' : convs.length ? 'done' : undefined;
  const displayName = c.name ?? c.emails[0]?.email ?? c.phones[0]?.phone ?? c.externalId ?? 'Unknown';
  return {
    type: 'customer',
    id: c.id,
    attributes: {
      ...(c.name !== null ? { name: c.name } : {}),
      displayName,
      displayColor: pick(COLORS, c.id),
      displayIcon: pick(ICONS, c.id),
      ...(c.externalId !== null ? { externalId: c.externalId } : {}),
      externalIds: c.externalId !== null ? [{ externalId: c.externalId, verified: false, id: null }] : [],
      sharedExternalIds: [],
      signedUpAt: (c.extra.signedUpAt as string | undefined) ?? null,
      avatarUrl: (c.extra.avatarUrl as string | undefined) ?? null,
      username: (c.extra.username as string | undefined) ?? null,
      emails: c.emails.map((e) => ({ ...e, id: null })),
      sharedEmails: [],
      phones: c.phones.map((p) => ({ ...p, id: null })),
      sharedPhones: [],
      socials: [],
      sharedSocials: [],
      urls: [],
      locations: [],
      activeUsers: [],
      watchers: [],
      ...withoutNulls(c.extra, ['locale', 'timeZone', 'birthdayAt', 'gender']),
      presence: 'offline',
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      modifiedAt: c.updatedAt,
      lastActivityAt: (c.extra.lastActivityAt as string | undefined) ?? c.updatedAt,
      ...(last ? { lastConversation: { id: last.id, tags: last.tags } } : {}),
      conversationCounts: { all: convs.length, snoozed: count('snoozed'), open: count('open'), done: count('done') },
      tags: c.tags,
      ...(progressive ? { progressiveStatus: progressive } : {}),
      verified: false,
      custom: c.custom,
      rev: c.rev,
    },
    relationships: {
      org: rel('org', store.org.id),
      messages: { links: { self: `/v1/customers/${c.id}/messages` } },
      createdBy: rel('user', c.createdBy),
      modifiedBy: rel('user', c.modifiedBy),
    },
    links: { self: `/v1/customers/${c.id}` },
  };
}

export function conversationResource(store: KustomerStore, c: ConversationRec) {
  return {
    type: 'conversation',
    id: c.id,
    attributes: {
      ...(c.externalId !== null ? { externalId: c.externalId } : {}),
      name: c.name,
      channels: c.channels,
      status: c.status,
      priority: c.priority,
      messageCount: c.messageCount,
      noteCount: c.noteCount,
      satisfaction: 0,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      modifiedAt: c.updatedAt,
      ...(c.lastMessageAt ? { lastMessageAt: c.lastMessageAt } : {}),
      tags: c.tags,
      suggestedTags: [],
      sentiment: {},
      lastMessageIn: {},
      assignedUsers: c.assignedUsers,
      assignedTeams: c.assignedTeams,
      firstResponse: {},
      direction: c.direction,
      outboundMessageCount: c.outboundMessageCount,
      ...(c.lastDone ? { lastDone: c.lastDone } : {}),
      ...c.extra,
      custom: c.custom,
      rev: c.rev,
    },
    relationships: {
      org: rel('org', store.org.id),
      customer: rel('customer', c.customerId),
      messages: { links: { self: `/v1/conversations/${c.id}/messages` } },
      createdBy: rel('user', c.createdBy),
      modifiedBy: rel('user', c.modifiedBy),
    },
    links: { self: `/v1/conversations/${c.id}` },
  };
}
