// The emulator's state: one Freshdesk account (helpdesk) in memory. Tests read it through
// `emulator.store` to check what a client committed. Ids are numeric and per object type,
// as Freshdesk's are.
import type { Clock } from '../http-kit/index.js';
import type {
  AgentRec, ApiKeyRec, AttachmentRec, ContactFieldRec, ContactRec, ConversationRec, GroupRec, StatusRec, TicketFieldRec, TicketRec,
} from './records.js';

export type * from './records.js';

const FIRST_IDS = { ticket: 1, contact: 50_000_000_001, conversation: 70_000_000_001, attachment: 90_000_000_001, field: 1001, contactField: 2001 };

/** Phones are compared as Freshdesk stores them: the same text (ignoring surrounding space). */
export const samePhone = (a: string | null, b: string) => a !== null && a.trim() === b.trim();
export const sameEmail = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

export class FreshdeskStore {
  account = { id: 0, name: '', domain: '' };
  readonly agents = new Map<number, AgentRec>();
  readonly apiKeys = new Map<string, ApiKeyRec>();
  readonly groups = new Map<number, GroupRec>();
  readonly contacts = new Map<number, ContactRec>();
  readonly tickets = new Map<number, TicketRec>();
  readonly conversations = new Map<number, ConversationRec>();
  readonly attachments = new Map<number, AttachmentRec>();
  readonly ticketFields = new Map<number, TicketFieldRec>();
  readonly contactFields = new Map<number, ContactFieldRec>();
  readonly statuses = new Map<number, StatusRec>();
  /** What search sees of each ticket: snapshots that become visible after the indexing delay. */
  readonly searchIndex = new Map<number, Array<{ visibleAt: number; doc: TicketRec }>>();
  private readonly next = { ...FIRST_IDS };

  constructor(
    readonly clock: Clock,
    readonly searchIndexDelayMs = 0,
  ) {}

  now(): number {
    return this.clock.now();
  }

  nextId(kind: keyof typeof FIRST_IDS): number {
    return this.next[kind]++;
  }

  /** Makes sure a later nextId() does not hand out an id a seed used. */
  reserveId(kind: keyof typeof FIRST_IDS, id: number): void {
    if (id >= this.next[kind]) this.next[kind] = id + 1;
  }

  customFieldDefs(): TicketFieldRec[] {
    return [...this.ticketFields.values()].filter((f) => !f.default).sort((a, b) => a.position - b.position || a.id - b.id);
  }
  ticketFieldByName(name: string): TicketFieldRec | null {
    return [...this.ticketFields.values()].find((f) => f.name === name) ?? null;
  }
  contactFieldByName(name: string): ContactFieldRec | null {
    return [...this.contactFields.values()].find((f) => f.name === name) ?? null;
  }

  liveContacts(): ContactRec[] {
    return [...this.contacts.values()].filter((c) => !c.deleted);
  }
  contactByEmail(email: string): ContactRec | null {
    return this.liveContacts().find((c) => sameEmail(c.email, email) || c.otherEmails.some((o) => sameEmail(o, email))) ?? null;
  }
  contactByExternalId(id: string): ContactRec | null {
    return this.liveContacts().find((c) => c.uniqueExternalId === id) ?? null;
  }
  /** Oldest first: Freshdesk allows several contacts with one phone number. */
  contactsByPhone(phone: string, field: 'phone' | 'mobile' | 'any' = 'any'): ContactRec[] {
    return this.liveContacts()
      .filter((c) => (field !== 'mobile' && samePhone(c.phone, phone)) || (field !== 'phone' && samePhone(c.mobile, phone)))
      .sort((a, b) => a.id - b.id);
  }

  /** Oldest first. */
  conversationsOf(ticketId: number): ConversationRec[] {
    return [...this.conversations.values()].filter((c) => c.ticketId === ticketId).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  }
  ticketsOf(requesterId: number): TicketRec[] {
    return [...this.tickets.values()].filter((t) => t.requesterId === requesterId).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  }
  /** Tickets whose custom field `name` holds `value` (what a client stamps as its own key). */
  ticketsWithField(name: string, value: unknown): TicketRec[] {
    return [...this.tickets.values()].filter((t) => t.customFields[name] === value);
  }
  agentByKey(key: string): AgentRec | null {
    const k = this.apiKeys.get(key);
    return k ? (this.agents.get(k.agentId) ?? null) : null;
  }

  /** Records the ticket's current state for search, visible after the indexing delay. */
  index(t: TicketRec): void {
    const list = this.searchIndex.get(t.id) ?? [];
    list.push({ visibleAt: this.now() + this.searchIndexDelayMs, doc: structuredClone(t) });
    this.searchIndex.set(t.id, list);
  }
  /** What search sees now: the newest snapshot already visible, per ticket. */
  searchable(): TicketRec[] {
    const now = this.now();
    const out: TicketRec[] = [];
    for (const list of this.searchIndex.values()) {
      const visible = list.filter((s) => s.visibleAt <= now);
      const doc = visible[visible.length - 1]?.doc;
      if (doc) out.push(doc);
    }
    return out;
  }

  /** A JSON dump for GET /__emulator/state (attachment bytes summarised, keys masked). */
  snapshot() {
    const values = <T>(m: Map<number | string, T>) => [...m.values()];
    return {
      account: this.account,
      agents: values(this.agents),
      apiKeys: values(this.apiKeys).map((k) => ({ ...k, key: `***${k.key.slice(-4)}` })),
      groups: values(this.groups),
      statuses: values(this.statuses),
      ticketFields: values(this.ticketFields),
      contactFields: values(this.contactFields),
      contacts: values(this.contacts),
      tickets: values(this.tickets),
      conversations: values(this.conversations),
      attachments: values(this.attachments).map(({ bytes, ...a }) => ({ ...a, size: bytes.length })),
    };
  }
}
