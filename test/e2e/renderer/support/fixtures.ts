// AppState fixtures shared by the renderer's unit tests and Playwright specs. Every builder
// returns a state that appStateSchema accepts (checked in test/unit/renderer/fixtures.test.ts).
import type { AppState, LiveSession, RecordCard } from '../../../../common/ipc/app-state.js';
import { defaultSettings, type Settings } from '../../../../common/protocol/settings.js';
import type { Session } from '../../../../common/protocol/session.js';

/** The fixed "now" of screenshots and ticking clocks (Playwright clock.setFixedTime). */
export const NOW = '2026-11-21T09:05:00.000Z';
export const at = (minutesBeforeNow: number, seconds = 0) => new Date(Date.parse(NOW) - minutesBeforeNow * 60_000 - seconds * 1000).toISOString();

export const STATUSES: AppState['statuses'] = [
  { id: 'available', name: 'Available', kind: 'available' },
  { id: 'away', name: 'Away', kind: 'unavailable' },
  { id: 'lunch', name: 'Lunch', kind: 'unavailable' },
  { id: 'in_call', name: 'In call', kind: 'system' },
  { id: 'wrap_up', name: 'Wrap-up', kind: 'system' },
];

export const QUEUES: AppState['queues'] = [
  { id: 'q-support', name: 'Support', path: ['Support'], leaf: false },
  { id: 'q-billing', name: 'Billing', path: ['Support', 'Billing'], leaf: true },
  { id: 'q-tech', name: 'Technical', path: ['Support', 'Technical'], leaf: true },
];

export function settings(patch: (s: Settings) => void = () => undefined): Settings {
  const s = defaultSettings();
  s.crm.appUrl = 'https://acme.kustomerapp.com';
  s.recordCreation.abandonedCalls = true;
  s.recordCreation.appendToClosedWithinDays = 3;
  s.customFields.record = { queueName: 'queueNameStr' };
  s.customDataMapping = { orderId: 'orderIdStr' };
  s.statusSync = {
    enabled: true,
    direction: 'two-way',
    priority: 'latest',
    applyAtLogin: false,
    mapping: { Available: 'available', Email: 'away', Lunch: 'lunch' },
    reverse: { available: 'Available' },
  };
  patch(s);
  return s;
}

export function baseState(over: Partial<AppState> = {}): AppState {
  return {
    version: 1,
    connection: { contactCenter: 'connected', detail: null, duplicateInstance: false },
    agent: { id: 'a-1', email: 'minji@acme.test', name: 'Minji Kim', roles: ['agent', 'supervisor'], crmUserId: 'ku-1' },
    statuses: STATUSES,
    queues: QUEUES,
    settings: settings(),
    lockedSettings: [],
    status: { statusId: 'available', source: 'agent', since: at(12, 30), crmStatus: 'Available' },
    sessions: [],
    callHistory: [],
    pendingWrites: 0,
    failedWrites: 0,
    audit: [],
    preconditions: [],
    notices: [],
    supervisor: null,
    kustomer: { appUrl: null, navigate: null, userEmail: 'minji@acme.test', pageInstances: 1 },
    softphone: { sip: null, dialRequest: null },
    locale: 'en',
    ...over,
  };
}

/** Nobody signed in (a freshly installed computer): the sign-in screen. */
export function signedOutState(over: Partial<AppState> = {}, auth: Partial<NonNullable<AppState['auth']>> = {}): AppState {
  return baseState({
    connection: { contactCenter: 'disconnected', detail: null, duplicateInstance: false },
    agent: null,
    statuses: [],
    queues: [],
    status: { statusId: null, source: null, since: null, crmStatus: null },
    kustomer: { appUrl: null, navigate: null, userEmail: null, pageInstances: 0 },
    auth: { state: 'signed-out', email: null, error: null, contactCenterUrl: 'https://cc.acme.example', source: null, sipServer: false, ...auth },
    ...over,
  });
}

/** The same agent as baseState, signed in with a stored token. */
export function signedInState(over: Partial<AppState> = {}): AppState {
  return baseState({ auth: { state: 'signed-in', email: 'minji@acme.test', error: null, contactCenterUrl: 'https://cc.acme.example', source: 'stored', sipServer: false }, ...over });
}

