// Request bodies the adapter sends: end users, tickets, updates, comments, follow-ups.
import type { FieldMap, NewCustomer, NewRecord, RecordPatch } from '../../../engine/crm-port.js';
import type { ZendeskFieldValue } from './fields.js';
import { commentText, firstComment, NOTE_KEY, SUBJECT_MAX, zendeskTags } from './mapping.js';
import { phoneToWrite } from './phone.js';
import type { PhoneFormat } from './options.js';
import type { Ticket } from './replies.js';
import { stampFields, stampTags, type StampConfig } from './stamps.js';

type CustomFields = Array<{ id: number; value: ZendeskFieldValue }>;

/**
 * The end user for create_or_update, which Zendesk matches by external_id, else e-mail, so a
 * retry (or a second agent a moment later, before search has indexed the first) finds the user
 * instead of making another (REL-1). The SDK identifier is the external_id (KUS-7); a caller
 * known only by phone gets `agentdesk:<key>` (e.g. agentdesk:phone:+14155550100).
 */
export function endUserBody(c: NewCustomer, format: PhoneFormat): { user: Record<string, unknown> } {
  const phone = phoneToWrite(c, format);
  const email = c.email && /^[^\s@]+@[^\s@]+$/.test(c.email) ? c.email : null;
  const externalId = c.identifier ? c.identifier.slice(0, 255) : email ? null : `agentdesk:${c.key}`.slice(0, 255);
  const userFields = Object.fromEntries(Object.entries(c.fields).filter(([, v]) => v !== null));
  return {
    user: {
      name: (c.name ?? (phone ? `Caller ${c.phoneE164 ?? phone}` : (email ?? 'Visitor'))).slice(0, 255),
      role: 'end-user',
      ...(phone ? { phone } : {}),
      ...(email ? { email, skip_verify_email: true } : {}),
      ...(externalId ? { external_id: externalId } : {}),
      ...(Object.keys(userFields).length ? { user_fields: userFields } : {}),
    },
  };
}

export function newTicketBody(r: NewRecord, requesterId: number, assigneeId: number | null, fields: CustomFields, stamps: StampConfig): { ticket: Record<string, unknown> } {
  const tags = zendeskTags([...r.tags, ...(stamps.kind === 'tags' ? stampTags(r.leafQueueId, r.channel) : [])]);
  const custom = [...fields, ...(stamps.kind === 'fields' ? stampFields(stamps, r.leafQueueId, r.channel).filter((f) => f.value !== null) : [])];
  return {
    ticket: {
      subject: r.subject.slice(0, SUBJECT_MAX),
      comment: { body: commentText(firstComment(r)), public: false },
      requester_id: requesterId,
      external_id: r.externalId.slice(0, 255),
      ...(assigneeId !== null ? { assignee_id: assigneeId } : {}),
      ...(tags.length ? { tags } : {}),
      ...(custom.length ? { custom_fields: custom } : {}),
      ...(r.followUpOf ? { via_followup_source_id: Number(r.followUpOf) } : {}),
    },
  };
}

/** One update for status, fields, tags and assignee (REC-2 reopen: open; closing: solved). */
export function updateBody(patch: RecordPatch, fields: CustomFields, assigneeId: number | null): Record<string, unknown> {
  const tags = zendeskTags(patch.addTags ?? []);
  return {
    ...(patch.status ? { status: patch.status === 'closed' ? 'solved' : 'open' } : {}),
    ...(fields.length ? { custom_fields: fields } : {}),
    ...(tags.length ? { additional_tags: tags } : {}),
    ...(assigneeId !== null ? { assignee_id: assigneeId } : {}),
  };
}

/** A private comment; its key rides in the audit's metadata so a retry can find it (REL-1). */
export function commentBody(key: string, text: string, uploads: string[] = []): Record<string, unknown> {
  return { comment: { body: commentText(text), public: false, ...(uploads.length ? { uploads } : {}) }, metadata: { [NOTE_KEY]: key } };
}

/**
 * The follow-up of a closed ticket, for a write that came after it was closed: same requester,
 * subject, assignee, external_id and tags (the stamps come along), so later sessions find it.
 * Built only from the closed ticket, which never changes, so a retry sends the same body.
 */
export function followUpBody(closed: Ticket, stamps: StampConfig): { ticket: Record<string, unknown> } {
  const stampValues = stamps.kind === 'fields' ? closed.custom_fields.filter((f) => (f.id === stamps.leafQueueFieldId || f.id === stamps.channelFieldId) && f.value !== null) : [];
  return {
    ticket: {
      subject: closed.subject ?? '',
      comment: { body: `Follow-up of ticket #${closed.id}, which was closed before AgentDesk could add to it. What AgentDesk had for it follows.`, public: false },
      ...(closed.requester_id ? { requester_id: closed.requester_id } : {}),
      ...(closed.assignee_id ? { assignee_id: closed.assignee_id } : {}),
      ...(closed.external_id ? { external_id: closed.external_id } : {}),
      ...(closed.tags.length ? { tags: closed.tags } : {}),
      ...(stampValues.length ? { custom_fields: stampValues.map((f) => ({ id: f.id, value: f.value })) } : {}),
      via_followup_source_id: closed.id,
    },
  };
}

export const hasFields = (m: FieldMap | undefined): m is FieldMap => !!m && Object.keys(m).length > 0;
