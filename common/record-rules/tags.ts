// REC-8 (session-type tag) and REC-9 (platform tag), formatted per CRM.
import type { CrmKind, SessionType, RecordCreationSettings } from '../protocol/index.js';
import { SESSION_TYPE_NAME, sessionTypeDisplayName } from './session-labels.js';

/** Zendesk tags: lower snake case, only [a-z0-9_] ("Voice Inbound (IVR)" -> voice_inbound_ivr). */
export function zendeskTag(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Kustomer tags: "Voice Inbound - IVR"; only the characters Kustomer's tag pattern allows. */
export function kustomerTag(text: string): string {
  return text
    .replace(/[^0-9a-zA-ZÀ-ÿ _/<>\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 64);
}

/**
 * The session-type tag in the CRM's own format (REC-8). Salesforce has no tags: the value is
 * the display name, which the Salesforce adapter writes to the field the admin chose.
 */
export function sessionTypeTag(type: SessionType, crm: CrmKind): string {
  const { family, variant } = SESSION_TYPE_NAME[type];
  switch (crm) {
    case 'zendesk':
      return zendeskTag(sessionTypeDisplayName(type));
    case 'kustomer':
      return kustomerTag(variant ? `${family} - ${variant}` : family);
    case 'freshdesk':
    case 'salesforce':
      return sessionTypeDisplayName(type);
  }
}

/** The platform tag (REC-9) in the CRM's format; null when the admin turned it off. */
export function platformTag(tag: string | null, crm: CrmKind): string | null {
  const raw = (tag ?? '').trim();
  if (!raw) return null;
  if (crm === 'zendesk') return zendeskTag(raw) || null;
  if (crm === 'kustomer') return kustomerTag(raw) || null;
  return raw;
}

/** Every tag a new record gets under the current settings, without duplicates. */
export function recordTags(type: SessionType, crm: CrmKind, rc: Pick<RecordCreationSettings, 'sessionTypeTag' | 'platformTag'>): string[] {
  const tags: string[] = [];
  if (rc.sessionTypeTag) tags.push(sessionTypeTag(type, crm));
  const p = platformTag(rc.platformTag, crm);
  if (p) tags.push(p);
  return [...new Set(tags)];
}
