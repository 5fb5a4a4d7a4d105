import { startSalesforce, SALESFORCE_USER_IDS, DEFAULT_CUSTOM_FIELDS } from '../salesforce/index.js';
import { check, targetBasics, type CrmTarget, type TargetOptions } from './target.js';

const V = 'v62.0';
const EMAIL_KEY: Record<string, keyof typeof SALESFORCE_USER_IDS> = {
  'agent1@acme.test': 'agent1',
  'agent2@acme.test': 'agent2',
  'agent3@acme.test': 'agent3',
  'supervisor@acme.test': 'supervisor',
};

export async function salesforceTarget({ port = 0, unlimited = false }: TargetOptions = {}): Promise<CrmTarget> {
  const emu = await startSalesforce({
    port,
    ...(unlimited ? { dailyApiLimit: 100_000_000 } : {}),
    customFields: {
      ...DEFAULT_CUSTOM_FIELDS,
      Case: {
        ...DEFAULT_CUSTOM_FIELDS.Case,
        AgentDesk_Queue_Name__c: { type: 'string', length: 255 },
        AgentDesk_Call_Duration__c: { type: 'double' },
        AgentDesk_CSAT_Rating__c: { type: 'double' },
        AgentDesk_Order_Id__c: { type: 'string', length: 80 },
      },
    },
  });
  const base = `${emu.url}/services/data/${V}`;
  const auth = { authorization: `Bearer ${emu.accessToken}` };
  const fieldNames = { queueName: 'AgentDesk_Queue_Name__c', callDuration: 'AgentDesk_Call_Duration__c', csatRating: 'AgentDesk_CSAT_Rating__c', orderId: 'AgentDesk_Order_Id__c' };
  const objects = (name: string) => [...(emu.store.records.get(name)?.values() ?? [])];
  const internal = new Set(['AgentDesk_Session_Id__c', 'AgentDesk_Leaf_Queue__c', 'AgentDesk_Channel__c', 'AgentDesk_Tags__c']);
  return {
    kind: 'salesforce',
    ...targetBasics(emu, { kind: 'salesforce', appUrl: 'https://acme.lightning.force.com', tagField: 'AgentDesk_Tags__c' }, fieldNames),
    connection: { baseUrl: emu.url, apiKey: emu.accessToken, apiVersion: V, appUrl: 'https://acme.lightning.force.com' },
    userIdFor: (email) => (EMAIL_KEY[email] ? SALESFORCE_USER_IDS[EMAIL_KEY[email]] : null),
    // A new caller's record: one composite look-up, then the composite that creates contact and case.
    createRequest: { method: 'POST', path: '/services/data/v62.0/composite', skip: 1 },
    ping: async () => check(await fetch(`${base}/limits`, { headers: auth }), 'ping'),
    // The record exists after the composite that upserts the case, or the PATCH that appends.
    isRecordWrite: (m, p, body) =>
      (m === 'POST' && p.endsWith('/composite') && !!body && /\/sobjects\/Case\/|"url":"[^"]*\/sobjects\/Case"/.test(body) && /"method":"(PATCH|POST)"/.test(body)) ||
      ((m === 'PATCH' || m === 'POST') && /\/sobjects\/Case(\/|$)/.test(p)),
    records: () =>
      objects('Case').map((c) => {
        const comments = objects('CaseComment').filter((x) => x.ParentId === c.Id);
        const files = objects('ContentVersion').filter((v) => v.FirstPublishLocationId === c.Id);
        const tags = typeof c.AgentDesk_Tags__c === 'string' ? c.AgentDesk_Tags__c.split(';').filter(Boolean) : [];
        return {
          id: c.Id,
          key: typeof c.AgentDesk_Session_Id__c === 'string' ? c.AgentDesk_Session_Id__c : null,
          subject: String(c.Subject ?? ''),
          open: c.IsClosed !== true,
          assignee: typeof c.OwnerId === 'string' ? c.OwnerId : null,
          customerId: typeof c.ContactId === 'string' ? c.ContactId : null,
          tags,
          notes: comments.map((x) => String(x.CommentBody ?? '')),
          files: files.map((v) => String(v.PathOnClient ?? v.Title ?? '')),
          fields: Object.fromEntries(Object.entries(c).filter(([k, v]) => k.endsWith('__c') && !internal.has(k) && v !== null && v !== undefined)),
        };
      }),
    customerCount: () => objects('Contact').length,
    closeRecord: async (id) => check(await fetch(`${base}/sobjects/Case/${id}`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ Status: 'Closed' }) }), 'close'),
  };
}
