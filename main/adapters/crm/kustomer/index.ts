// Kustomer CRM adapter (CrmPort), see adapter.ts.
export { KustomerAdapter } from './adapter.js';
export { kustomerAdapterSettingsSchema, type KustomerAdapterSettings, type KustomerAdapterDeps } from './options.js';
export { STAMP_CHANNEL, STAMP_LEAF_QUEUE, kustomerTags, toCustom } from './mapping.js';
export type { RateLimitInfo } from './rate-limit.js';
