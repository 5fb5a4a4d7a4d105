// Picks the CRM adapter for a kind. Connection details (base URL, credentials) come from local
// configuration (or the credential store in the desktop); the agent-app URL for pop links may
// come from the contact center's settings.
import type { CrmKind, Settings } from '../../../common/protocol/index.js';
import type { CrmPort } from '../../engine/crm-port.js';
import type { Log } from '../../engine/ports.js';
import { KustomerAdapter } from './kustomer/index.js';
import { createFreshdeskAdapter } from './freshdesk/factory.js';
import { createZendeskAdapter } from './zendesk/index.js';
import { createSalesforceAdapter } from './salesforce/index.js';

export interface CrmConnectionInput {
  baseUrl: string;
  apiKey?: string | undefined;
  appUrl?: string | undefined;
  email?: string | undefined;
  apiVersion?: string | undefined;
  timeoutMs?: number | undefined;
  /**
   * Vendor-specific options from local configuration (field names, stamps, OAuth client...),
   * validated by the adapter's own settings schema when it is created.
   */
  options?: Record<string, unknown> | undefined;
}

export class CrmUnavailable extends Error {}

export function createCrm(kind: CrmKind, conn: CrmConnectionInput, settings: () => Settings, log?: Log): CrmPort {
  const need = (what: string, v: string | undefined): string => {
    if (!v) throw new CrmUnavailable(`${kind}: ${what} is not configured`);
    return v;
  };
  switch (kind) {
    case 'kustomer':
      return new KustomerAdapter(
        { baseUrl: conn.baseUrl, apiKey: need('apiKey', conn.apiKey), appUrl: conn.appUrl ?? '', ...(conn.timeoutMs ? { timeoutMs: conn.timeoutMs } : {}) },
        { appUrl: () => conn.appUrl || settings().crm.appUrl, ...(log ? { log } : {}) },
      );
    case 'zendesk':
      need('apiKey', conn.apiKey);
      return createZendeskAdapter(conn, settings, log, conn.options ?? {});
    case 'freshdesk':
      need('apiKey', conn.apiKey);
      return createFreshdeskAdapter(conn, settings, log, conn.options ?? {});
    case 'salesforce':
      return createSalesforceAdapter(conn, settings, log, conn.options ?? {});
  }
}
