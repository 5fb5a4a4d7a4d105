// Shared set-up of the Zendesk integration tests: an emulator with agents whose ids the tests
// know, a small fetch helper, an adapter pointed at the emulator, and record builders.
import { startZendesk, type ZendeskEmulator, type ZendeskOptions } from '../../../emulators/zendesk/index.js';
import { ZendeskAdapter, type ZendeskAdapterDeps, type ZendeskAdapterSettings } from '../../../main/adapters/crm/zendesk/index.js';
import type { NewRecord } from '../../../main/engine/crm-port.js';
import { emulatorRequest, type Res } from '../../support/emulator-request.js';

export const ADMIN = 361000000001;
export const AGENT_A = 361000000101;
export const AGENT_B = 361000000102;
export const ADMIN_EMAIL = 'integration@acme.example';
export const AGENT_EMAIL = 'alice@acme.example';
export const API_TOKEN = 'test-zendesk-token';
export const OAUTH_TOKEN = 'test-zendesk-oauth';
export const FIELD_QUEUE = 360100000001;
export const FIELD_DURATION = 360100000003;
export const FIELD_TYPE = 360100000004;
export const FIELD_VIP = 360100000005;
export const FIELD_DATE = 360100000006;
export const STAMP_LEAF = 360100000010;
export const STAMP_CHANNEL = 360100000011;

export function start(opts: ZendeskOptions = {}): Promise<ZendeskEmulator> {
  return startZendesk({
    ...opts,
    seed: {
      account: { subdomain: 'acme', name: 'Acme' },
      apiTokens: [API_TOKEN],
      oauthTokens: [{ token: OAUTH_TOKEN, userId: AGENT_A }],
      users: [
        { id: ADMIN, name: 'AgentDesk Integration', email: ADMIN_EMAIL, role: 'admin' },
        { id: AGENT_A, name: 'Alice Agent', email: AGENT_EMAIL, role: 'agent' },
        { id: AGENT_B, name: 'Bob Agent', email: 'bob@acme.example', role: 'agent' },
        ...(opts.seed?.users ?? []),
      ],
      ticketFields: [
        { id: FIELD_QUEUE, type: 'text', title: 'Queue name' },
        { id: FIELD_DURATION, type: 'integer', title: 'Call duration' },
        { id: FIELD_TYPE, type: 'tagger', title: 'Session type', options: [{ name: 'Voice Inbound (IVR)', value: 'st_voice_ivr' }, { name: 'Web chat', value: 'st_web_chat' }] },
        { id: FIELD_VIP, type: 'checkbox', title: 'VIP', tag: 'vip_caller' },
        { id: FIELD_DATE, type: 'date', title: 'Callback date' },
        { id: STAMP_LEAF, type: 'text', title: 'AgentDesk leaf queue' },
        { id: STAMP_CHANNEL, type: 'text', title: 'AgentDesk channel' },
        ...(opts.seed?.ticketFields ?? []),
      ],
      tickets: opts.seed?.tickets ?? [],
    },
  });
}

export const basic = (email = ADMIN_EMAIL, token = API_TOKEN) => `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;

export type { Res };

export function api(z: ZendeskEmulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  return emulatorRequest(z.url + path, basic(), method, body, headers);
}

/** Creates an end user through the API; returns its id. */
export async function endUser(z: ZendeskEmulator, user: Record<string, unknown>): Promise<number> {
  const r = await api(z, 'POST', '/api/v2/users', { user: { role: 'end-user', ...user } });
  if (r.status !== 201) throw new Error(`end user not created: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.user.id as number;
}

/** Creates a ticket through the API; returns its JSON. */
export async function ticket(z: ZendeskEmulator, t: Record<string, unknown>, headers: Record<string, string> = {}) {
  const r = await api(z, 'POST', '/api/v2/tickets', { ticket: { comment: { body: 'first', public: false }, ...t } }, headers);
  if (r.status !== 201) throw new Error(`ticket not created: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.ticket;
}

export const APP_URL = 'https://acme.zendesk.com';

export function adapterFor(z: ZendeskEmulator, settings: Partial<ZendeskAdapterSettings> = {}, deps: ZendeskAdapterDeps = {}): ZendeskAdapter {
  return new ZendeskAdapter({ baseUrl: z.url, auth: { email: ADMIN_EMAIL, apiToken: API_TOKEN }, appUrl: APP_URL, timeoutMs: 5_000, ...settings }, deps);
}

export const newCaller = { phoneE164: '+14155550100', phoneRaw: '(415) 555-0100', identifier: null, email: null, name: 'Carol Caller' };

export function voiceRecord(customerId: string | number, externalId: string, extra: Partial<NewRecord> = {}): NewRecord {
  return {
    externalId,
    customerId: String(customerId),
    subject: 'IVR call 1234 - Sales > Billing',
    channel: 'voice',
    sessionType: 'voice_inbound_ivr',
    direction: 'in',
    tags: ['voice_inbound_ivr', 'agentdesk'],
    fields: { 'Queue name': 'Billing', [String(FIELD_DURATION)]: '0' },
    leafQueueId: 'q-billing',
    assigneeUserId: String(AGENT_A),
    startedAt: '2026-03-01T10:00:00.000Z',
    ...extra,
  };
}

export const sent = (z: ZendeskEmulator) => z.requests().map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

export { failure } from '../../support/rejection.js';
