// The Freshdesk API v2 emulator (see README.md).
export { startFreshdesk, basicAuth, type FreshdeskEmulator, type FreshdeskOptions } from './emulator.js';
export { seedSchema, DEFAULT_API_KEY, DEFAULT_AGENTS, type FreshdeskSeed } from './seed.js';
export { FreshdeskStore } from './store.js';
export type * from './store.js';
export { parseQuery, QueryError } from './search-query.js';
export { htmlToText } from './html.js';
export { DEFAULT_LIMITS, type EndpointLimits } from './limits.js';
export { OPEN, PENDING, RESOLVED, CLOSED } from './statuses.js';
