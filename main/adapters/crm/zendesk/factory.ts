// createZendeskAdapter(conn, settings, log): the Zendesk adapter from the local connection
// (base URL, credentials; conn.email + conn.apiKey = API token auth, conn.apiKey alone = OAuth
// access token) and the contact center's settings (crm.appUrl for pop links, crm.phoneFormat),
// read at each call so a settings change applies without a restart.
import type { Settings } from '../../../../common/protocol/index.js';
import type { Log } from '../../../engine/ports.js';
import { CrmUnavailable, type CrmConnectionInput } from '../create-crm.js';
import { ZendeskAdapter } from './adapter.js';
import type { ZendeskAdapterSettings } from './options.js';

export function createZendeskAdapter(
  conn: CrmConnectionInput,
  settings: () => Settings,
  log?: Log,
  extra: Partial<Pick<ZendeskAdapterSettings, 'stamps' | 'uploadTimeoutMs' | 'fieldCacheTtlMs' | 'ticketUpdateLimit'>> = {},
): ZendeskAdapter {
  if (!conn.apiKey) throw new CrmUnavailable('zendesk: apiKey (API token or OAuth access token) is not configured');
  const auth = conn.email ? { email: conn.email, apiToken: conn.apiKey } : { oauthToken: conn.apiKey };
  return new ZendeskAdapter(
    { baseUrl: conn.baseUrl, auth, appUrl: conn.appUrl ?? '', ...(conn.timeoutMs ? { timeoutMs: conn.timeoutMs } : {}), ...extra },
    { appUrl: () => conn.appUrl || settings().crm.appUrl, phoneFormat: () => settings().crm.phoneFormat, ...(log ? { log } : {}) },
  );
}
