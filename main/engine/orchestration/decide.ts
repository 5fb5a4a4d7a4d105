// The orchestration engine's pure core: state + event + context -> state + CRM intents.
// Every rule of REC-1..REC-9 and KUS-3..KUS-10 is applied here or in the modules it calls;
// the outbox and the CRM adapters do the I/O.
import type { ServerEvent } from '../../../common/protocol/index.js';
import { defaultSettings } from '../../../common/protocol/index.js';
import { DecisionBuilder } from './decision-builder.js';
import type { Decision, DecideContext, EngineState } from './types.js';
import { onAbandoned, onAssigned, onConnected, onEnded, onMessage, onTransferred } from './session-handlers.js';
import { onCsat, onRecordLink, onRecording, onSmartAction } from './late-handlers.js';
import { onVoicemailCreated, onVoicemailUpdated } from './voicemail-handlers.js';

export function initialState(): EngineState {
  return { me: null, settings: defaultSettings(), sessions: {} };
}

export function decide(state: EngineState, event: ServerEvent, ctx: DecideContext): Decision {
  const b = new DecisionBuilder(state, ctx, event.payload.at);
  switch (event.name) {
    case 'hello':
      b.setIdentity(event.payload.agent, event.payload.settings);
      b.note(`hello: ${event.payload.agent.email} (${event.payload.agent.roles.join(',')})`);
      break;
    case 'settings':
      b.setSettings(event.payload.settings);
      b.note('settings updated');
      break;
    case 'session.assigned':
      onAssigned(b, event.payload);
      break;
    case 'session.connected':
      onConnected(b, event.payload);
      break;
    case 'session.message':
      onMessage(b, event.payload);
      break;
    case 'session.transferred':
      onTransferred(b, event.payload);
      break;
    case 'session.abandoned':
      onAbandoned(b, event.payload);
      break;
    case 'session.ended':
      onEnded(b, event.payload);
      break;
    case 'session.recording':
      onRecording(b, event.payload);
      break;
    case 'session.csat':
      onCsat(b, event.payload);
      break;
    case 'session.smartAction':
      onSmartAction(b, event.payload);
      break;
    case 'session.record':
      onRecordLink(b, event.payload);
      break;
    case 'voicemail.created':
      onVoicemailCreated(b, event.payload);
      break;
    case 'voicemail.updated':
      onVoicemailUpdated(b, event.payload);
      break;
    case 'agent.status':
    case 'supervisor.agents':
      break; // status sync and the supervisor view handle these
  }
  return b.result();
}

/** Keys of the tracks of sessions that are over and quiet for `maxAgeMs` (dropped to bound memory). */
export function expiredTracks(state: EngineState, now: Date, maxAgeMs: number): string[] {
  const out: string[] = [];
  for (const [k, t] of Object.entries(state.sessions)) {
    const over = t.phase === 'ended' || t.phase === 'abandoned' || t.phase === 'gone';
    if (over && now.getTime() - Date.parse(t.updatedAt) >= maxAgeMs) out.push(k);
  }
  return out;
}
