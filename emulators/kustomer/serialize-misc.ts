// JSON:API resources of messages, notes, attachments, users, metadata, routing and tokens.
import type { ApiKeyRec, AttachmentRec, KustomerStore, MessageRec, MetadataProp, NoteRec, RoutingStatusRec, UserRec, WorkSessionRec } from './store.js';
import { rel } from './serialize.js';

export function messageResource(store: KustomerStore, m: MessageRec) {
  return {
    type: 'message',
    id: m.id,
    attributes: {
      ...(m.externalId !== null ? { externalId: m.externalId } : {}),
      channel: m.channel,
      app: m.app,
      size: m.preview.length,
      direction: m.direction,
      directionType: m.directionType,
      preview: m.preview,
      ...(m.subject !== null ? { subject: m.subject } : {}),
      sentiment: {},
      meta: m.meta,
      status: m.status,
      sentAt: m.sentAt,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      modifiedAt: m.updatedAt,
      attachments: m.attachments,
      ...m.extra,
      custom: m.custom,
    },
    relationships: {
      org: rel('org', store.org.id),
      createdBy: rel('user', m.createdBy),
      modifiedBy: rel('user', m.modifiedBy),
      customer: rel('customer', m.customerId),
      conversation: rel('conversation', m.conversationId),
      ...(m.attachments.length ? { attachments: { data: m.attachments.map((a) => ({ type: 'attachment', id: a._id })) } } : {}),
    },
    links: { self: `/v1/messages/${m.id}`, related: `/v1/conversations/${m.conversationId}` },
  };
}

export function noteResource(store: KustomerStore, n: NoteRec) {
  return {
    type: 'note',
    id: n.id,
    attributes: {
      body: n.body,
      ...(n.externalId !== null ? { externalId: n.externalId } : {}),
      attachments: n.attachments,
      ...(n.lang !== null ? { lang: n.lang } : {}),
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      modifiedAt: n.updatedAt,
    },
    relationships: {
      org: rel('org', store.org.id),
      customer: rel('customer', n.customerId),
      createdBy: rel('user', n.createdBy),
      conversation: rel('conversation', n.conversationId),
      userMentions: { data: n.userMentions.map((m) => (m.user ? { type: 'user', id: m.user } : { type: 'team', id: m.team ?? '' })) },
    },
    links: { self: `/v1/notes/${n.id}` },
  };
}

export function attachmentResource(store: KustomerStore, a: AttachmentRec) {
  return {
    id: a.id,
    type: 'attachment',
    attributes: { name: a.name, contentType: a.contentType, contentLength: a.contentLength, uploaded: a.uploaded, redacted: false, createdAt: a.createdAt },
    relationships: { org: { data: { id: store.org.id, type: 'org' }, links: { self: `/v1/orgs/${store.org.id}` } } },
    links: { self: `/v1/attachments/${a.id}`, related: `/v1/attachments/${a.id}` },
  };
}

export function userResource(store: KustomerStore, u: UserRec) {
  return {
    type: 'user',
    id: u.id,
    attributes: { name: u.name, displayName: u.displayName, email: u.email, userType: u.userType, createdAt: u.createdAt, updatedAt: u.updatedAt, modifiedAt: u.updatedAt },
    relationships: { org: rel('org', store.org.id) },
    links: { self: `/v1/users/${u.id}` },
  };
}

export function metadataResource(store: KustomerStore, resource: string) {
  const props = store.metadata.get(resource) ?? new Map<string, MetadataProp>();
  const properties = Object.fromEntries(
    [...props].map(([name, p]) => [name, { ...p.options, type: p.type, displayName: p.displayName, modifiedBy: p.modifiedBy, modifiedAt: p.modifiedAt, updatedAt: p.modifiedAt }]),
  );
  return {
    type: 'metadata',
    id: resource,
    attributes: { properties },
    relationships: { org: rel('org', store.org.id) },
    links: { self: `/v1/metadata/${resource}` },
  };
}

export function statusResource(store: KustomerStore, s: RoutingStatusRec) {
  return {
    type: 'user_status',
    id: s.id,
    attributes: { name: s.name, statusType: s.statusType, system: s.system, ...(s.description ? { description: s.description } : {}), createdAt: s.createdAt, updatedAt: s.updatedAt },
    relationships: { org: rel('org', store.org.id) },
    links: { self: `/v1/routing/statuses/${s.id}` },
  };
}

export function workSessionResource(store: KustomerStore, w: WorkSessionRec) {
  return {
    type: 'work_session',
    id: w.id,
    attributes: {
      active: w.active,
      statusType: w.statusType,
      statusChangedAt: w.statusChangedAt,
      signedOutAt: w.signedOutAt,
      capacityRemaining: w.active && w.statusType === 'available' ? 1 : 0,
      handledItemCount: 0,
      createdAt: w.createdAt,
      updatedAt: w.updatedAt,
      modifiedAt: w.updatedAt,
    },
    relationships: {
      org: rel('org', store.org.id),
      user: rel('user', w.userId),
      status: { links: { self: `/v1/routing/statuses/${w.statusId}` }, data: { type: 'user_status', id: w.statusId } },
    },
    links: { self: `/v1/routing/work-sessions/${w.id}` },
  };
}

export function tokenResource(store: KustomerStore, k: ApiKeyRec) {
  return {
    type: 'token',
    id: k.id,
    attributes: { name: k.name, type: 'api', createdAt: k.createdAt },
    relationships: { org: rel('org', store.org.id), user: rel('user', k.userId) },
    links: { self: '/v1/auth/tokens/current' },
  };
}
