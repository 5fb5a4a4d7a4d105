// Salesforce CRM adapter (CrmPort), see adapter.ts.
export { SalesforceAdapter } from './adapter.js';
export { createSalesforceAdapter, SalesforceNotConfigured } from './factory.js';
export { salesforceAdapterSettingsSchema, type SalesforceAdapterSettings, type SalesforceAdapterDeps } from './options.js';
export { lookupVariants, storedPhone, type PhoneFormat } from './phone.js';
export { mergeTags, toSummary, splitName } from './mapping.js';
export { readApiUsage, requestLimitDelay, type ApiUsage } from './rate-limit.js';
export { soqlString } from './soql.js';
export { hasMarker, withMarker } from './markers.js';
