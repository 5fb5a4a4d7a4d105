// The emulator's state: one org and its objects, in memory. Tests read it through
// `emulator.store` to check what a client committed.
import type { Clock } from '../http-kit/index.js';
import type { IdGenerator } from './ids.js';
import { phoneDigits, sameEmail } from './phone.js';
import type {
  ApiKeyRec, AttachmentRec, ConversationRec, CustomerRec, MessageRec, MetadataProp, NoteRec, RoutingStatusRec, UserRec, WorkSessionRec,
} from './records.js';

export type * from './records.js';

const byNewest = <T extends { createdAt: string; id: string }>(a: T, b: T) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
const byOldest = <T extends { createdAt: string; id: string }>(a: T, b: T) => -byNewest(a, b);

export class KustomerStore {
  org = { id: '', name: '' };
  readonly users = new Map<string, UserRec>();
  readonly apiKeys = new Map<string, ApiKeyRec>();
  readonly customers = new Map<string, CustomerRec>();
  readonly conversations = new Map<string, ConversationRec>();
  readonly messages = new Map<string, MessageRec>();
  readonly notes = new Map<string, NoteRec>();
  readonly attachments = new Map<string, AttachmentRec>();
  /** Tag names known to the org, by lower-cased name (tags are created when first used). */
  readonly tags = new Map<string, { id: string; name: string; createdAt: string }>();
  /** resource (customer, conversation, ...) -> attribute name -> metadata. */
  readonly metadata = new Map<string, Map<string, MetadataProp>>();
  readonly routingStatuses = new Map<string, RoutingStatusRec>();
  readonly workSessions = new Map<string, WorkSessionRec>();

  constructor(
    readonly ids: IdGenerator,
    readonly clock: Clock,
  ) {}

  now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  customerByPhone(phone: string): CustomerRec | null {
    const digits = phoneDigits(phone);
    if (!digits) return null;
    return [...this.customers.values()].find((c) => c.phones.some((p) => phoneDigits(p.phone) === digits)) ?? null;
  }
  customerByEmail(email: string): CustomerRec | null {
    return [...this.customers.values()].find((c) => c.emails.some((e) => sameEmail(e.email, email))) ?? null;
  }
  customerByExternalId(externalId: string): CustomerRec | null {
    return [...this.customers.values()].find((c) => c.externalId === externalId) ?? null;
  }
  conversationByExternalId(externalId: string): ConversationRec | null {
    return [...this.conversations.values()].find((c) => c.externalId === externalId) ?? null;
  }
  /** Newest first. */
  conversationsOf(customerId: string): ConversationRec[] {
    return [...this.conversations.values()].filter((c) => c.customerId === customerId).sort(byNewest);
  }
  /** Oldest first. */
  notesOf(conversationId: string): NoteRec[] {
    return [...this.notes.values()].filter((n) => n.conversationId === conversationId).sort(byOldest);
  }
  messagesOf(conversationId: string): MessageRec[] {
    return [...this.messages.values()].filter((m) => m.conversationId === conversationId).sort(byOldest);
  }
  userByEmail(email: string): UserRec | null {
    return [...this.users.values()].find((u) => sameEmail(u.email, email)) ?? null;
  }
  statusByName(name: string): RoutingStatusRec | null {
    return [...this.routingStatuses.values()].find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  currentSession(userId: string): WorkSessionRec | null {
    return [...this.workSessions.values()].find((s) => s.userId === userId && s.active) ?? null;
  }
  /** Registers tag names (created if missing, like Kustomer's tag endpoints). */
  touchTags(names: string[]): void {
    for (const name of names) {
      if (!this.tags.has(name.toLowerCase())) this.tags.set(name.toLowerCase(), { id: this.ids.next(), name, createdAt: this.now() });
    }
  }
  isDeclared(resource: string, name: string): boolean {
    return this.metadata.get(resource)?.has(name) ?? false;
  }

  /** A JSON dump for GET /__emulator/state (attachment bytes summarised). */
  snapshot() {
    const values = <T>(m: Map<string, T>) => [...m.values()];
    return {
      org: this.org,
      users: values(this.users),
      apiKeys: values(this.apiKeys).map((k) => ({ ...k, key: `***${k.key.slice(-4)}` })),
      customers: values(this.customers),
      conversations: values(this.conversations),
      messages: values(this.messages),
      notes: values(this.notes),
      attachments: values(this.attachments).map(({ bytes, ...a }) => ({ ...a, storedBytes: bytes?.length ?? 0 })),
      tags: values(this.tags),
      metadata: Object.fromEntries([...this.metadata].map(([r, props]) => [r, Object.fromEntries(props)])),
      routingStatuses: values(this.routingStatuses),
      workSessions: values(this.workSessions),
    };
  }
}

export { byNewest, byOldest };
