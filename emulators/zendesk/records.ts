// What the emulator's store keeps for each Zendesk object. Field names follow Zendesk's JSON
// (snake case), so serializing is mostly picking fields.
export type Role = 'end-user' | 'agent' | 'admin';
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type FieldValue = string | number | boolean | string[] | null;

export interface UserRec {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  role: Role;
  verified: boolean;
  active: boolean;
  tags: string[];
  details: string | null;
  notes: string | null;
  locale: string;
  time_zone: string;
  organization_id: number | null;
  user_fields: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface ApiTokenRec {
  token: string;
  description: string;
}

export interface OAuthTokenRec {
  token: string;
  userId: number;
  scopes: string[];
}

export interface Via {
  channel: string;
  source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null };
}

/** Ticket Metrics (GET /api/v2/tickets/{id}/metrics, sideload metric_sets). */
export interface MetricsRec {
  id: number;
  solved_at: string | null;
  reopens: number;
  replies: number;
  assigned_at: string | null;
  initially_assigned_at: string | null;
  status_updated_at: string;
  latest_comment_added_at: string;
  assignee_updated_at: string | null;
  requester_updated_at: string | null;
}

export interface TicketRec {
  id: number;
  external_id: string | null;
  subject: string;
  description: string;
  status: TicketStatus;
  type: 'problem' | 'incident' | 'question' | 'task' | null;
  priority: 'urgent' | 'high' | 'normal' | 'low' | null;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  group_id: number | null;
  tags: string[];
  /** field id -> value, for every custom ticket field set on the ticket. */
  custom_fields: Map<number, FieldValue>;
  via: Via;
  followup_ids: number[];
  is_public: boolean;
  created_at: string;
  updated_at: string;
  metrics: MetricsRec;
}

export interface AttachmentRec {
  id: number;
  file_name: string;
  content_type: string;
  size: number;
  bytes: Buffer;
  /** Upload token that created it. */
  token: string;
  created_at: string;
}

export interface CommentRec {
  id: number;
  ticket_id: number;
  audit_id: number;
  author_id: number;
  body: string;
  html_body: string;
  public: boolean;
  attachment_ids: number[];
  created_at: string;
  via: Via;
}

export interface AuditEvent {
  id: number;
  type: string;
  [key: string]: unknown;
}

export interface AuditRec {
  id: number;
  ticket_id: number;
  author_id: number;
  created_at: string;
  via: Via;
  metadata: { system: Record<string, unknown>; custom: Record<string, unknown> };
  events: AuditEvent[];
}

export interface UploadRec {
  token: string;
  expires_at: string;
  attachment_ids: number[];
  /** Set once a comment used the token: a token attaches its files once. */
  used_by_comment: number | null;
  created_by: number;
}

export const FIELD_TYPES = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'tagger', 'multiselect'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const SYSTEM_FIELD_TYPES = ['subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee'] as const;

export interface FieldOption {
  id: number;
  name: string;
  value: string;
  default: boolean;
}

export interface TicketFieldRec {
  id: number;
  type: FieldType | (typeof SYSTEM_FIELD_TYPES)[number];
  title: string;
  description: string;
  active: boolean;
  required: boolean;
  removable: boolean;
  position: number;
  regexp_for_validation: string | null;
  /** Checkbox fields: the tag added when checked. */
  tag: string | null;
  custom_field_options: FieldOption[] | null;
  created_at: string;
  updated_at: string;
}

export const USER_FIELD_TYPES = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown'] as const;

/** A custom user field: values live in users' `user_fields` under its key. */
export interface UserFieldRec {
  id: number;
  key: string;
  type: (typeof USER_FIELD_TYPES)[number];
  title: string;
  description: string;
  active: boolean;
  position: number;
  created_at: string;
  updated_at: string;
}
