// The emulator's state: one Zendesk account and its objects, in memory. Tests read it through
// `emulator.store` to check what a client committed.
import type { Clock } from '../http-kit/index.js';
import type { IdGenerator } from './ids.js';
import { sameEmail } from './phone.js';
import type {
  ApiTokenRec, AttachmentRec, AuditEvent, AuditRec, CommentRec, OAuthTokenRec, TicketFieldRec, TicketRec, UploadRec, UserFieldRec, UserRec, Via,
} from './records.js';

export type * from './records.js';
export { TICKET_STATUSES, SYSTEM_FIELD_TYPES, FIELD_TYPES, USER_FIELD_TYPES } from './records.js';

/** The author Zendesk shows for its own automations. */
export const SYSTEM_USER_ID = -1;
export const API_VIA: Via = { channel: 'api', source: { from: {}, to: {}, rel: null } };

/** Zendesk's timestamps: ISO-8601 UTC to the second. */
export const zTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export interface StoreOptions {
  /** The "Close ticket 4 days after status is set to solved" automation (0 = never). */
  autoCloseAfterMs: number;
  /** Search sees a record only this long after it was created (Zendesk's index lag). */
  searchLagMs: number;
}

export class ZendeskStore {
  account = { subdomain: 'acme', name: 'Acme' };
  readonly users = new Map<number, UserRec>();
  readonly apiTokens = new Map<string, ApiTokenRec>();
  readonly oauthTokens = new Map<string, OAuthTokenRec>();
  readonly tickets = new Map<number, TicketRec>();
  readonly comments = new Map<number, CommentRec>();
  readonly audits = new Map<number, AuditRec>();
  readonly uploads = new Map<string, UploadRec>();
  readonly attachments = new Map<number, AttachmentRec>();
  readonly ticketFields = new Map<number, TicketFieldRec>();
  readonly userFields = new Map<number, UserFieldRec>();

  constructor(
    readonly ids: IdGenerator,
    readonly clock: Clock,
    readonly opts: StoreOptions,
  ) {}

  now(): string {
    return zTime(this.clock.now());
  }

  userByEmail(email: string): UserRec | null {
    return [...this.users.values()].find((u) => sameEmail(u.email, email)) ?? null;
  }
  userByExternalId(externalId: string): UserRec | null {
    return [...this.users.values()].find((u) => u.external_id === externalId) ?? null;
  }
  isAgent(id: number | null | undefined): boolean {
    const u = id === null || id === undefined ? undefined : this.users.get(id);
    return !!u && u.active && (u.role === 'agent' || u.role === 'admin');
  }
  /** Oldest first (ascending id, Zendesk's default list order). */
  ticketsWhere(pred: (t: TicketRec) => boolean): TicketRec[] {
    this.runAutomations();
    return [...this.tickets.values()].filter(pred).sort((a, b) => a.id - b.id);
  }
  commentsOf(ticketId: number): CommentRec[] {
    return [...this.comments.values()].filter((c) => c.ticket_id === ticketId).sort((a, b) => a.id - b.id);
  }
  auditsOf(ticketId: number): AuditRec[] {
    return [...this.audits.values()].filter((a) => a.ticket_id === ticketId).sort((a, b) => a.id - b.id);
  }
  customFields(): TicketFieldRec[] {
    return [...this.ticketFields.values()].filter((f) => f.removable).sort((a, b) => a.position - b.position || a.id - b.id);
  }
  /** Whether search has indexed a record created at `createdAt` yet. */
  indexed(createdAt: string): boolean {
    return Date.parse(createdAt) + this.opts.searchLagMs <= this.clock.now();
  }

  addAudit(
    ticketId: number,
    authorId: number,
    events: Array<Omit<AuditEvent, 'id'>>,
    opts: { custom?: Record<string, unknown>; via?: Via; at?: string; id?: number } = {},
  ): AuditRec {
    const audit: AuditRec = {
      id: opts.id ?? this.ids.nextObject(),
      ticket_id: ticketId,
      author_id: authorId,
      created_at: opts.at ?? this.now(),
      via: opts.via ?? API_VIA,
      metadata: { system: { client: 'AgentDesk emulator', ip_address: '127.0.0.1', location: 'Localhost' }, custom: opts.custom ?? {} },
      events: events.map((e) => ({ ...e, id: this.ids.nextObject() }) as AuditEvent),
    };
    this.audits.set(audit.id, audit);
    return audit;
  }

  /**
   * Zendesk's default automation closes a ticket some days after it was solved. The emulator runs
   * it lazily, against its clock, before every request (and whenever tests call it).
   */
  runAutomations(): void {
    if (this.opts.autoCloseAfterMs <= 0) return;
    const now = this.clock.now();
    for (const t of this.tickets.values()) {
      if (t.status !== 'solved' || !t.metrics.solved_at) continue;
      const due = Date.parse(t.metrics.solved_at) + this.opts.autoCloseAfterMs;
      if (due <= now) this.close(t, zTime(Math.max(due, Date.parse(t.updated_at))));
    }
  }

  /** Closes a solved ticket as the close automation does (tests use it to skip the wait). */
  close(t: TicketRec, at = this.now()): void {
    if (t.status !== 'solved') throw new Error(`ticket ${t.id} is ${t.status}: only solved tickets are closed`);
    t.status = 'closed';
    t.updated_at = at;
    t.metrics.status_updated_at = at;
    const via: Via = { channel: 'rule', source: { from: { title: 'Close ticket 4 days after status is set to solved' }, to: {}, rel: 'automation' } };
    this.addAudit(t.id, SYSTEM_USER_ID, [{ type: 'Change', field_name: 'status', value: 'closed', previous_value: 'solved' }], { via, at });
  }

  /** A JSON dump for GET /__emulator/state (attachment bytes summarised). */
  snapshot() {
    const values = <T>(m: Map<unknown, T>) => [...m.values()];
    return {
      account: this.account,
      users: values(this.users),
      apiTokens: values(this.apiTokens).map((t) => ({ ...t, token: `***${t.token.slice(-4)}` })),
      tickets: values(this.tickets).map((t) => ({ ...t, custom_fields: [...t.custom_fields].map(([id, value]) => ({ id, value })) })),
      comments: values(this.comments),
      audits: values(this.audits),
      uploads: values(this.uploads),
      attachments: values(this.attachments).map(({ bytes, ...a }) => ({ ...a, storedBytes: bytes.length })),
      ticketFields: values(this.ticketFields),
      userFields: values(this.userFields),
    };
  }
}
