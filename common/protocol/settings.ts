// Admin settings pushed by the contact center (PROTOCOL.md "settings").
import { z } from 'zod';

export const CRM_KINDS = ['kustomer', 'zendesk', 'freshdesk', 'salesforce'] as const;
export const crmKindSchema = z.enum(CRM_KINDS);
export type CrmKind = z.infer<typeof crmKindSchema>;

export const recordCreationSchema = z.object({
  /** REC-1 */
  appendToOpenRecordSameLeafQueue: z.boolean().default(true),
  /** REC-2: 0 or null = off */
  appendToClosedWithinDays: z.number().int().min(0).max(365).nullable().default(null),
  /** REC-3 */
  createCallRecordOnConnect: z.boolean().default(false),
  /** REC-4: 0 = off */
  chatMinConsumerMessages: z.number().int().min(0).max(100).default(0),
  /** REC-5 */
  abandonedCalls: z.boolean().default(false),
  /** REC-6 */
  abandonedChats: z.enum(['off', 'all', 'minMessages']).default('off'),
  abandonedChatsMinMessages: z.number().int().min(1).max(100).default(1),
  /** REC-7 */
  subjectTemplate: z.string().max(1000).default('{CALL_TYPE} {CALL_ID} - {MENU_PATH}'),
  /** REC-8 */
  sessionTypeTag: z.boolean().default(true),
  /** REC-9: empty string or null = off */
  platformTag: z.string().max(64).nullable().default('AgentDesk'),
});
export type RecordCreationSettings = z.infer<typeof recordCreationSchema>;

export const STANDARD_RECORD_FIELDS = [
  'queueName',
  'sessionType',
  'sessionId',
  'outboundPhoneNumber',
  'callDuration',
  'waitTime',
  'holdTime',
  'csatRating',
  'csatComment',
  'menuSelection',
  'inWebEmail',
] as const;
export type StandardRecordField = (typeof STANDARD_RECORD_FIELDS)[number];
export const STANDARD_CUSTOMER_FIELDS = ['customUserId'] as const;
export type StandardCustomerField = (typeof STANDARD_CUSTOMER_FIELDS)[number];

const fieldName = z.string().max(128);

export const customFieldsSchema = z.object({
  customer: z.partialRecord(z.enum(STANDARD_CUSTOMER_FIELDS), fieldName).default({}),
  record: z.partialRecord(z.enum(STANDARD_RECORD_FIELDS), fieldName).default({}),
});
export type CustomFieldsSettings = z.infer<typeof customFieldsSchema>;

export const PHONE_FORMATS = ['e164', 'national', 'as_dialled'] as const;

export const crmSettingsSchema = z.object({
  kind: crmKindSchema.default('kustomer'),
  baseUrl: z.string().default('https://api.kustomerapp.com'),
  appUrl: z.string().default(''),
  /** Extension: how phone numbers are written to and looked up in the CRM (E.164 by default). */
  phoneFormat: z.enum(PHONE_FORMATS).default('e164'),
  /** Extension: for CRMs without tags (Salesforce), the field that receives the REC-8/REC-9 tags. */
  tagField: z.string().max(128).nullable().default(null),
});

export const statusSyncSchema = z.object({
  enabled: z.boolean().default(false),
  direction: z.enum(['one-way', 'two-way']).default('one-way'),
  priority: z.enum(['latest', 'crm-overrides']).default('latest'),
  applyAtLogin: z.boolean().default(false),
  /** Kustomer status name -> contact-center status id (SYNC-1, many-to-one). */
  mapping: z.record(z.string(), z.string()).default({}),
  /** Contact-center status id -> Kustomer status name (SYNC-3). */
  reverse: z.record(z.string(), z.string()).default({}),
});
export type StatusSyncSettings = z.infer<typeof statusSyncSchema>;

export const settingsSchema = z.object({
  recordCreation: recordCreationSchema.default(recordCreationSchema.parse({})),
  crm: crmSettingsSchema.default(crmSettingsSchema.parse({})),
  customFields: customFieldsSchema.default(customFieldsSchema.parse({})),
  /** SDK customData key -> CRM field (KUS-4). */
  customDataMapping: z.record(z.string(), fieldName).default({}),
  statusSync: statusSyncSchema.default(statusSyncSchema.parse({})),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
