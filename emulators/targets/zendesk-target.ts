import { startZendesk } from '../zendesk/index.js';
import { check, targetBasics, type CrmTarget, type TargetOptions } from './target.js';

const ADMIN = { id: 361000000001, email: 'integration@acme.test' };
/** Zendesk user ids of the contact center's default agents (same e-mails). */
export const ZENDESK_AGENT_IDS: Record<string, number> = {
  'agent1@acme.test': 361000000101,
  'agent2@acme.test': 361000000102,
  'agent3@acme.test': 361000000103,
  'supervisor@acme.test': 361000000109,
};
const TOKEN = 'agentdesk-zendesk-token';

export async function zendeskTarget({ port = 0, unlimited = false }: TargetOptions = {}): Promise<CrmTarget> {
  const emu = await startZendesk({
    port,
    ...(unlimited ? { rateLimitPerMinute: 1_000_000, updateTicketPerMinute: 1_000_000, perTicketUpdates: 1_000_000 } : {}),
    seed: {
      account: { subdomain: 'acme', name: 'Acme' },
      apiTokens: [TOKEN],
      users: [
        { id: ADMIN.id, name: 'AgentDesk Integration', email: ADMIN.email, role: 'admin' },
        ...Object.entries(ZENDESK_AGENT_IDS).map(([email, id]) => ({ id, name: email.split('@')[0] as string, email, role: 'agent' as const })),
      ],
      ticketFields: [
        { id: 360100000001, type: 'text', title: 'Queue name' },
        { id: 360100000002, type: 'integer', title: 'Call duration' },
        { id: 360100000003, type: 'integer', title: 'CSAT rating' },
        { id: 360100000004, type: 'text', title: 'Order ID' },
      ],
    },
  });
  const auth = { authorization: `Basic ${Buffer.from(`${ADMIN.email}/token:${TOKEN}`).toString('base64')}` };
  const fieldNames = { queueName: 'Queue name', callDuration: 'Call duration', csatRating: 'CSAT rating', orderId: 'Order ID' };
  const fieldTitle = new Map([...emu.store.ticketFields.values()].map((f) => [f.id, f.title]));
  return {
    kind: 'zendesk',
    ...targetBasics(emu, { kind: 'zendesk', appUrl: 'https://acme.zendesk.com' }, fieldNames),
    connection: { baseUrl: emu.url, apiKey: TOKEN, email: ADMIN.email, appUrl: 'https://acme.zendesk.com', ...(unlimited ? { options: { ticketUpdateLimit: { max: 1_000_000, windowMs: 600_000 } } } : {}) },
    userIdFor: (email) => (ZENDESK_AGENT_IDS[email] !== undefined ? String(ZENDESK_AGENT_IDS[email]) : null),
    createRequest: { method: 'POST', path: '/api/v2/tickets' },
    ping: async () => check(await fetch(`${emu.url}/api/v2/users/me.json`, { headers: auth }), 'ping'),
    isRecordWrite: (m, p) => (m === 'POST' && /^\/api\/v2\/tickets(\.json)?$/.test(p)) || (m === 'PUT' && /^\/api\/v2\/tickets\/\d+(\.json)?$/.test(p)),
    records: () =>
      [...emu.store.tickets.values()].map((t) => {
        const comments = [...emu.store.comments.values()].filter((c) => c.ticket_id === t.id);
        return {
          id: String(t.id),
          key: t.external_id,
          subject: t.subject,
          open: ['new', 'open', 'pending', 'hold'].includes(t.status),
          assignee: t.assignee_id === null ? null : String(t.assignee_id),
          customerId: String(t.requester_id),
          tags: t.tags.filter((tag) => !tag.startsWith('agentdesk_channel_') && !tag.startsWith('agentdesk_queue_')),
          notes: comments.map((c) => c.body),
          files: comments.flatMap((c) => c.attachment_ids.map((id) => emu.store.attachments.get(id)?.file_name ?? `#${id}`)),
          fields: Object.fromEntries([...t.custom_fields].map(([id, v]) => [fieldTitle.get(id) ?? String(id), v])),
        };
      }),
    customerCount: () => [...emu.store.users.values()].filter((u) => u.role === 'end-user').length,
    closeRecord: async (id) => check(await fetch(`${emu.url}/api/v2/tickets/${id}.json`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ ticket: { status: 'solved' } }) }), 'close'),
  };
}
