// Builders for orchestration tests: sessions, events with seq/at, and a decide() driver.
import { sessionSchema, settingsSchema, type Agent, type ServerEvent, type ServerEventName, type ServerPayload, type SessionInput, type Settings, type SettingsInput } from '../../common/protocol/index.js';
import { decide, initialState } from '../../main/engine/orchestration/decide.js';
import type { DecideContext, EngineState, Intent } from '../../main/engine/orchestration/types.js';

export const AGENT: Agent = { id: 'a1', email: 'agent1@acme.test', name: 'Agent One', roles: ['agent'], crmUserId: 'aaaaaaaaaaaaaaaaaaaaaaa1' };
export const AGENT2: Agent = { id: 'a2', email: 'agent2@acme.test', name: 'Agent Two', roles: ['agent'], crmUserId: 'aaaaaaaaaaaaaaaaaaaaaaa2' };
export const ORCHESTRATOR: Agent = { id: 'o1', email: 'orchestrator@acme.test', name: 'Orchestrator', roles: ['orchestrator'], crmUserId: null };

export function session(over: Partial<SessionInput> = {}) {
  return sessionSchema.parse({
    id: 'S-1001',
    channel: 'voice',
    type: 'voice_inbound_ivr',
    queue: { id: 'q-billing', name: 'Billing', path: ['Support', 'Billing'], leaf: true },
    menuPath: 'Support > Billing',
    language: 'ko',
    dialedNumber: '+82215881234',
    customer: { phone: '+821012345678', identifier: null, email: null, name: null },
    customData: {},
    startedAt: '2026-11-21T09:00:00Z',
    recordingEnabled: true,
    callback: null,
    ...over,
  });
}

export function chatSession(over: Partial<SessionInput> = {}) {
  return session({
    id: 'C-2001',
    channel: 'chat',
    type: 'chat_inbound_web',
    queue: { id: 'q-webchat', name: 'Web chat', path: ['Chat', 'Web chat'], leaf: true },
    menuPath: 'Chat > Web chat',
    dialedNumber: null,
    customer: { phone: null, identifier: null, email: 'kim@example.com', name: 'Kim' },
    recordingEnabled: false,
    ...over,
  });
}

export function settings(rc: SettingsInput['recordCreation'] = {}, rest: Omit<SettingsInput, 'recordCreation'> = {}): Settings {
  return settingsSchema.parse({ ...rest, recordCreation: rc });
}

const T0 = Date.parse('2026-11-21T09:00:00Z');

/** Drives decide() through a list of events like the contact center would send them. */
export class Driver {
  state: EngineState;
  intents: Intent[] = [];
  trace: string[] = [];
  private seq = 0;
  readonly ctx: DecideContext;

  constructor(
    s: Settings = settings(),
    me: Agent | null = AGENT,
    crmKind: DecideContext['crmKind'] = 'kustomer',
  ) {
    this.state = { ...initialState(), me, settings: s };
    this.ctx = { crmKind, defaultCountry: 'KR', now: new Date(T0) };
  }

  send<N extends ServerEventName>(name: N, payload: Omit<ServerPayload<N>, 'seq' | 'at'> & Partial<Pick<ServerPayload<N>, 'at'>>): Intent[] {
    this.seq++;
    const full = { at: new Date(T0 + this.seq * 1000).toISOString(), ...payload, seq: this.seq } as ServerPayload<N>;
    const d = decide(this.state, { name, payload: full } as ServerEvent, this.ctx);
    this.state = d.state;
    this.intents.push(...d.intents);
    this.trace.push(...d.trace);
    return d.intents;
  }

  of<K extends Intent['kind']>(kind: K): Extract<Intent, { kind: K }>[] {
    return this.intents.filter((i): i is Extract<Intent, { kind: K }> => i.kind === kind);
  }
}
