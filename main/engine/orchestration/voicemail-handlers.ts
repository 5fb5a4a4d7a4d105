// Voicemails: always a new record (KUS-5), updated when an agent reads, closes or calls back
// the voicemail (KUS-6).
import type { ServerPayload, Session, Voicemail } from '../../../common/protocol/index.js';
import type { DecisionBuilder } from './decision-builder.js';
import { openRecordIntent } from './open-record-intent.js';
import { voicemailNote, voicemailUpdateNote } from './notes.js';
import { toE164 } from './customer-plan.js';

export const voicemailKey = (id: string): string => `vm:${id}`;

function asSession(v: Voicemail, at: string): Session {
  return {
    id: v.id,
    channel: 'voice',
    type: 'voicemail',
    queue: v.queue,
    menuPath: v.menuPath,
    language: v.language,
    dialedNumber: v.dialedNumber,
    customer: v.customer,
    customData: {},
    startedAt: v.createdAt ?? at,
    recordingEnabled: false,
    callback: null,
    sipCallHeader: 'X-Session-Id',
  };
}

export function onVoicemailCreated(b: DecisionBuilder, p: ServerPayload<'voicemail.created'>): void {
  const key = voicemailKey(p.voicemail.id);
  const existing = b.track(key);
  if (existing && existing.record !== 'none') return b.note('voicemail already recorded');
  const session = asSession(p.voicemail, p.at);
  const intent = openRecordIntent(session, b, b.ctx, 'voicemail', null, key);
  const body = voicemailNote(p.voicemail, toE164(p.voicemail.customer.phone, b.ctx.defaultCountry));
  if (intent.kind === 'openRecord') intent.note = { created: body, appended: body };
  b.emit(intent);
  b.put({ ...b.trackFor(key, session), phase: 'ended', record: 'requested' });
  b.note('KUS-5: voicemail always gets a new record');
}

export function onVoicemailUpdated(b: DecisionBuilder, p: ServerPayload<'voicemail.updated'>): void {
  const key = voicemailKey(p.voicemailId);
  if (!b.track(key)) b.put({ ...b.trackFor(key, null), phase: 'ended', record: 'linked' });
  b.emit({ kind: 'addNote', key, noteKey: `${key}:${p.action}:${p.seq}`, body: voicemailUpdateNote(p.action, p.by.email) });
  if (p.action === 'closed') {
    b.emit({ kind: 'updateRecord', key, patch: { status: 'closed' }, reason: 'KUS-6 voicemail closed' });
  }
  b.note(`KUS-6: voicemail ${p.action}`);
}
