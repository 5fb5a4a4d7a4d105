import { startKustomer } from '../kustomer/index.js';
import { DEFAULT_AGENTS } from '../contact-center/index.js';
import { check, targetBasics, type CrmTarget, type TargetOptions } from './target.js';

export async function kustomerTarget({ port = 0, unlimited = false }: TargetOptions = {}): Promise<CrmTarget> {
  const emu = await startKustomer({
    port,
    seed: { users: DEFAULT_AGENTS.filter((a) => a.crmUserId).map((a) => ({ id: a.crmUserId as string, email: a.email, name: a.name })) },
    ...(unlimited ? { rateLimitPerMinute: 1_000_000, perCustomerCreatesPerMinute: 1_000_000, searchRateLimitPerMinute: 1_000_000 } : {}),
  });
  const auth = { authorization: `Bearer ${emu.apiKey}` };
  const fieldNames = { queueName: 'queueNameStr', callDuration: 'callDurationNum', csatRating: 'csatRatingNum', orderId: 'orderIdStr' };
  return {
    kind: 'kustomer',
    ...targetBasics(emu, { kind: 'kustomer', appUrl: emu.url }, fieldNames),
    connection: { baseUrl: emu.url, apiKey: emu.apiKey, appUrl: emu.url },
    userIdFor: (email) => DEFAULT_AGENTS.find((a) => a.email === email)?.crmUserId ?? null,
    createRequest: { method: 'POST', path: '/v1/conversations' },
    ping: async () => check(await fetch(`${emu.url}/v1/users/current`, { headers: auth }), 'ping'),
    isRecordWrite: (m, p) => (m === 'POST' && (p === '/v1/conversations' || /^\/v1\/customers\/[^/]+\/conversations$/.test(p))) || ((m === 'PATCH' || m === 'PUT') && /^\/v1\/conversations\/[^/]+$/.test(p)),
    records: () =>
      [...emu.store.conversations.values()].map((c) => {
        const notes = emu.store.notesOf(c.id);
        const { agentdeskLeafQueueStr: _q, agentdeskChannelStr: _c, ...fields } = c.custom;
        return {
          id: c.id,
          key: c.externalId,
          subject: c.name,
          open: c.status !== 'done',
          assignee: c.assignedUsers[0] ?? null,
          customerId: c.customerId,
          tags: [...c.tags],
          notes: notes.map((n) => n.body),
          files: notes.flatMap((n) => n.attachments.map((a) => a.name)),
          fields,
        };
      }),
    customerCount: () => emu.store.customers.size,
    closeRecord: async (id) => check(await fetch(`${emu.url}/v1/conversations/${id}`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'done' }) }), 'close'),
  };
}
