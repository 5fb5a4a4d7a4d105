// A CRM emulator started for AgentDesk's default directory, with everything the engine needs to
// talk to it and a CRM-neutral view of what it holds. The rule matrix, the record-pop benchmark
// and the demo use these, so the same sessions can run against every CRM.
import type { CrmKind, SettingsInput } from '../../common/protocol/index.js';
import type { EmulatorHandle, FaultSpec } from '../http-kit/index.js';

/** Connection details in the shape of the engine's CRM connection (main/adapters/crm/create-crm.ts). */
export interface TargetConnection {
  baseUrl: string;
  apiKey?: string;
  email?: string;
  apiVersion?: string;
  appUrl?: string;
  options?: Record<string, unknown>;
}

/** A record as every CRM can show it. */
export interface NeutralRecord {
  id: string;
  /** The session key AgentDesk wrote (external id / custom field). */
  key: string | null;
  subject: string;
  open: boolean;
  assignee: string | null;
  customerId: string | null;
  /** Tags (REC-8/REC-9); for Salesforce, the values of the tag field. AgentDesk's own stamps are left out. */
  tags: string[];
  notes: string[];
  files: string[];
  /** Custom field values by the name the admin maps (see `settings`). */
  fields: Record<string, unknown>;
}

export interface CrmTarget {
  kind: CrmKind;
  url: string;
  connection: TargetConnection;
  /** The CRM user id of a contact-center agent (same e-mail on both sides). */
  userIdFor(email: string): string | null;
  /** Settings an admin of this CRM would push: the CRM kind, field names valid here, the tag field. */
  settings: SettingsInput;
  /** The CRM field names `settings` maps the standard fields and SDK data to. */
  fieldNames: { queueName: string; callDuration: string; csatRating: string; orderId: string };
  /** The request that creates a new caller's record (for faults aimed at it; `skip` passes earlier look-ups). */
  createRequest: { method: string; path: string; skip?: number };
  fault(spec: FaultSpec | FaultSpec[]): void;
  /** How many injected faults have fired. */
  faultsFired(): number;
  requestCount(): number;
  /** One cheap authenticated request (a benchmark baseline). */
  ping(): Promise<void>;
  /** The request after which a session's record exists (create, or the update that appends). */
  isRecordWrite(method: string, path: string, body: string | null): boolean;
  records(): NeutralRecord[];
  customerCount(): number;
  /** Close a record the way an agent would in the CRM (for REC-2 tests). */
  closeRecord(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface TargetOptions {
  /** 0 (default): a random free port. */
  port?: number;
  /**
   * Lift the vendor's rate limits (for benchmarks that measure AgentDesk, not the plan's quota).
   * Tests and the demo keep the faithful limits.
   */
  unlimited?: boolean;
}

export async function check(res: Response, what: string): Promise<void> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  await res.arrayBuffer().catch(() => undefined);
}

export type FieldNames = CrmTarget['fieldNames'];

/**
 * What every target fills the same way: the emulator's address, faults and counters, closing it,
 * and the admin settings that map the standard fields and SDK data to this CRM's field names.
 */
export function targetBasics(
  emu: EmulatorHandle,
  crm: SettingsInput['crm'],
  fieldNames: FieldNames,
): Pick<CrmTarget, 'url' | 'settings' | 'fieldNames' | 'fault' | 'faultsFired' | 'requestCount' | 'close'> {
  return {
    url: emu.url,
    settings: {
      crm,
      customFields: { customer: {}, record: { queueName: fieldNames.queueName, callDuration: fieldNames.callDuration, csatRating: fieldNames.csatRating } },
      customDataMapping: { orderId: fieldNames.orderId },
    },
    fieldNames,
    fault: (spec) => void emu.fault(spec),
    faultsFired: () => emu.faults.list().reduce((n, x) => n + x.fired, 0),
    requestCount: () => emu.requests().length,
    close: () => emu.close(),
  };
}
