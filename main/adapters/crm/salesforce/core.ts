// What the Salesforce adapter's parts share: settings (the adapter's, and the contact center's
// crm.phoneFormat / crm.tagField / customFields read at call time), the API client, the CaseStatus
// cache, the log, and the handling of the admin's field names: a field the org does not have, or
// a value it refuses, is dropped (and logged) and the write sent again, so one bad mapping never
// loses a record (REL-1); AgentDesk's own fields (External IDs, stamps) are never dropped.
import type { Settings } from '../../../../common/protocol/index.js';
import { CrmError, type FieldMap, type FieldValue } from '../../../engine/crm-port.js';
import { silentLog, type Log } from '../../../engine/ports.js';
import { SalesforceApi } from './api.js';
import { CaseStatuses } from './case-status.js';
import { isMappableField, isUserId, toSalesforceFields } from './mapping.js';
import { salesforceAdapterSettingsSchema, type ResolvedSettings, type SalesforceAdapterDeps, type SalesforceAdapterSettings } from './options.js';
import type { PhoneFormat } from './phone.js';
import { fieldsNamedIn } from './replies.js';

const MAX_FIELD_RETRIES = 5;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export class SalesforceCore {
  readonly s: ResolvedSettings;
  readonly api: SalesforceApi;
  readonly statuses: CaseStatuses;
  readonly log: Log;
  /** Field names the org answered "No such column" for: left out of later queries and writes. */
  readonly missingFields = new Set<string>();
  private readonly settingsOf: () => Settings | null;
  readonly appUrlOf: () => string;

  constructor(settings: SalesforceAdapterSettings, deps: SalesforceAdapterDeps) {
    this.s = salesforceAdapterSettingsSchema.parse(settings);
    this.api = new SalesforceApi(this.s, deps.fetch);
    this.statuses = new CaseStatuses(this.api, { reopenStatus: this.s.reopenStatus, closeStatus: this.s.closeStatus });
    this.log = deps.log ?? silentLog;
    this.settingsOf = () => deps.settings?.() ?? null;
    this.appUrlOf = () => (deps.appUrl?.() || this.s.appUrl || this.settingsOf()?.crm.appUrl || this.s.instanceUrl).replace(/\/+$/, '');
  }

  phoneFormat(): PhoneFormat {
    return this.s.phoneFormat ?? this.settingsOf()?.crm.phoneFormat ?? 'e164';
  }

  /** REC-8/REC-9: the Case field the admin chose for tags (null: tags are not written). */
  tagField(): string | null {
    const f = this.s.tagField !== undefined ? this.s.tagField : (this.settingsOf()?.crm.tagField ?? null);
    return f && API_NAME.test(f) && !this.missingFields.has(f.toLowerCase()) ? f : null;
  }

  /** The Contact field holding the SDK user id (KUS-2 customUserId), when mapped and present. */
  userIdField(): string | null {
    const f = this.settingsOf()?.customFields.customer.customUserId ?? null;
    return f && isMappableField(f, 'Contact') && !this.missingFields.has(f.toLowerCase()) ? f : null;
  }

  /** `{OwnerId}` for an agent's User id, or {} (an id that cannot be a User id is logged and left out: the org's rules assign). */
  owner(userId: string | null | undefined, on: string): Record<string, FieldValue> {
    if (!userId) return {};
    if (isUserId(userId)) return { OwnerId: userId };
    this.log.warn('salesforce.owner_ignored', { on, userId, reason: 'not a Salesforce User id (005...): check the agent\'s crmUserId' });
    return {};
  }

  /** The Case field the admin maps call duration to (for the call Task's duration at call end). */
  callDurationField(): string | null {
    return this.settingsOf()?.customFields.record.callDuration ?? null;
  }

  /** The admin's fields, as Salesforce fields, without names that cannot be fields or that AgentDesk owns. */
  fields(fields: FieldMap, owned: ReadonlySet<string>, on: 'Case' | 'Contact'): Record<string, FieldValue> {
    const { fields: out, dropped } = toSalesforceFields(fields, owned, on);
    for (const reason of dropped) this.log.warn('salesforce.field_dropped', { on, reason });
    for (const k of Object.keys(out)) if (this.missingFields.has(k.toLowerCase())) delete out[k];
    return out;
  }

  /**
   * Runs `attempt`; when Salesforce refuses a write naming fields from `droppable` (the admin's
   * mappings, the tag field, the owner), drops them, logs why, and tries again. `attempt` must read
   * the maps afresh.
   */
  async withFieldFallback<T>(droppable: Array<Record<string, FieldValue>>, on: string, attempt: () => Promise<T>, typed: Array<Record<string, FieldValue>> = droppable.slice(0, 1)): Promise<T> {
    let wholesale = false;
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (e) {
        if (!(e instanceof CrmError) || e.kind !== 'invalid' || n >= MAX_FIELD_RETRIES) throw e;
        const named = fieldsNamedIn(e.message).map((f) => f.toLowerCase());
        // Salesforce's JSON_PARSER_ERROR (a value of the wrong type) may name no field: then the `typed` maps (the admin's values) go, once.
        const all: boolean = named.length === 0 && e.message.includes('JSON_PARSER_ERROR') && !wholesale;
        wholesale ||= all;
        let dropped = false;
        for (const map of all ? typed : droppable) {
          for (const key of Object.keys(map)) {
            if (!all && !named.includes(key.toLowerCase())) continue;
            delete map[key];
            dropped = true;
            if (e.message.includes(`No such column '${key}'`)) this.missingFields.add(key.toLowerCase());
            this.log.warn('salesforce.field_dropped', { on, field: key, reason: e.message });
          }
        }
        if (!dropped) throw e;
      }
    }
  }
}
