// Settings of the Salesforce adapter. The access token (or the connected app's secret) comes from
// the credential store (SEC-1), never from a settings file in clear text. Field names are
// Salesforce field API names; the defaults are the fields an org installs with AgentDesk.
import { z } from 'zod';
import { PHONE_FORMATS, type Settings } from '../../../../common/protocol/index.js';
import type { Log } from '../../../engine/ports.js';

const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a Salesforce field API name (e.g. AgentDesk_Session_Id__c)').max(80);
const apiVersion = z
  .string()
  .regex(/^v\d+\.\d$/, 'must look like v62.0')
  .refine((v) => Number(v.slice(1)) >= 46, 'must be v46.0 or later (upsert replies carry `created` from v46.0)');

export const salesforceAdapterSettingsSchema = z
  .object({
    /** The org's instance URL (https://<my-domain>.my.salesforce.com), without /services/data. */
    instanceUrl: z.url(),
    /** An OAuth access token (Bearer). */
    accessToken: z.string().min(1).optional(),
    /** Or a connected app's client-credentials flow: the adapter fetches (and refreshes) tokens itself. */
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    /** Default: <instanceUrl>/services/oauth2/token. */
    tokenUrl: z.url().optional(),
    apiVersion: apiVersion.default('v62.0'),
    /** Where agents open cases: recordUrl(id) = <appUrl>/lightning/r/Case/<id>/view (default: the instance URL). */
    appUrl: z.string().default(''),
    /** Overrides settings.crm.phoneFormat (how numbers are written to and looked up on Contacts). */
    phoneFormat: z.enum(PHONE_FORMATS).optional(),
    /** Case External ID field (unique) holding the session key: create = upsert on it, so a retry cannot make a second case. */
    caseExternalIdField: fieldName.default('AgentDesk_Session_Id__c'),
    /** Contact External ID field (unique) holding AgentDesk's customer key; null: plain create, looked up before a retry. */
    contactKeyField: fieldName.nullable().default('AgentDesk_Customer_Key__c'),
    /** Case fields holding AgentDesk's stamps of the leaf queue and channel a case came from (REC-1). */
    leafQueueField: fieldName.default('AgentDesk_Leaf_Queue__c'),
    /** null: the channel is read back from Origin instead. */
    channelField: fieldName.nullable().default('AgentDesk_Channel__c'),
    /** Overrides settings.crm.tagField: the Case field (text or multi-select picklist) that receives REC-8/REC-9 tags. */
    tagField: fieldName.nullable().optional(),
    /** Case.Origin by channel. */
    origins: z.object({ voice: z.string().min(1).default('Phone'), chat: z.string().min(1).default('Chat') }).default({ voice: 'Phone', chat: 'Chat' }),
    /** Log calls as Tasks (TaskSubtype Call) on the case and contact. */
    logCallsAsTasks: z.boolean().default(true),
    taskStatus: z.string().min(1).default('Completed'),
    /** Status a reopened case gets (REC-2); default: the org's default open CaseStatus. */
    reopenStatus: z.string().min(1).optional(),
    /** Status a closed case gets; default: the first closed CaseStatus by SortOrder. */
    closeStatus: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().default(10_000),
    uploadTimeoutMs: z.number().int().positive().default(60_000),
    /** Retry delay after REQUEST_LIMIT_EXCEEDED when the daily allocation is used up (no Retry-After is sent). */
    dailyLimitRetryMs: z.number().int().positive().default(15 * 60_000),
    /** Retry delay after REQUEST_LIMIT_EXCEEDED for too many concurrent requests. */
    concurrencyRetryMs: z.number().int().positive().default(5_000),
  })
  .refine((s) => s.accessToken || (s.clientId && s.clientSecret), { message: 'needs accessToken, or clientId and clientSecret', path: ['accessToken'] });

export type SalesforceAdapterSettings = z.input<typeof salesforceAdapterSettingsSchema>;
export type ResolvedSettings = z.infer<typeof salesforceAdapterSettingsSchema>;

export interface SalesforceAdapterDeps {
  fetch?: typeof fetch;
  log?: Log;
  /** The contact center's settings (crm.phoneFormat, crm.tagField, crm.appUrl, customFields). */
  settings?: () => Settings;
  /** The agent app URL when known only later; wins over settings.appUrl when non-empty. */
  appUrl?: () => string;
}
