// Contact-center events into the AppState: connection facts, agent, settings, status, sessions,
// supervisor list. The engines get the same events separately (core.ts); this is only the view.
import type { AppState } from '../../common/ipc/index.js';
import type { ServerEvent } from '../../common/protocol/index.js';
import * as sessions from './state/sessions-view.js';
import { statusFromEvent, statusFromHello } from './state/status-view.js';

export interface ViewEffects {
  /** The agent connected to this session: pop its record if it has one (KUS-10). */
  connected(sessionId: string): void;
  /** A session's card may need to be (re)attached. */
  sessionShown(sessionId: string): void;
  /** Sessions left the list. */
  sessionsChanged(): void;
  /** A record was linked by the contact center (session.record). */
  recordLinked(p: Extract<ServerEvent, { name: 'session.record' }>['payload']): void;
  /** hello said how many connections this identity has (SYNC-5). */
  connections(count: number): void;
}

export function applyEvent(s: AppState, ev: ServerEvent, fx: ViewEffects): void {
  switch (ev.name) {
    case 'hello': {
      const p = ev.payload;
      s.agent = p.agent;
      s.statuses = p.statuses;
      s.queues = p.queues;
      s.settings = p.settings;
      s.connection.duplicateInstance = (p.connections ?? 1) > 1;
      if (!p.agent.roles.includes('supervisor')) s.supervisor = null;
      statusFromHello(s, p);
      fx.connections(p.connections ?? 1);
      return;
    }
    case 'settings':
      s.settings = ev.payload.settings;
      return;
    case 'agent.status':
      statusFromEvent(s, ev.payload);
      return;
    case 'session.assigned':
      sessions.offered(s, ev.payload.session, ev.payload.at);
      fx.sessionShown(ev.payload.session.id);
      fx.sessionsChanged();
      return;
    case 'session.connected':
      if (sessions.connected(s, ev.payload)) fx.connected(ev.payload.sessionId);
      return;
    case 'session.message':
      sessions.message(s, ev.payload);
      return;
    case 'session.transferred':
      sessions.transferred(s, ev.payload, s.agent);
      fx.sessionShown(ev.payload.sessionId);
      fx.sessionsChanged();
      return;
    case 'session.abandoned':
      sessions.abandoned(s, ev.payload);
      fx.sessionsChanged();
      return;
    case 'session.ended':
      sessions.ended(s, ev.payload);
      fx.sessionsChanged();
      return;
    case 'session.revoked':
      sessions.revoked(s, ev.payload);
      fx.sessionsChanged();
      return;
    case 'session.record':
      fx.recordLinked(ev.payload);
      return;
    case 'supervisor.agents':
      if (s.agent?.roles.includes('supervisor')) s.supervisor = ev.payload.agents;
      return;
    case 'session.recording':
    case 'session.csat':
    case 'session.smartAction':
    case 'voicemail.created':
    case 'voicemail.updated':
      return; // CRM work only (the orchestration engine)
  }
}
