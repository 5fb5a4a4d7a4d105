// After a restart the contact center replays only what the journal has not seen, so the sessions
// still live at the last processed event are rebuilt from the engine's own tracks (and their
// records from its bindings); the replay then brings them up to date.
import type { AppState } from '../../../common/ipc/index.js';
import type { OrchestrationEngine } from '../../engine/orchestration-engine.js';
import type { RecordsView } from './records-view.js';

export function seedFromEngine(s: AppState, engine: OrchestrationEngine, records: RecordsView): void {
  for (const t of Object.values(engine.state.sessions)) {
    if (!t.session || (t.phase !== 'offered' && t.phase !== 'connected')) continue;
    s.sessions.push({
      session: t.session,
      phase: t.phase === 'offered' ? 'ringing' : 'connected',
      assignedAt: t.updatedAt,
      connectedAt: t.phase === 'connected' ? t.updatedAt : null,
      endedAt: null,
      messages: t.transcript.map((m) => ({ ...m, attachments: m.attachments ?? [] })),
      consumerTyping: false,
      record: null,
    });
    const link = engine.store.state.bindings[t.key] ?? t.link;
    if (link) records.linked(s, { seq: 0, at: t.updatedAt, sessionId: t.key, crm: engine.crmKind(), recordId: link.recordId, customerId: link.customerId, url: link.url });
  }
}
