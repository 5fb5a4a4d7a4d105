// The emulator's records: what the store keeps for each Freshdesk object. Times are epoch ms
// internally; replies show them as Freshdesk does (ISO-8601, whole seconds, `Z`).
export interface AgentRec {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  language: string;
  timeZone: string;
  /** Admins may call the /admin endpoints (ticket field creation). */
  role: 'admin' | 'agent';
  available: boolean;
  occasional: boolean;
  ticketScope: 1 | 2 | 3;
  groupIds: number[];
  createdAt: number;
  updatedAt: number;
}

export interface ApiKeyRec {
  key: string;
  agentId: number;
}

export interface GroupRec {
  id: number;
  name: string;
}

export interface ContactRec {
  id: number;
  name: string;
  email: string | null;
  otherEmails: string[];
  phone: string | null;
  mobile: string | null;
  twitterId: string | null;
  uniqueExternalId: string | null;
  companyId: number | null;
  description: string | null;
  jobTitle: string | null;
  address: string | null;
  language: string;
  timeZone: string;
  tags: string[];
  customFields: Record<string, unknown>;
  active: boolean;
  deleted: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface TicketStats {
  agentRespondedAt: number | null;
  requesterRespondedAt: number | null;
  firstRespondedAt: number | null;
  statusUpdatedAt: number | null;
  reopenedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  pendingSince: number | null;
}

export interface TicketRec {
  id: number;
  requesterId: number;
  responderId: number | null;
  groupId: number | null;
  companyId: number | null;
  subject: string;
  description: string;
  descriptionText: string;
  status: number;
  priority: number;
  source: number;
  type: string | null;
  tags: string[];
  ccEmails: string[];
  /** Every custom field of the account, null when unset (Freshdesk lists them all). */
  customFields: Record<string, unknown>;
  attachmentIds: number[];
  dueBy: number | null;
  frDueBy: number | null;
  spam: boolean;
  deleted: boolean;
  stats: TicketStats;
  createdAt: number;
  updatedAt: number;
}

export interface ConversationRec {
  id: number;
  ticketId: number;
  userId: number;
  body: string;
  bodyText: string;
  private: boolean;
  incoming: boolean;
  /** Freshdesk conversation source: 0 reply, 2 note. */
  source: number;
  notifiedTo: string[];
  attachmentIds: number[];
  createdAt: number;
  updatedAt: number;
}

export interface AttachmentRec {
  id: number;
  name: string;
  contentType: string;
  bytes: Buffer;
  createdAt: number;
}

export const CUSTOM_FIELD_TYPES = ['custom_text', 'custom_paragraph', 'custom_number', 'custom_decimal', 'custom_checkbox', 'custom_date', 'custom_dropdown'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface TicketFieldRec {
  id: number;
  /** cf_<name> for custom fields; the default fields keep their Freshdesk names (status, priority...). */
  name: string;
  label: string;
  labelForCustomers: string;
  description: string;
  type: string;
  position: number;
  default: boolean;
  requiredForClosure: boolean;
  requiredForAgents: boolean;
  requiredForCustomers: boolean;
  customersCanEdit: boolean;
  displayedToCustomers: boolean;
  /** Dropdown values. */
  choices: string[];
  createdAt: number;
  updatedAt: number;
}

export interface ContactFieldRec {
  id: number;
  name: string;
  label: string;
  type: CustomFieldType;
  choices: string[];
  createdAt: number;
  updatedAt: number;
}

/**
 * A ticket status. 2-5 are Freshdesk's own; custom ones have ids from 6. Freshdesk stores no
 * open/closed category (custom statuses are "unresolved" to it); `category` records what the
 * admin means by the status, so tests and the demo configure AgentDesk from one place.
 */
export interface StatusRec {
  id: number;
  label: string;
  customerLabel: string;
  category: 'open' | 'closed';
  stopSlaTimer: boolean;
  default: boolean;
  position: number;
}
