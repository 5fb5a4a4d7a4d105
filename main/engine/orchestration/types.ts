// The orchestration engine's state and its output: CRM intents. Intents are plain JSON, so the
// outbox can persist them before the first attempt (REL-1).
import type { CountryCode } from 'libphonenumber-js';
import type { Agent, ChatMessage, CrmKind, Session, Settings } from '../../../common/protocol/index.js';
import type { NewRecord, RecordPatch } from '../crm-port.js';
import type { CustomerPlan } from './customer-plan.js';
import type { TargetPolicy } from './append-target.js';

export interface RecordLink {
  recordId: string;
  customerId: string | null;
  url: string;
}

export type SessionPhase = 'offered' | 'connected' | 'ended' | 'abandoned' | 'gone';

export interface SessionTrack {
  /** Record key: the session id (voicemails use `vm:<id>`). */
  key: string;
  session: Session | null;
  phase: SessionPhase;
  consumerMessages: number;
  /** Chat messages, for the transcript at chat end (KUS-9). */
  transcript: (ChatMessage & { at: string })[];
  /** none: no record yet; requested: an openRecord intent is in the outbox; linked: known record. */
  record: 'none' | 'requested' | 'linked';
  link: RecordLink | null;
  updatedAt: string;
}

export interface EngineState {
  me: Agent | null;
  settings: Settings;
  sessions: Record<string, SessionTrack>;
}

/** A record as the rules decide it; the outbox adds the customer and the idempotency key. */
export type RecordDraft = Omit<NewRecord, 'externalId' | 'customerId' | 'followUpOf'>;

export type FileSource = { kind: 'text'; text: string } | { kind: 'url'; url: string };

export type Intent =
  | {
      kind: 'openRecord';
      key: string;
      customer: CustomerPlan;
      target: TargetPolicy;
      record: RecordDraft;
      /** Details note (KUS-3, KUS-8): text for a new record, and for a session added to an existing one. */
      note: { created: string; appended: string } | null;
      /** KUS-7: assign a customer we created to the agent. */
      assignCustomer: boolean;
      /** Send record.linked back to the contact center. */
      sessionId: string | null;
    }
  | { kind: 'updateRecord'; key: string; patch: RecordPatch; reason: string }
  | { kind: 'addNote'; key: string; noteKey: string; body: string }
  | { kind: 'attachFile'; key: string; fileKey: string; name: string; contentType: string; source: FileSource; caption: string }
  | { kind: 'bindRecord'; key: string; link: RecordLink }
  /** record.linked back to the contact center; its own key, so a contact-center outage never holds up CRM writes. */
  | { kind: 'linkRecord'; key: string; sessionId: string; crm: CrmKind; link: RecordLink };

export interface DecideContext {
  crmKind: CrmKind;
  defaultCountry: CountryCode;
  now: Date;
}

export interface Decision {
  /** The whole next state (built on first read: `me`, `settings` and `changed` are what the engine applies). */
  readonly state: EngineState;
  me: EngineState['me'];
  settings: EngineState['settings'];
  /** The session tracks this decision created or changed, by key. */
  changed: Record<string, SessionTrack>;
  intents: Intent[];
  /** Why nothing (or something) happened: one line per rule applied, for the JSON log. */
  trace: string[];
}
