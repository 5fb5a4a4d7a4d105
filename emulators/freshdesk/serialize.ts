// Freshdesk's JSON shapes of tickets, contacts, conversations, attachments and agents: snake
// case, numeric ids, ISO-8601 times in whole seconds with `Z`.
import type { AgentRec, AttachmentRec, ContactRec, ConversationRec, FreshdeskStore, TicketRec } from './store.js';

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));

export function attachmentJson(baseUrl: string, a: AttachmentRec) {
  return {
    id: a.id,
    content_type: a.contentType,
    file_size: a.bytes.length,
    name: a.name,
    attachment_url: `${baseUrl}/files/attachments/${a.id}/${encodeURIComponent(a.name)}`,
    created_at: iso(a.createdAt),
    updated_at: iso(a.createdAt),
  };
}

export interface TicketView {
  description?: boolean;
  stats?: boolean;
  requester?: boolean;
  attachments?: boolean;
  conversations?: boolean;
}

export function ticketJson(store: FreshdeskStore, baseUrl: string, t: TicketRec, view: TicketView = {}) {
  const out: Record<string, unknown> = {
    cc_emails: t.ccEmails,
    fwd_emails: [],
    reply_cc_emails: t.ccEmails,
    ticket_cc_emails: t.ccEmails,
    fr_escalated: false,
    spam: t.spam,
    email_config_id: null,
    group_id: t.groupId,
    priority: t.priority,
    requester_id: t.requesterId,
    responder_id: t.responderId,
    source: t.source,
    company_id: t.companyId,
    status: t.status,
    subject: t.subject,
    association_type: null,
    support_email: null,
    to_emails: null,
    product_id: null,
    id: t.id,
    type: t.type,
    due_by: iso(t.dueBy),
    fr_due_by: iso(t.frDueBy),
    is_escalated: false,
    custom_fields: { ...t.customFields },
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
    tags: [...t.tags],
  };
  if (view.description) {
    out.description = t.description;
    out.description_text = t.descriptionText;
  }
  if (view.attachments) out.attachments = t.attachmentIds.map((id) => store.attachments.get(id)).filter((a) => !!a).map((a) => attachmentJson(baseUrl, a));
  if (view.stats) {
    const s = t.stats;
    out.stats = {
      agent_responded_at: iso(s.agentRespondedAt),
      requester_responded_at: iso(s.requesterRespondedAt),
      first_responded_at: iso(s.firstRespondedAt),
      status_updated_at: iso(s.statusUpdatedAt),
      reopened_at: iso(s.reopenedAt),
      resolved_at: iso(s.resolvedAt),
      closed_at: iso(s.closedAt),
      pending_since: iso(s.pendingSince),
    };
  }
  if (view.requester) {
    const c = store.contacts.get(t.requesterId);
    out.requester = c ? { id: c.id, name: c.name, email: c.email, mobile: c.mobile, phone: c.phone } : null;
  }
  if (view.conversations) out.conversations = store.conversationsOf(t.id).slice(0, 10).map((c) => conversationJson(store, baseUrl, c));
  return out;
}

export function contactJson(c: ContactRec) {
  return {
    active: c.active,
    address: c.address,
    company_id: c.companyId,
    view_all_tickets: false,
    ...(c.deleted ? { deleted: true } : {}),
    description: c.description,
    email: c.email,
    id: c.id,
    job_title: c.jobTitle,
    language: c.language,
    mobile: c.mobile,
    name: c.name,
    phone: c.phone,
    time_zone: c.timeZone,
    twitter_id: c.twitterId,
    unique_external_id: c.uniqueExternalId,
    facebook_id: null,
    other_emails: [...c.otherEmails],
    custom_fields: { ...c.customFields },
    tags: [...c.tags],
    avatar: null,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
  };
}

export function conversationJson(store: FreshdeskStore, baseUrl: string, c: ConversationRec, extra: Record<string, unknown> = {}) {
  return {
    body: c.body,
    body_text: c.bodyText,
    id: c.id,
    incoming: c.incoming,
    private: c.private,
    user_id: c.userId,
    support_email: null,
    source: c.source,
    ticket_id: c.ticketId,
    to_emails: null,
    from_email: null,
    cc_emails: [],
    bcc_emails: [],
    attachments: c.attachmentIds.map((id) => store.attachments.get(id)).filter((a) => !!a).map((a) => attachmentJson(baseUrl, a)),
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    last_edited_at: null,
    last_edited_user_id: null,
    ...extra,
  };
}

export function agentJson(a: AgentRec) {
  return {
    available: a.available,
    occasional: a.occasional,
    id: a.id,
    ticket_scope: a.ticketScope,
    signature: null,
    group_ids: [...a.groupIds],
    role_ids: [],
    skill_ids: [],
    available_since: null,
    type: 'support_agent',
    contact: {
      active: true,
      email: a.email,
      job_title: a.jobTitle,
      language: a.language,
      last_login_at: null,
      mobile: a.mobile,
      name: a.name,
      phone: a.phone,
      time_zone: a.timeZone,
      created_at: iso(a.createdAt),
      updated_at: iso(a.updatedAt),
    },
    created_at: iso(a.createdAt),
    updated_at: iso(a.updatedAt),
  };
}
