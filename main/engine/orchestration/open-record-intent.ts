// Builds the openRecord intent for a session: customer plan, target policy, subject, tags,
// fields, details note, assignment.
import type { Session, Settings } from '../../../common/protocol/index.js';
import type { DecideContext, Intent, RecordLink } from './types.js';
import type { TargetPolicy } from './append-target.js';
import { customerPlan } from './customer-plan.js';
import { renderSubject, subjectValues } from './subject-template.js';
import { recordTags } from './tags.js';
import { creationFields, mapCustomData } from './record-fields.js';
import { detailsNote } from './notes.js';

export type OpenReason = 'normal' | 'abandoned' | 'voicemail';

/**
 * Where the session's record goes:
 * - a record the contact center already linked to this session: that one;
 * - abandoned sessions (REC-5/REC-6, KUS-5): always a new record;
 * - outbound calls (KUS-6): the customer's latest record if open, else new;
 * - callbacks (KUS-6): the record of the earlier session, else the rules below;
 * - REC-1 on: the latest record from the same leaf queue and channel if open (REC-2: or closed
 *   within N days); otherwise new.
 */
export function targetPolicy(s: Session, settings: Settings, reason: OpenReason, known: RecordLink | null): TargetPolicy {
  if (known) return { kind: 'existing', recordId: known.recordId };
  // KUS-5: abandoned sessions and voicemails always make a new record.
  if (reason !== 'normal') return { kind: 'new' };
  const rc = settings.recordCreation;
  const rules: TargetPolicy =
    s.type === 'voice_outbound'
      ? { kind: 'latestOpen' }
      : rc.appendToOpenRecordSameLeafQueue && s.queue
        ? { kind: 'sameLeafQueue', leafQueueId: s.queue.id, channel: s.channel, reopenWithinDays: rc.appendToClosedWithinDays || null }
        : { kind: 'new' };
  if (s.callback) return { kind: 'sessionRecord', ofKey: s.callback.ofSessionId, fallback: rules };
  return rules;
}

export function openRecordIntent(
  s: Session,
  state: { settings: Settings; me: { crmUserId: string | null } | null },
  ctx: DecideContext,
  reason: OpenReason,
  known: RecordLink | null,
  key: string = s.id,
): Intent {
  const { settings } = state;
  const plan = customerPlan(s.customer, key, ctx.defaultCountry, settings.customFields);
  const unmapped = mapCustomData(s.customData, settings.customDataMapping).unmapped;
  const assignee = reason === 'normal' ? (state.me?.crmUserId ?? null) : null;
  return {
    kind: 'openRecord',
    key,
    sessionId: reason === 'voicemail' ? null : s.id,
    customer: plan,
    target: targetPolicy(s, settings, reason, known),
    record: {
      subject: renderSubject(settings.recordCreation.subjectTemplate, subjectValues(s), ctx.crmKind),
      channel: s.channel,
      sessionType: s.type,
      direction: s.type === 'voice_outbound' ? 'out' : 'in',
      tags: recordTags(s.type, ctx.crmKind, settings.recordCreation),
      fields: creationFields(s, settings, plan.query.phoneE164),
      leafQueueId: s.queue?.id ?? null,
      assigneeUserId: assignee,
      startedAt: s.startedAt,
    },
    note: {
      created: detailsNote(s, plan.query.phoneE164, plan.query.phoneRaw, unmapped, false),
      appended: detailsNote(s, plan.query.phoneE164, plan.query.phoneRaw, unmapped, true),
    },
    assignCustomer: assignee !== null,
  };
}
