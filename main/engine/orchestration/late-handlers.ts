// Events that update a record after the conversation: recording (KUS-3), CSAT and SmartAction
// (KUS-6), and the contact center's record link (session.record).
import type { ServerPayload } from '../../../common/protocol/index.js';
import type { DecisionBuilder } from './decision-builder.js';
import type { SessionTrack } from './types.js';
import { csatNote, recordingNote, smartActionNote } from './notes.js';
import { csatFields } from './record-fields.js';

/**
 * The track whose record a late event updates. A session this engine never saw (the
 * orchestrator receiving a late CSAT) still gets a track: the outbox resolves its record from
 * the contact center's link or, failing that, by the session id the record carries.
 */
function recordTrack(b: DecisionBuilder, sessionId: string, what: string): SessionTrack | null {
  const t = b.track(sessionId);
  if (t && t.record === 'none' && t.phase !== 'gone') {
    b.note(`${what}: the session has no record (creation rules not met), nothing to update`);
    return null;
  }
  return t ?? b.put({ ...b.trackFor(sessionId, null), phase: 'ended', record: 'linked' });
}

export function onRecording(b: DecisionBuilder, p: ServerPayload<'session.recording'>): void {
  const t = recordTrack(b, p.sessionId, 'recording');
  if (!t) return;
  b.emit({ kind: 'addNote', key: t.key, noteKey: `${t.key}:recording`, body: recordingNote(p.url, p.durationSec) });
  b.note('KUS-3: recording added at call end');
}

export function onCsat(b: DecisionBuilder, p: ServerPayload<'session.csat'>): void {
  const t = recordTrack(b, p.sessionId, 'csat');
  if (!t) return;
  const fields = csatFields(p.rating, p.comment, b.settings);
  if (Object.keys(fields).length > 0) {
    b.emit({ kind: 'updateRecord', key: t.key, patch: { fields }, reason: 'KUS-6 CSAT fields' });
  }
  b.emit({ kind: 'addNote', key: t.key, noteKey: `${t.key}:csat`, body: csatNote(p.rating, p.comment) });
  b.note('KUS-6: CSAT written');
}

export function onSmartAction(b: DecisionBuilder, p: ServerPayload<'session.smartAction'>): void {
  const t = recordTrack(b, p.sessionId, 'smartAction');
  if (!t) return;
  const a = p.action;
  b.emit({ kind: 'addNote', key: t.key, noteKey: `${t.key}:sa:${a.id}`, body: smartActionNote(a) });
  if (a.status === 'completed') {
    a.files.forEach((f, i) =>
      b.emit({
        kind: 'attachFile',
        key: t.key,
        fileKey: `${t.key}:sa:${a.id}:file:${i}`,
        name: f.name,
        contentType: f.mimeType,
        source: { kind: 'url', url: f.url },
        caption: `SmartAction "${a.type}" file: ${f.name}`,
      }),
    );
  }
  b.note(a.status === 'completed' ? `KUS-6: SmartAction result and ${a.files.length} file(s)` : 'KUS-6: SmartAction failure written');
}

export function onRecordLink(b: DecisionBuilder, p: ServerPayload<'session.record'>): void {
  const t0 = b.trackFor(p.sessionId, null);
  const link = { recordId: p.recordId, customerId: p.customerId, url: p.url };
  const fresh = !b.track(p.sessionId);
  b.put({ ...t0, phase: fresh ? 'gone' : t0.phase, link, record: t0.record === 'requested' ? 'requested' : 'linked' });
  b.emit({ kind: 'bindRecord', key: p.sessionId, link });
  b.note(`record link from the contact center: ${p.recordId}`);
}
