// createFreshdeskAdapter(): the adapter wired to AgentDesk's settings, for create-crm.ts.
// Connection details (base URL, API key) come from local configuration / the credential store;
// the admin's choices are read live from the contact center's settings: crm.phoneFormat,
// crm.appUrl (pop links) and REC-2's window (whether ticket stats are worth their API credits).
// Freshdesk-only options (stamp field names, custom statuses that mean closed, ...) may be
// given as `overrides` from local configuration; their defaults are in options.ts.
import type { Settings } from '../../../../common/protocol/index.js';
import type { Log } from '../../../engine/ports.js';
import type { CrmConnectionInput } from '../create-crm.js';
import { FreshdeskAdapter } from './adapter.js';
import type { FreshdeskAdapterDeps, FreshdeskAdapterSettings } from './options.js';

export class FreshdeskNotConfigured extends Error {}

export function createFreshdeskAdapter(
  conn: CrmConnectionInput,
  settings: () => Settings,
  log?: Log,
  overrides: Partial<Omit<FreshdeskAdapterSettings, 'baseUrl' | 'apiKey'>> = {},
  deps: Pick<FreshdeskAdapterDeps, 'fetch' | 'now'> = {},
): FreshdeskAdapter {
  if (!conn.apiKey) throw new FreshdeskNotConfigured('freshdesk: apiKey is not configured');
  return new FreshdeskAdapter(
    { ...overrides, baseUrl: conn.baseUrl, apiKey: conn.apiKey, appUrl: conn.appUrl ?? '', ...(conn.timeoutMs ? { timeoutMs: conn.timeoutMs } : {}) },
    {
      ...deps,
      appUrl: () => conn.appUrl || settings().crm.appUrl,
      phoneFormat: () => settings().crm.phoneFormat,
      reopenWindowDays: () => settings().recordCreation.appendToClosedWithinDays,
      ...(log ? { log } : {}),
    },
  );
}
