// Live-session events: assigned, connected, message, transferred, abandoned, ended.
import type { ServerPayload } from '../../../common/protocol/index.js';
import type { DecisionBuilder } from './decision-builder.js';
import type { SessionTrack } from './types.js';
import { openRecordIntent } from './open-record-intent.js';
import { abandonedRecordWanted, recordDue } from './record-timing.js';
import { abandonedNote, transferNote, transcriptText } from './notes.js';
import { endFields } from './record-fields.js';

/** Create the record if the rules say it is due now (REC-3, REC-4); returns the updated track. */
function openIfDue(b: DecisionBuilder, t: SessionTrack, when: string): SessionTrack {
  const rc = b.settings.recordCreation;
  if (!t.session || !recordDue(t, rc)) return t;
  b.emit(openRecordIntent(t.session, b, b.ctx, 'normal', null));
  b.note(`record requested ${when}`);
  return b.put({ ...t, record: 'requested' });
}

export function onAssigned(b: DecisionBuilder, p: ServerPayload<'session.assigned'>): void {
  const prior = b.track(p.session.id);
  let t = b.put({ ...b.trackFor(p.session.id, p.session), session: p.session, phase: 'offered' });
  if (prior && prior.record !== 'none') {
    b.note(`session offered again; record already ${prior.record}`);
    return;
  }
  const rc = b.settings.recordCreation;
  t = openIfDue(b, t, p.session.channel === 'voice' ? 'on assign (REC-3 off)' : 'on assign');
  if (t.record === 'none') {
    b.note(p.session.channel === 'voice' ? 'REC-3: call record waits for connect' : rc.chatMinConsumerMessages > 0 ? `REC-4: chat record waits for connect and ${rc.chatMinConsumerMessages} consumer messages` : 'chat record waits for connect');
  }
}

export function onConnected(b: DecisionBuilder, p: ServerPayload<'session.connected'>): void {
  const t0 = b.track(p.sessionId);
  if (!t0?.session) return b.note('connected: unknown session, ignored');
  const t = b.put({ ...t0, phase: 'connected' });
  const meId = b.me?.crmUserId;
  // KUS-10: a record someone else made (another agent, before a reject or transfer) is
  // assigned to the agent who answers.
  if (t.record === 'linked' && t.link && meId) {
    b.emit({ kind: 'updateRecord', key: t.key, patch: { assigneeUserId: meId }, reason: 'KUS-10 assign to answering agent' });
    b.note('KUS-10: existing record assigned to the answering agent');
    return;
  }
  openIfDue(b, t, 'on connect');
}

export function onMessage(b: DecisionBuilder, p: ServerPayload<'session.message'>): void {
  const t0 = b.track(p.sessionId);
  if (!t0?.session) return b.note('message: unknown session, ignored');
  const fromConsumer = p.message.from === 'consumer';
  const t = b.put({
    ...t0,
    consumerMessages: t0.consumerMessages + (fromConsumer ? 1 : 0),
    transcript: [...t0.transcript, { ...p.message, at: p.at }],
  });
  openIfDue(b, t, `on consumer message ${t.consumerMessages} (REC-4)`);
}

export function onTransferred(b: DecisionBuilder, p: ServerPayload<'session.transferred'>): void {
  const me = b.me;
  const t0 = b.track(p.sessionId);
  if (me && p.toAgent.id === me.id) {
    const session = p.session ?? t0?.session ?? null;
    const t = b.put({ ...b.trackFor(p.sessionId, session), session, phase: 'offered' });
    if (t.record !== 'none' && p.toAgent.crmUserId) {
      b.emit(
        { kind: 'updateRecord', key: t.key, patch: { assigneeUserId: p.toAgent.crmUserId }, reason: 'KUS-6 transfer reassignment' },
        { kind: 'addNote', key: t.key, noteKey: `${t.key}:transfer:${p.seq}`, body: transferNote(p.fromAgent.email, p.toAgent.email) },
      );
      b.note('KUS-6: record reassigned to the receiving agent');
    } else {
      b.note('transfer received; record follows the normal rules');
      openIfDue(b, t, 'on transfer');
    }
    return;
  }
  if (t0) b.put({ ...t0, phase: 'gone' });
  b.note('session transferred away; the receiving agent updates the record');
}

export function onAbandoned(b: DecisionBuilder, p: ServerPayload<'session.abandoned'>): void {
  const t0 = b.track(p.sessionId);
  const session = t0?.session ?? p.session ?? null;
  if (!session) return b.note('abandoned: unknown session without details, ignored');
  const consumerMessages = Math.max(t0?.consumerMessages ?? 0, p.consumerMessages);
  let t = b.put({ ...b.trackFor(p.sessionId, session), session, phase: 'abandoned', consumerMessages });
  const note = abandonedNote(p.stage, p.short, consumerMessages, session.channel);
  if (t.record === 'none') {
    const want = abandonedRecordWanted(session.channel, consumerMessages, b.settings.recordCreation);
    b.note(want.rule);
    if (!want.wanted) return;
    b.emit(openRecordIntent(session, b, b.ctx, 'abandoned', null));
    t = b.put({ ...t, record: 'requested' });
  }
  b.emit({ kind: 'addNote', key: t.key, noteKey: `${t.key}:abandoned`, body: note });
}

export function onEnded(b: DecisionBuilder, p: ServerPayload<'session.ended'>): void {
  const t0 = b.track(p.sessionId);
  if (!t0) return b.note('ended: unknown session, ignored');
  const t = b.put({ ...t0, phase: 'ended' });
  if (t.record === 'none') return b.note('ended without a record (REC-3/REC-4 conditions never met)');
  const fields = endFields(p, b.settings);
  if (Object.keys(fields).length > 0) {
    b.emit({ kind: 'updateRecord', key: t.key, patch: { fields }, reason: 'KUS-2 durations at session end' });
  }
  if (t.session?.channel === 'chat') {
    b.emit({
      kind: 'attachFile',
      key: t.key,
      fileKey: `${t.key}:transcript`,
      name: `chat-transcript-${t.key}.txt`,
      contentType: 'text/plain',
      source: { kind: 'text', text: transcriptText(t.session, t.transcript) },
      caption: `Chat transcript (${t.transcript.length} messages)`,
    });
    b.note('KUS-9: transcript attached at chat end');
  }
}
