// KUS-2 (standard fields), KUS-3 (standard data) and KUS-4 (SDK custom data): which CRM field
// receives what. The admin's mapping names the CRM field; an unmapped standard field is not
// written (PROTOCOL.md "customFields").
import type { Session, Settings, StandardRecordField } from '../../../common/protocol/index.js';
import type { FieldMap, FieldValue } from '../crm-port.js';
import { sessionTypeDisplayName } from './session-labels.js';

export function mapStandardFields(
  values: Partial<Record<StandardRecordField, FieldValue>>,
  mapping: Settings['customFields']['record'],
): FieldMap {
  const out: FieldMap = {};
  for (const [field, value] of Object.entries(values) as [StandardRecordField, FieldValue][]) {
    const target = mapping[field];
    if (target && value !== undefined) out[target] = value;
  }
  return out;
}

/** Fields a new record carries (KUS-2 + KUS-3 + KUS-4). */
export function creationFields(s: Session, settings: Settings, outboundE164: string | null): FieldMap {
  const standard = mapStandardFields(
    {
      queueName: s.queue?.name ?? null,
      sessionType: sessionTypeDisplayName(s.type),
      sessionId: s.id,
      outboundPhoneNumber: s.type === 'voice_outbound' ? outboundE164 ?? s.customer.phone : undefined,
      menuSelection: s.menuPath,
      inWebEmail: s.inWebEmail ?? undefined,
    },
    settings.customFields.record,
  );
  return { ...standard, ...mapCustomData(s.customData, settings.customDataMapping).fields };
}

/** KUS-4: SDK custom data into the fields the admin mapped; the rest is kept for the details note. */
export function mapCustomData(
  data: Session['customData'],
  mapping: Settings['customDataMapping'],
): { fields: FieldMap; unmapped: [string, FieldValue][] } {
  const fields: FieldMap = {};
  const unmapped: [string, FieldValue][] = [];
  for (const [key, value] of Object.entries(data)) {
    const target = mapping[key];
    if (target) fields[target] = value;
    else unmapped.push([key, value]);
  }
  return { fields, unmapped };
}

/** Fields written when a session ends (KUS-2 call duration, wait time, hold time). */
export function endFields(e: { durationSec: number; waitSec: number; holdSec: number }, settings: Settings): FieldMap {
  return mapStandardFields(
    { callDuration: e.durationSec, waitTime: e.waitSec, holdTime: e.holdSec },
    settings.customFields.record,
  );
}

export function csatFields(rating: number, comment: string | null, settings: Settings): FieldMap {
  return mapStandardFields({ csatRating: rating, csatComment: comment }, settings.customFields.record);
}
