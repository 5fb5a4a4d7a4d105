// The Zendesk Support API emulator (see README.md).
export { startZendesk, type ZendeskEmulator, type ZendeskOptions } from './emulator.js';
export { seedSchema, DEFAULT_API_TOKEN, DEFAULT_OAUTH_TOKEN, DEFAULT_ADMIN, type ZendeskSeed } from './seed.js';
export type * from './store.js';
export { ZendeskStore, SYSTEM_USER_ID } from './store.js';
export { IDEMPOTENCY_TTL_MS } from './idempotency.js';
export { UPLOAD_TTL_MS } from './routes/uploads.js';
export { phoneMatches } from './phone.js';