function session(id: string, over: Partial<Session>): Session {
  return {
    id,
    channel: 'voice',
    type: 'voice_inbound_ivr',
    queue: QUEUES[1] ?? null,
    menuPath: 'Support > Billing',
    language: 'ko',
    dialedNumber: '+82215881234',
    customer: { phone: '+821012345678', identifier: null, email: null, name: null },
    customData: {},
    startedAt: at(2),
    recordingEnabled: true,
    callback: null,
    sipCallHeader: 'X-Session-Id',
    ...over,
  };
}

export function record(sessionId: string, over: Partial<RecordCard> = {}): RecordCard {
  return {
    sessionId,
    crm: 'kustomer',
    recordId: '6571a2b3c4d5e6f7a8b9c0d1',
    url: 'https://acme.kustomerapp.com/app/customers/c-1/event/6571a2b3c4d5e6f7a8b9c0d1',
    subject: 'IVR call S-1001 - Support > Billing',
    status: 'open',
    writeState: 'written',
    attempts: 1,
    error: null,
    failedEntryId: null,
    updatedAt: at(1),
    ...over,
  };
}

export function voiceSession(id: string, phase: LiveSession['phase'], over: Partial<Session> = {}, live: Partial<LiveSession> = {}): LiveSession {
  return {
    session: session(id, over),
    phase,
    assignedAt: at(1, 30),
    connectedAt: phase === 'connected' ? at(1, 5) : null,
    endedAt: null,
    messages: [],
    consumerTyping: false,
    record: null,
    ...live,
  };
}

export function chatSession(id: string, phase: LiveSession['phase'], name: string, messages: { id: string; from: 'consumer' | 'agent' | 'bot'; text: string }[] = [], live: Partial<LiveSession> = {}): LiveSession {
  return {
    session: session(id, {
      channel: 'chat',
      type: 'chat_inbound_web',
      dialedNumber: null,
      customer: { phone: null, identifier: null, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`, name },
      recordingEnabled: false,
    }),
    phase,
    assignedAt: at(4),
    connectedAt: phase === 'ringing' ? null : at(3, 50),
    endedAt: null,
    messages: messages.map((m, i) => ({ ...m, attachments: [], at: at(3 - i * 0.5) })),
    consumerTyping: false,
    record: null,
    ...live,
  };
}

export const SUPERVISOR_AGENTS: NonNullable<AppState['supervisor']> = [
  { id: 'a-1', name: 'Minji Kim', email: 'minji@acme.test', statusId: 'available', source: 'agent', since: at(12, 30), sessionId: null, online: true, connections: 1 },
  { id: 'a-2', name: 'Jisoo Park', email: 'jisoo@acme.test', statusId: 'in_call', source: 'system', since: at(3, 12), sessionId: 'S-2001', online: true, connections: 1 },
  { id: 'a-3', name: 'Alex Chen', email: 'alex@acme.test', statusId: 'lunch', source: 'crm', since: at(41), sessionId: null, online: true, connections: 2 },
  { id: 'a-4', name: 'Sara Lee', email: 'sara@acme.test', statusId: 'away', source: 'supervisor', since: at(95), sessionId: null, online: false, connections: 0 },
];

export const AUDIT: AppState['audit'] = [
  {
    seq: 1,
    at: at(30),
    before: { cc: 'away', crm: 'Email' },
    after: { cc: 'available', crm: 'Available' },
    source: 'crm',
    rule: 'SYNC-2 mapped',
    explanation: { en: 'Your Kustomer status changed to Available, so your contact-center status was set to Available.', ko: 'Kustomer 상태가 Available(으)로 바뀌어 컨택센터 상태를 Available(으)로 설정했습니다.' },
  },
  {
    seq: 2,
    at: at(12, 30),
    before: { cc: 'wrap_up', crm: 'Available' },
    after: { cc: 'available', crm: 'Available' },
    source: 'system',
    rule: 'SYNC-4 system-status',
    explanation: { en: 'The contact center ended wrap-up; system statuses are never written to Kustomer.', ko: '컨택센터가 후처리를 끝냈습니다. 시스템 상태는 Kustomer에 쓰지 않습니다.' },
  },
];
