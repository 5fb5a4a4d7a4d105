// Default directory for the simulator. The demo, the tests and the CRM emulators reuse these
// constants, so an agent's `crmUserId` here is the same user id the CRM emulator serves.
import type { AgentStatusDef, SettingsInput } from '../../common/protocol/index.js';
import type { AgentDef, QueueDef } from './options.js';

/** CRM user ids (24-hex, Kustomer style) of the default agents; same e-mail on both sides. */
export const CRM_USER_IDS = {
  agent1: '64b7f0c2a1d3e4f5a6b7c801',
  agent2: '64b7f0c2a1d3e4f5a6b7c802',
  agent3: '64b7f0c2a1d3e4f5a6b7c803',
  supervisor: '64b7f0c2a1d3e4f5a6b7c8f1',
} as const;

export const AGENT_EMAILS = {
  agent1: 'agent1@acme.test',
  agent2: 'agent2@acme.test',
  agent3: 'agent3@acme.test',
  supervisor: 'supervisor@acme.test',
  orchestrator: 'orchestrator@acme.test',
} as const;

export const DEFAULT_AGENTS: AgentDef[] = [
  { id: 'ag-1001', email: AGENT_EMAILS.agent1, name: 'Mina Park', roles: ['agent'], crmUserId: CRM_USER_IDS.agent1 },
  { id: 'ag-1002', email: AGENT_EMAILS.agent2, name: 'Joon Kim', roles: ['agent'], crmUserId: CRM_USER_IDS.agent2 },
  { id: 'ag-1003', email: AGENT_EMAILS.agent3, name: 'Sara Lee', roles: ['agent'], crmUserId: CRM_USER_IDS.agent3 },
  {
    id: 'ag-1900',
    email: AGENT_EMAILS.supervisor,
    name: 'Hana Choi',
    roles: ['supervisor'],
    crmUserId: CRM_USER_IDS.supervisor,
  },
  { id: 'ag-1990', email: AGENT_EMAILS.orchestrator, name: 'Orchestrator', roles: ['orchestrator'], crmUserId: null },
];

/**
 * SOFT-1: where the agents' softphones register. An agent's SIP URI is `sip:<agent id>@<domain>`
 * unless the directory names one; a SipPhone derives a transfer target's URI the same way.
 */
export const DEFAULT_SIP_DOMAIN = 'agentdesk.test';

export function defaultSipUri(agentId: string, domain: string = DEFAULT_SIP_DOMAIN): string {
  return `sip:${agentId}@${domain}`;
}

export const QUEUE_IDS = {
  support: 'q-support',
  billing: 'q-billing',
  technical: 'q-technical',
  sales: 'q-sales',
  newOrders: 'q-new-orders',
  chat: 'q-chat-root',
  webChat: 'q-chat',
  appChat: 'q-chat-app',
} as const;

/** Support > Billing, Support > Technical, Sales > New orders, Chat > Web chat, Chat > App chat. */
export const DEFAULT_QUEUES: QueueDef[] = [
  { id: QUEUE_IDS.support, name: 'Support', parent: null },
  { id: QUEUE_IDS.billing, name: 'Billing', parent: QUEUE_IDS.support },
  { id: QUEUE_IDS.technical, name: 'Technical', parent: QUEUE_IDS.support },
  { id: QUEUE_IDS.sales, name: 'Sales', parent: null },
  { id: QUEUE_IDS.newOrders, name: 'New orders', parent: QUEUE_IDS.sales },
  { id: QUEUE_IDS.chat, name: 'Chat', parent: null },
  { id: QUEUE_IDS.webChat, name: 'Web chat', parent: QUEUE_IDS.chat },
  { id: QUEUE_IDS.appChat, name: 'App chat', parent: QUEUE_IDS.chat },
];

/** Status ids the simulator itself sets; custom status lists must keep them. */
export const SYSTEM_STATUS_IDS = {
  available: 'available',
  offline: 'offline',
  inCall: 'in_call',
  wrapUp: 'wrap_up',
} as const;

export const DEFAULT_STATUSES: AgentStatusDef[] = [
  { id: 'available', name: 'Available', kind: 'available' },
  { id: 'away', name: 'Away', kind: 'unavailable' },
  { id: 'lunch', name: 'Lunch', kind: 'unavailable' },
  { id: 'meeting', name: 'Meeting', kind: 'unavailable' },
  { id: 'offline', name: 'Offline', kind: 'unavailable' },
  { id: 'in_call', name: 'In call', kind: 'system' },
  { id: 'wrap_up', name: 'Wrap-up', kind: 'system' },
];

/** The settings example of PROTOCOL.md; the simulator's own default is the schema's defaults. */
export const EXAMPLE_SETTINGS: SettingsInput = {
  recordCreation: {
    appendToOpenRecordSameLeafQueue: true,
    appendToClosedWithinDays: 3,
    createCallRecordOnConnect: false,
    chatMinConsumerMessages: 0,
    abandonedCalls: true,
    abandonedChats: 'off',
    abandonedChatsMinMessages: 2,
    subjectTemplate: '{CALL_TYPE} {CALL_ID} - {MENU_PATH}',
    sessionTypeTag: true,
    platformTag: 'AgentDesk',
  },
  crm: { kind: 'kustomer', baseUrl: 'https://api.kustomerapp.com', appUrl: 'https://acme.kustomerapp.com' },
  customFields: { customer: { customUserId: 'customUserIdStr' }, record: { queueName: 'queueNameStr' } },
  customDataMapping: { orderId: 'orderIdStr' },
  statusSync: {
    enabled: true,
    direction: 'one-way',
    priority: 'latest',
    applyAtLogin: false,
    mapping: { Available: 'available', Email: 'away', Lunch: 'away' },
    reverse: { available: 'Available' },
  },
};
