// createSalesforceAdapter(conn, settings, log): the adapter from the CRM connection (instance URL
// in baseUrl, access token in apiKey, apiVersion, appUrl, timeout) and the contact center's
// settings (phone format, tag field, custom fields, app URL), read at call time.
import type { Settings } from '../../../../common/protocol/index.js';
import type { Log } from '../../../engine/ports.js';
import type { CrmConnectionInput } from '../create-crm.js';
import { SalesforceAdapter } from './adapter.js';
import type { SalesforceAdapterSettings } from './options.js';

export class SalesforceNotConfigured extends Error {}

/** `extra`: Salesforce-only settings (field API names, OAuth client...) the connection input has no room for yet. */
export function createSalesforceAdapter(conn: CrmConnectionInput, settings: () => Settings, log?: Log, extra: Partial<SalesforceAdapterSettings> = {}): SalesforceAdapter {
  if (!conn.apiKey && !(extra.clientId && extra.clientSecret) && !extra.accessToken) throw new SalesforceNotConfigured('salesforce: apiKey (an OAuth access token) is not configured');
  return new SalesforceAdapter(
    {
      instanceUrl: conn.baseUrl,
      ...(conn.apiKey ? { accessToken: conn.apiKey } : {}),
      ...(conn.apiVersion ? { apiVersion: conn.apiVersion } : {}),
      ...(conn.timeoutMs ? { timeoutMs: conn.timeoutMs } : {}),
      ...extra,
    },
    { settings, appUrl: () => conn.appUrl || settings().crm.appUrl, ...(log ? { log } : {}) },
  );
}
