// The Salesforce REST API emulator (see README.md).
export { startSalesforce, DEFAULT_CUSTOM_FIELDS, DEFAULT_VERSIONS, type SalesforceEmulator, type SalesforceOptions } from './emulator.js';
export { seedSchema, DEFAULT_ACCESS_TOKEN, DEFAULT_CLIENT, DEFAULT_CASE_STATUSES, SALESFORCE_USER_IDS, type SalesforceSeed } from './seed.js';
export { SalesforceStore, type CaseStatusRow } from './store.js';
export { makeId, isSalesforceId, canonicalId, idSuffix, to18 } from './ids.js';
export { parseSoql } from './soql/parser.js';
export type { SObjectRecord } from './schema/types.js';
