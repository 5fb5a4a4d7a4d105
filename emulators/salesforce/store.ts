// The emulator's org in memory: sObject records by object and id, file bodies, the CaseStatus
// picklist, OAuth clients and issued tokens. Tests read it through `emulator.store`.
import type { Clock } from '../http-kit/index.js';
import { canonicalId, type IdGenerator } from './ids.js';
import type { ObjectDef, SObjectRecord } from './schema/types.js';
import { formatDateTime } from './schema/values.js';

export interface CaseStatusRow {
  Id: string;
  ApiName: string;
  MasterLabel: string;
  IsClosed: boolean;
  IsDefault: boolean;
  SortOrder: number;
}

export interface TokenRec {
  token: string;
  userId: string;
  /** Epoch ms after which the session is invalid (null = never). */
  expiresAt: number | null;
  revoked: boolean;
}

export interface OAuthClientRec {
  clientId: string;
  clientSecret: string;
  /** The user the client-credentials flow runs as. */
  runAsUserId: string;
}

export interface PasswordLogin {
  username: string;
  password: string;
  userId: string;
}

export class SalesforceStore {
  org = { id: '', name: '' };
  readonly records = new Map<string, Map<string, SObjectRecord>>();
  /** ContentVersion id -> the file's bytes. */
  readonly blobs = new Map<string, Uint8Array>();
  readonly tokens = new Map<string, TokenRec>();
  readonly oauthClients = new Map<string, OAuthClientRec>();
  readonly logins = new Map<string, PasswordLogin>();
  /** The user a seeded static token or an unauthenticated helper acts as. */
  integrationUserId = '';
  nextCaseNumber = 1000;

  constructor(
    readonly schema: Map<string, ObjectDef>,
    readonly ids: IdGenerator,
    readonly clock: Clock,
  ) {
    for (const def of schema.values()) this.records.set(def.name, new Map());
  }

  now(): string {
    return formatDateTime(this.clock.now());
  }

  describe(object: string): ObjectDef | null {
    return this.schema.get(object.toLowerCase()) ?? null;
  }

  table(object: string): Map<string, SObjectRecord> {
    const def = this.describe(object);
    const t = def ? this.records.get(def.name) : undefined;
    if (!t) throw new Error(`no table for ${object}`);
    return t;
  }

  list(object: string): SObjectRecord[] {
    return [...this.table(object).values()];
  }

  get(object: string, id: string): SObjectRecord | null {
    const canonical = canonicalId(id);
    return canonical ? (this.table(object).get(canonical) ?? null) : null;
  }

  /** The object an id belongs to (by key prefix) and its record, if it exists. */
  byId(id: string): { def: ObjectDef; record: SObjectRecord | null } | null {
    const canonical = canonicalId(id);
    if (!canonical) return null;
    const def = [...this.schema.values()].find((d) => d.keyPrefix === canonical.slice(0, 3));
    if (!def) return null;
    return { def, record: this.records.get(def.name)?.get(canonical) ?? null };
  }

  caseStatuses(): CaseStatusRow[] {
    return (this.list('CaseStatus') as unknown as CaseStatusRow[]).slice().sort((a, b) => a.SortOrder - b.SortOrder);
  }

  caseStatus(apiName: string): CaseStatusRow | null {
    return this.caseStatuses().find((s) => s.ApiName === apiName) ?? null;
  }

  defaultCaseStatus(): CaseStatusRow | null {
    const rows = this.caseStatuses();
    return rows.find((s) => s.IsDefault) ?? rows.find((s) => !s.IsClosed) ?? null;
  }

  /** Cases of a contact, newest first (handy in tests). */
  casesOf(contactId: string): SObjectRecord[] {
    const id = canonicalId(contactId);
    return this.list('Case')
      .filter((c) => c.ContactId === id)
      .sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)) || b.Id.localeCompare(a.Id));
  }

  /** Records of `object` whose `field` equals `value` (case-insensitive, as External IDs match). */
  where(object: string, field: string, value: unknown): SObjectRecord[] {
    const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
    return this.list(object).filter((r) => norm(r[field]) === norm(value));
  }

  /** A copy of every table and blob, to roll an allOrNone composite request back to. */
  checkpoint(): { records: Map<string, Map<string, SObjectRecord>>; blobs: Map<string, Uint8Array>; nextCaseNumber: number } {
    const records = new Map([...this.records].map(([k, t]) => [k, new Map([...t].map(([id, r]) => [id, structuredClone(r)]))]));
    return { records, blobs: new Map(this.blobs), nextCaseNumber: this.nextCaseNumber };
  }

  rollback(cp: ReturnType<SalesforceStore['checkpoint']>): void {
    this.records.clear();
    for (const [k, t] of cp.records) this.records.set(k, t);
    this.blobs.clear();
    for (const [k, v] of cp.blobs) this.blobs.set(k, v);
    this.nextCaseNumber = cp.nextCaseNumber;
  }

  /** A JSON dump for GET /__emulator/state (file bodies summarised, tokens masked). */
  snapshot() {
    return {
      org: this.org,
      objects: Object.fromEntries([...this.records].map(([k, t]) => [k, [...t.values()]])),
      files: Object.fromEntries([...this.blobs].map(([id, b]) => [id, { bytes: b.byteLength }])),
      tokens: [...this.tokens.values()].map((t) => ({ ...t, token: `***${t.token.slice(-4)}` })),
    };
  }
}
