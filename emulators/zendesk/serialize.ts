// Zendesk's JSON for each object, from the store's records.
import type { Deps } from './context.js';
import { phoneDigits } from './phone.js';
import type { AttachmentRec, AuditRec, CommentRec, TicketFieldRec, TicketRec, UploadRec, UserRec } from './store.js';

const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const minutes = { calendar: null, business: null };

export function ticketJson(deps: Deps, t: TicketRec): Record<string, unknown> {
  const { store } = deps;
  const fields = new Map<number, unknown>();
  for (const f of store.customFields()) if (f.active) fields.set(f.id, null);
  for (const [fid, v] of t.custom_fields) fields.set(fid, v);
  const custom = [...fields].map(([fid, value]) => ({ id: fid, value }));
  return {
    url: `${deps.baseUrl()}/api/v2/tickets/${t.id}.json`,
    id: t.id,
    external_id: t.external_id,
    via: t.via,
    created_at: t.created_at,
    updated_at: t.updated_at,
    generated_timestamp: epoch(t.updated_at),
    type: t.type,
    subject: t.subject,
    raw_subject: t.subject,
    description: t.description,
    priority: t.priority,
    status: t.status,
    recipient: null,
    requester_id: t.requester_id,
    submitter_id: t.submitter_id,
    assignee_id: t.assignee_id,
    organization_id: null,
    group_id: t.group_id,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: t.is_public,
    due_at: null,
    tags: t.tags,
    custom_fields: custom,
    fields: custom,
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    followup_ids: t.followup_ids,
    ticket_form_id: null,
    brand_id: null,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
}

export function metricJson(deps: Deps, t: TicketRec): Record<string, unknown> {
  const m = t.metrics;
  return {
    url: `${deps.baseUrl()}/api/v2/ticket_metrics/${m.id}.json`,
    id: m.id,
    ticket_id: t.id,
    created_at: t.created_at,
    updated_at: t.updated_at,
    group_stations: t.group_id ? 1 : 0,
    assignee_stations: m.initially_assigned_at ? 1 : 0,
    reopens: m.reopens,
    replies: m.replies,
    assignee_updated_at: m.assignee_updated_at,
    requester_updated_at: m.requester_updated_at,
    status_updated_at: m.status_updated_at,
    initially_assigned_at: m.initially_assigned_at,
    assigned_at: m.assigned_at,
    solved_at: m.solved_at,
    latest_comment_added_at: m.latest_comment_added_at,
    reply_time_in_minutes: minutes,
    first_resolution_time_in_minutes: minutes,
    full_resolution_time_in_minutes: minutes,
    agent_wait_time_in_minutes: minutes,
    requester_wait_time_in_minutes: minutes,
    on_hold_time_in_minutes: minutes,
  };
}

export function userJson(deps: Deps, u: UserRec): Record<string, unknown> {
  const digits = phoneDigits(u.phone);
  const shared = !!digits && [...deps.store.users.values()].some((o) => o.id !== u.id && phoneDigits(o.phone) === digits);
  return {
    id: u.id,
    url: `${deps.baseUrl()}/api/v2/users/${u.id}.json`,
    name: u.name,
    email: u.email,
    created_at: u.created_at,
    updated_at: u.updated_at,
    time_zone: u.time_zone,
    iana_time_zone: 'Etc/UTC',
    phone: u.phone,
    shared_phone_number: u.phone ? shared : null,
    photo: null,
    locale_id: 1,
    locale: u.locale,
    organization_id: u.organization_id,
    role: u.role,
    verified: u.verified,
    external_id: u.external_id,
    tags: u.tags,
    alias: '',
    active: u.active,
    shared: false,
    shared_agent: false,
    last_login_at: null,
    two_factor_auth_enabled: false,
    signature: null,
    details: u.details ?? '',
    notes: u.notes ?? '',
    role_type: null,
    custom_role_id: null,
    moderator: u.role !== 'end-user',
    ticket_restriction: u.role === 'end-user' ? 'requested' : null,
    only_private_comments: false,
    restricted_agent: false,
    suspended: false,
    default_group_id: null,
    report_csv: false,
    user_fields: u.user_fields,
  };
}

export function attachmentJson(deps: Deps, a: AttachmentRec): Record<string, unknown> {
  const content = `${deps.baseUrl()}/attachments/token/${a.token}/?name=${encodeURIComponent(a.file_name)}`;
  return {
    url: `${deps.baseUrl()}/api/v2/attachments/${a.id}.json`,
    id: a.id,
    file_name: a.file_name,
    content_url: content,
    mapped_content_url: content,
    content_type: a.content_type,
    size: a.size,
    width: null,
    height: null,
    inline: false,
    deleted: false,
    malware_access_override: false,
    malware_scan_result: 'malware_not_found',
    thumbnails: [],
  };
}

export function commentJson(deps: Deps, c: CommentRec): Record<string, unknown> {
  const audit = deps.store.audits.get(c.audit_id);
  return {
    id: c.id,
    type: 'Comment',
    author_id: c.author_id,
    body: c.body,
    html_body: c.html_body,
    plain_body: c.body,
    public: c.public,
    attachments: c.attachment_ids.map((id) => deps.store.attachments.get(id)).filter((a): a is AttachmentRec => !!a).map((a) => attachmentJson(deps, a)),
    audit_id: c.audit_id,
    via: c.via,
    created_at: c.created_at,
    metadata: { system: audit?.metadata.system ?? {}, custom: audit?.metadata.custom ?? {} },
  };
}

export function auditJson(deps: Deps, a: AuditRec): Record<string, unknown> {
  const events = a.events.map((e) => {
    if (e.type !== 'Comment') return e;
    const c = deps.store.comments.get(e.comment_id as number);
    const { comment_id: _omit, ...rest } = e;
    return c ? { ...rest, ...commentJson(deps, c), id: e.id } : rest;
  });
  return { id: a.id, ticket_id: a.ticket_id, created_at: a.created_at, author_id: a.author_id, metadata: a.metadata, via: a.via, events };
}

export function uploadJson(deps: Deps, u: UploadRec): Record<string, unknown> {
  const atts = u.attachment_ids.map((id) => deps.store.attachments.get(id)).filter((a): a is AttachmentRec => !!a).map((a) => attachmentJson(deps, a));
  return { token: u.token, expires_at: u.expires_at, attachments: atts, attachment: atts.at(-1) ?? null };
}

export function fieldJson(deps: Deps, f: TicketFieldRec): Record<string, unknown> {
  return {
    url: `${deps.baseUrl()}/api/v2/ticket_fields/${f.id}.json`,
    id: f.id,
    type: f.type,
    title: f.title,
    raw_title: f.title,
    description: f.description,
    raw_description: f.description,
    position: f.position,
    active: f.active,
    required: f.required,
    collapsed_for_agents: false,
    regexp_for_validation: f.regexp_for_validation,
    title_in_portal: f.title,
    raw_title_in_portal: f.title,
    visible_in_portal: false,
    editable_in_portal: false,
    required_in_portal: false,
    tag: f.tag,
    created_at: f.created_at,
    updated_at: f.updated_at,
    removable: f.removable,
    agent_description: null,
    ...(f.custom_field_options ? { custom_field_options: f.custom_field_options.map((o) => ({ ...o, raw_name: o.name })) } : {}),
  };
}
