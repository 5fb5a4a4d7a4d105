// The emulator's records: what the store keeps for each Kustomer object.
export type StatusType = 'available' | 'busy' | 'unavailable' | 'offline';
export interface Audit {
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  modifiedBy: string;
}

export interface UserRec {
  id: string;
  email: string;
  name: string;
  displayName: string;
  userType: 'user' | 'machine';
  createdAt: string;
  updatedAt: string;
}
export interface ApiKeyRec {
  id: string;
  key: string;
  name: string;
  userId: string;
  createdAt: string;
}
export interface CustomerRec extends Audit {
  id: string;
  name: string | null;
  externalId: string | null;
  emails: Array<{ type: string; email: string; verified: boolean }>;
  phones: Array<{ type: string; phone: string; verified: boolean }>;
  tags: string[];
  custom: Record<string, unknown>;
  /** Accepted attributes the emulator stores without interpreting (company, locations...). */
  extra: Record<string, unknown>;
  rev: number;
}
export interface LastDone {
  createdAt: string;
  createdBy: string;
  time: number;
}
export interface ConversationRec extends Audit {
  id: string;
  customerId: string;
  externalId: string | null;
  name: string;
  status: 'open' | 'snoozed' | 'done';
  direction: 'in' | 'out';
  priority: number;
  tags: string[];
  assignedUsers: string[];
  assignedTeams: string[];
  custom: Record<string, unknown>;
  lastDone: LastDone | null;
  channels: string[];
  messageCount: number;
  noteCount: number;
  outboundMessageCount: number;
  lastMessageAt: string | null;
  extra: Record<string, unknown>;
  rev: number;
}
export interface AttachmentRef {
  _id: string;
  name: string;
  contentType: string;
  contentLength: number;
}
export interface MessageRec extends Audit {
  id: string;
  conversationId: string;
  customerId: string;
  externalId: string | null;
  channel: string;
  app: string;
  direction: 'in' | 'out';
  directionType: string;
  preview: string;
  subject: string | null;
  status: string;
  sentAt: string;
  attachments: AttachmentRef[];
  custom: Record<string, unknown>;
  meta: Record<string, unknown>;
  extra: Record<string, unknown>;
}
export interface NoteRec extends Audit {
  id: string;
  conversationId: string;
  customerId: string;
  externalId: string | null;
  body: string;
  attachments: AttachmentRef[];
  userMentions: Array<{ user?: string; team?: string }>;
  lang: string | null;
}
export interface AttachmentRec {
  id: string;
  name: string;
  contentType: string;
  contentLength: number;
  uploaded: boolean;
  bytes: Buffer | null;
  key: string;
  /** The presigned-POST policy fields handed out at creation; the upload must echo them. */
  policy: Record<string, string>;
  createdAt: string;
  createdBy: string;
}
export interface MetadataProp {
  type: string;
  displayName: string;
  options: Record<string, unknown>;
  modifiedBy: string;
  modifiedAt: string;
}
export interface RoutingStatusRec {
  id: string;
  name: string;
  statusType: StatusType;
  system: boolean;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface WorkSessionRec {
  id: string;
  userId: string;
  statusId: string;
  statusType: StatusType;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  statusChangedAt: string;
  signedOutAt: string | null;
  history: Array<{ statusId: string; at: string }>;
}
