// One valid input per boundary the security tests attack: a request per IPC contract channel (a
// new channel without a sample is a type error, so it cannot skip the sender and schema tests),
// a payload per contact-center event, and a Kustomer page message of each type.
import { settingsSchema, type ServerEventName } from '../../../common/protocol/index.js';
import type { IpcChannel, IpcRequest, KustomerPageMessage } from '../../../common/ipc/index.js';
import { AGENT, session } from '../../support/orchestration-fixtures.js';

const settings = settingsSchema.parse({});
const sess = session();

export const VALID_REQUESTS: { [C in IpcChannel]: IpcRequest<C> } = {
  'app:getState': {},
  'auth:signIn': { token: 'dev:agent1@acme.test', remember: false },
  'auth:signOut': {},
  'app:setLocale': { locale: 'ko' },
  'app:dismissNotice': { id: 'n-1' },
  'prefs:set': { ringVolume: 0.5 },
  'status:set': { statusId: 'available' },
  'session:accept': { sessionId: 'S-1' },
  'session:reject': { sessionId: 'S-1' },
  'session:end': { sessionId: 'S-1' },
  'session:sendMessage': { sessionId: 'C-1', text: 'hello' },
  'session:typing': { sessionId: 'C-1', typing: true },
  'session:transfer': { sessionId: 'S-1', toQueueId: 'q-billing' },
  'call:dial': { number: '+82 10-1234-5678' },
  'call:prefill': { number: '+821012345678' },
  'record:open': { sessionId: 'S-1' },
  'record:retry': { entryId: 1 },
  'admin:saveSettings': { settings },
  'admin:previewRules': { settings, sample: { session: sess, steps: [{ event: 'assigned' }, { event: 'connected' }] } },
  'admin:createCustomFields': { fields: ['queueName'] },
  'admin:listCrmStatuses': {},
  'secrets:set': { name: 'crm.apiKey', value: 'k' },
  'softphone:getPassword': {},
  'kustomer:setBounds': { x: 0, y: 0, width: 10, height: 10, visible: true },
  'kustomer:pageMessage': { type: 'status', instanceId: 'p1', name: 'Lunch', origin: 'change', at: 1 },
  'softphone:report': { registered: true },
};

export const PAGE_MESSAGES: KustomerPageMessage[] = [
  { type: 'page', instanceId: 'p1', userEmail: 'agent1@acme.test', userId: 'u1' },
  { type: 'status', instanceId: 'p1', name: 'Lunch', origin: 'change', at: 1 },
  { type: 'applied', instanceId: 'p1', commandId: 'c1' },
  { type: 'apply-failed', instanceId: 'p1', commandId: 'c1', error: 'no' },
  { type: 'dial', instanceId: 'p1', number: '+821012345678' },
];

const AT = '2026-11-21T09:00:00Z';
const agentRef = { id: 'a2', email: 'agent2@acme.test', crmUserId: null };

/** A valid payload (without seq/at) for every contact-center event. */
export const EVENT_BODIES: Record<ServerEventName, Record<string, unknown>> = {
  hello: { agent: AGENT, statuses: [{ id: 'available', name: 'Available', kind: 'available' }], settings, queues: [] },
  settings: { settings },
  'agent.status': { statusId: 'available', source: 'agent' },
  'session.assigned': { session: sess },
  'session.connected': { sessionId: sess.id },
  'session.message': { sessionId: sess.id, message: { id: 'm1', from: 'consumer', text: 'hi' } },
  'session.transferred': { sessionId: sess.id, toAgent: agentRef, fromAgent: { ...agentRef, id: 'a1' } },
  'session.abandoned': { sessionId: sess.id, short: false, stage: 'queued' },
  'session.ended': { sessionId: sess.id, durationSec: 10, waitSec: 1, holdSec: 0 },
  'session.recording': { sessionId: sess.id, url: 'https://cc.example/rec.wav', mimeType: 'audio/wav', durationSec: 10 },
  'session.csat': { sessionId: sess.id, rating: 5 },
  'session.smartAction': { sessionId: sess.id, action: { id: 'sa1', type: 'verify', status: 'completed' } },
  'session.record': { sessionId: sess.id, crm: 'kustomer', recordId: 'r1', customerId: null, url: 'https://acme.kustomerapp.com/app/conversations/r1' },
  'session.revoked': { sessionId: sess.id, reason: 'rejected' },
  'voicemail.created': { voicemail: { id: 'v1', customer: { phone: '+821012345678' }, queue: null, recordingUrl: 'https://cc.example/v1.wav', durationSec: 5 } },
  'voicemail.updated': { voicemailId: 'v1', action: 'read', by: { id: 'a1', email: 'agent1@acme.test' } },
  'supervisor.agents': { agents: [] },
};

export const event = (name: ServerEventName, seq: number): Record<string, unknown> => ({ seq, at: AT, ...EVENT_BODIES[name] });
