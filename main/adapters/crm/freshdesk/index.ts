// Freshdesk CRM adapter (CrmPort), see adapter.ts.
export { FreshdeskAdapter } from './adapter.js';
export { createFreshdeskAdapter, FreshdeskNotConfigured } from './factory.js';
export { freshdeskAdapterSettingsSchema, DEFAULT_STAMP_FIELDS, type FreshdeskAdapterSettings, type FreshdeskAdapterDeps, type PhoneFormat } from './options.js';
export { freshdeskTags, toSummary, closedAtOf, noteRef, SOURCE } from './mapping.js';
export { phoneIn } from './phone.js';
export { toCustomFields, type FieldDef } from './fields.js';
export type { RateLimitInfo } from './rate-limit.js';
