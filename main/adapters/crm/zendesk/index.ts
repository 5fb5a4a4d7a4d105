// Zendesk Support CRM adapter (CrmPort), see adapter.ts.
export { ZendeskAdapter } from './adapter.js';
export { createZendeskAdapter } from './factory.js';
export { zendeskAdapterSettingsSchema, type ZendeskAdapterSettings, type ZendeskAdapterDeps, type PhoneFormat } from './options.js';
export { CHANNEL_TAG_PREFIX, QUEUE_TAG_PREFIX, decodeTagValue, encodeTagValue, readStamps, stampTags } from './stamps.js';
export { toSummary, zendeskTags, describeZendeskError, idempotencyKey, NOTE_KEY } from './mapping.js';
export { phoneSearchTerm, phoneToWrite, pickCaller } from './phone.js';
export { TicketRateLimited, TicketUpdateGuard, type RateLimitInfo } from './rate-limit.js';
export { coerce as coerceFieldValue, FieldCatalog } from './fields.js';
export { ZendeskAdmin, userFieldKey, type ZendeskAdminSettings } from './admin.js';
