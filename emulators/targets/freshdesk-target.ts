import { startFreshdesk, basicAuth, DEFAULT_AGENTS } from '../freshdesk/index.js';
import { check, targetBasics, type CrmTarget, type TargetOptions } from './target.js';

const KEY = 'agentdesk-freshdesk-key';
const OPEN_STATUSES = new Set([2, 3, 6]);

export async function freshdeskTarget({ port = 0, unlimited = false }: TargetOptions = {}): Promise<CrmTarget> {
  const emu = await startFreshdesk({
    port,
    ...(unlimited ? { rateLimitPerMinute: 1_000_000, endpointLimits: { ticketCreate: 1_000_000, ticketUpdate: 1_000_000, ticketsList: 1_000_000, contactsList: 1_000_000 } } : {}),
    seed: {
      account: { name: 'Acme', domain: 'acme.freshdesk.com' },
      apiKeys: [{ key: KEY, agentId: 1001 }],
      agents: DEFAULT_AGENTS.map((a) => ({ ...a })),
      statuses: [{ id: 6, label: 'Waiting on Customer', category: 'open', stopSlaTimer: true }],
      ticketFields: [
        { name: 'cf_agentdesk_session', label: 'AgentDesk session', type: 'custom_text' },
        { name: 'cf_agentdesk_leaf_queue', label: 'AgentDesk leaf queue', type: 'custom_text' },
        { name: 'cf_agentdesk_channel', label: 'AgentDesk channel', type: 'custom_text' },
        { name: 'cf_queue_name', label: 'Queue name', type: 'custom_text' },
        { name: 'cf_call_duration', label: 'Call duration', type: 'custom_number' },
        { name: 'cf_csat_rating', label: 'CSAT rating', type: 'custom_number' },
        { name: 'cf_order_id', label: 'Order ID', type: 'custom_text' },
      ],
    },
  });
  const auth = { authorization: basicAuth(KEY) };
  const fieldNames = { queueName: 'cf_queue_name', callDuration: 'cf_call_duration', csatRating: 'cf_csat_rating', orderId: 'cf_order_id' };
  const ids = new Map(DEFAULT_AGENTS.map((a) => [a.email, String(a.id)]));
  return {
    kind: 'freshdesk',
    ...targetBasics(emu, { kind: 'freshdesk', appUrl: 'https://acme.freshdesk.com' }, fieldNames),
    connection: { baseUrl: emu.url, apiKey: KEY, appUrl: 'https://acme.freshdesk.com' },
    userIdFor: (email) => ids.get(email) ?? null,
    createRequest: { method: 'POST', path: '/api/v2/tickets' },
    ping: async () => check(await fetch(`${emu.url}/api/v2/agents/me`, { headers: auth }), 'ping'),
    isRecordWrite: (m, p) => (m === 'POST' && p === '/api/v2/tickets') || (m === 'PUT' && /^\/api\/v2\/tickets\/\d+$/.test(p)),
    records: () =>
      [...emu.store.tickets.values()].map((t) => {
        const convs = [...emu.store.conversations.values()].filter((c) => c.ticketId === t.id && c.private);
        const { cf_agentdesk_session: key, cf_agentdesk_leaf_queue: _q, cf_agentdesk_channel: _c, ...rest } = t.customFields;
        return {
          id: String(t.id),
          key: typeof key === 'string' ? key : null,
          subject: t.subject,
          open: OPEN_STATUSES.has(t.status),
          assignee: t.responderId === null ? null : String(t.responderId),
          customerId: String(t.requesterId),
          tags: [...t.tags],
          notes: convs.map((c) => c.bodyText),
          files: convs.flatMap((c) => c.attachmentIds.map((id) => emu.store.attachments.get(id)?.name ?? `#${id}`)),
          fields: Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)),
        };
      }),
    customerCount: () => emu.store.contacts.size,
    closeRecord: async (id) => check(await fetch(`${emu.url}/api/v2/tickets/${id}`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ status: 4 }) }), 'close'),
  };
}
