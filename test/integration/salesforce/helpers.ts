// Shared set-up of the Salesforce integration tests: an emulator with agents whose User ids the
// tests know, a small REST helper, an adapter pointed at the emulator, and record builders.
import { makeId, startSalesforce, type SalesforceEmulator, type SalesforceOptions } from '../../../emulators/salesforce/index.js';
import { SalesforceAdapter, type SalesforceAdapterDeps, type SalesforceAdapterSettings } from '../../../main/adapters/crm/salesforce/index.js';
import type { NewRecord } from '../../../main/engine/crm-port.js';
import { settingsSchema, type Settings, type SettingsInput } from '../../../common/protocol/index.js';
import { emulatorRequest, type Res } from '../../support/emulator-request.js';

export const AGENT_A = makeId('005', 501);
export const AGENT_B = makeId('005', 502);
export const INACTIVE = makeId('005', 503);
export const TOKEN = 'test-salesforce-token';
export const V = 'v62.0';
export const APP_URL = 'https://acme.lightning.force.com';

export function start(opts: SalesforceOptions = {}): Promise<SalesforceEmulator> {
  return startSalesforce({
    ...opts,
    seed: {
      org: { name: 'Acme' },
      accessTokens: [TOKEN],
      users: [
        { id: AGENT_A, email: 'alice@acme.example', firstName: 'Alice', lastName: 'Agent', password: 'alice-pw' },
        { id: AGENT_B, email: 'bob@acme.example', firstName: 'Bob', lastName: 'Agent' },
        { id: INACTIVE, email: 'gone@acme.example', lastName: 'Gone', isActive: false },
      ],
      ...opts.seed,
    },
  });
}

/** A REST call; `path` under /services/data/v62.0 unless it starts with /services/. */
export type { Res };

export function api(e: SalesforceEmulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const url = e.url + (path.startsWith('/services/') ? path : `/services/data/${V}${path}`);
  return emulatorRequest(url, `Bearer ${TOKEN}`, method, body, headers);
}

export const soql = (e: SalesforceEmulator, q: string) => api(e, 'GET', `/query?q=${encodeURIComponent(q)}`);

export function appSettings(over: SettingsInput = {}): Settings {
  return settingsSchema.parse({
    ...over,
    crm: { kind: 'salesforce', baseUrl: 'https://acme.my.salesforce.com', tagField: 'AgentDesk_Tags__c', ...(over.crm ?? {}) },
  });
}

export function adapterFor(e: SalesforceEmulator, settings: Partial<SalesforceAdapterSettings> = {}, deps: SalesforceAdapterDeps = {}, app: Settings = appSettings()): SalesforceAdapter {
  return new SalesforceAdapter({ instanceUrl: e.url, accessToken: TOKEN, appUrl: APP_URL, apiVersion: V, timeoutMs: 5_000, ...settings }, { settings: () => app, ...deps });
}

export const newCaller = { phoneE164: '+14155550100', phoneRaw: '(415) 555-0100', identifier: null, email: null, name: 'Carol Caller' };

export function voiceRecord(customerId: string, externalId: string, extra: Partial<NewRecord> = {}): NewRecord {
  return {
    externalId,
    customerId,
    subject: 'Incoming call S-1 - Support > Billing',
    channel: 'voice',
    sessionType: 'voice_inbound_ivr',
    direction: 'in',
    tags: ['Voice Inbound (IVR)', 'AgentDesk'],
    fields: {},
    leafQueueId: 'q-billing',
    assigneeUserId: AGENT_A,
    startedAt: '2026-11-21T09:00:00.000Z',
    ...extra,
  };
}

/** Request log lines "METHOD /path" (path under the API version, decoded). */
export function sent(e: SalesforceEmulator): string[] {
  return e.requests().map((r) => `${r.method} ${decodeURIComponent(r.path).replace(`/services/data/${V}`, '')}`);
}

/** The subrequests of the composite request at log index `n` as "METHOD url" lines. */
export function subrequests(e: SalesforceEmulator, n = -1): string[] {
  const entry = e.requests().at(n);
  const body = entry?.json as { compositeRequest?: Array<{ method: string; url: string }> } | undefined;
  return (body?.compositeRequest ?? []).map((s) => `${s.method} ${decodeURIComponent(s.url).replace(`/services/data/${V}`, '')}`);
}
