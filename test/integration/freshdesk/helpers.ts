// Shared set-up of the Freshdesk integration tests: an emulator with agents whose ids the tests
// know and the custom fields AgentDesk stamps, a small fetch helper, and an adapter pointed at
// the emulator.
import { startFreshdesk, basicAuth, type FreshdeskEmulator, type FreshdeskOptions, type FreshdeskSeed } from '../../../emulators/freshdesk/index.js';
import { FreshdeskAdapter, type FreshdeskAdapterDeps, type FreshdeskAdapterSettings } from '../../../main/adapters/crm/freshdesk/index.js';
import type { NewRecord } from '../../../main/engine/crm-port.js';
import { emulatorRequest, type Res } from '../../support/emulator-request.js';

export const AGENT_A = 1001;
export const AGENT_B = 1002;
export const AGENT_PLAIN = 1003; // not an admin
export const API_KEY = 'test-freshdesk-key';
export const PLAIN_KEY = 'test-agent-key';
export const APP_URL = 'https://acme.freshdesk.com';

export const TICKET_FIELDS: NonNullable<FreshdeskSeed['ticketFields']> = [
  { name: 'cf_agentdesk_session', label: 'AgentDesk session', type: 'custom_text' },
  { name: 'cf_agentdesk_leaf_queue', label: 'AgentDesk leaf queue', type: 'custom_text' },
  { name: 'cf_agentdesk_channel', label: 'AgentDesk channel', type: 'custom_dropdown', choices: ['voice', 'chat'] },
  { name: 'cf_queue_name', label: 'Queue name', type: 'custom_text' },
  { name: 'cf_call_duration', label: 'Call duration', type: 'custom_number' },
  { name: 'cf_vip', label: 'VIP', type: 'custom_checkbox' },
  { name: 'cf_callback_on', label: 'Callback on', type: 'custom_date' },
  { name: 'cf_tier', label: 'Tier', type: 'custom_dropdown', choices: ['Gold', 'Silver'] },
  { name: 'cf_notes', label: 'Notes', type: 'custom_paragraph' },
];

export function start(opts: FreshdeskOptions = {}): Promise<FreshdeskEmulator> {
  return startFreshdesk({
    ...opts,
    seed: {
      account: { name: 'Acme', domain: 'acme.freshdesk.com' },
      apiKeys: [{ key: API_KEY, agentId: AGENT_A }, { key: PLAIN_KEY, agentId: AGENT_PLAIN }],
      agents: [
        { id: AGENT_A, name: 'Alice Agent', email: 'alice@acme.example', role: 'admin' },
        { id: AGENT_B, name: 'Bob Agent', email: 'bob@acme.example' },
        { id: AGENT_PLAIN, name: 'Pat Plain', email: 'pat@acme.example', phone: '+14155550999' },
      ],
      ticketFields: TICKET_FIELDS,
      statuses: [
        { id: 6, label: 'Waiting on Customer', category: 'open', stopSlaTimer: true },
        { id: 7, label: 'Cancelled', category: 'closed' },
      ],
      ...opts.seed,
    },
  });
}

/** A request with the test key (Basic <key>:X); a FormData body goes as multipart. */
export type { Res };

export function api(f: FreshdeskEmulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  return emulatorRequest(f.url + path, basicAuth(API_KEY), method, body, headers);
}

export function adapterFor(f: FreshdeskEmulator, settings: Partial<FreshdeskAdapterSettings> = {}, deps: FreshdeskAdapterDeps = {}): FreshdeskAdapter {
  return new FreshdeskAdapter({ baseUrl: f.url, apiKey: API_KEY, appUrl: APP_URL, timeoutMs: 5_000, ...settings }, deps);
}

/** A contact made through the API (returns its id). */
export async function contact(f: FreshdeskEmulator, body: Record<string, unknown>): Promise<number> {
  const r = await api(f, 'POST', '/api/v2/contacts', body);
  if (r.status !== 201) throw new Error(`contact create failed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.id as number;
}

export const newCaller = { phoneE164: '+14155550100', phoneRaw: '(415) 555-0100', identifier: null, email: null, name: 'Carol Caller' };

export function voiceRecord(customerId: string | number, externalId: string, extra: Partial<NewRecord> = {}): NewRecord {
  return {
    externalId,
    customerId: String(customerId),
    subject: 'IVR call 1234 - Sales > Billing',
    channel: 'voice' as const,
    sessionType: 'voice_inbound_ivr' as const,
    direction: 'in' as const,
    tags: ['Voice Inbound (IVR)', 'AgentDesk'],
    fields: { cf_queue_name: 'Billing' },
    leafQueueId: 'q-billing',
    assigneeUserId: String(AGENT_A),
    startedAt: new Date().toISOString(),
    ...extra,
  };
}

/** The requests a client sent, as "METHOD /path?query" (decoded). */
export const sent = (f: FreshdeskEmulator) => f.requests().map((r) => `${r.method} ${decodeURIComponent(r.path)}${r.query ? `?${decodeURIComponent(r.query.replace(/\+/g, ' '))}` : ''}`);
