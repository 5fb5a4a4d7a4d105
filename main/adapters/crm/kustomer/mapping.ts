// Pure mappings between the CRM port and Kustomer's API shapes.
import type { Channel } from '../../../../common/protocol/index.js';
import type { CrmRecordSummary, FieldMap, FieldValue, NewCustomer, NewRecord } from '../../../engine/crm-port.js';
import { errorReply, type ConversationResource } from './replies.js';

/** AgentDesk's own stamps on conversations, so listRecentRecords can report leaf queue and channel (REC-1). */
export const STAMP_LEAF_QUEUE = 'agentdeskLeafQueueStr';
export const STAMP_CHANNEL = 'agentdeskChannelStr';

const CUSTOM_NAME = /^[a-z][a-zA-Z0-9]*(Str|Txt|Num|At|Bool|Url|Id)$/;
const TEXT_MAX = 1024;
const TAG_ALLOWED = /[^0-9a-zA-ZÀ-ÿ _/<>\-.]+/g;
const CHANNELS: readonly Channel[] = ['voice', 'chat'];
export const NAME_MAX = 256;
export const NOTE_MAX = 10240;

/** Kustomer's tag pattern: letters, digits, space, _ / < > - .; not starting with a space; 64 chars; at most 20. */
export function kustomerTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const clean = t.replace(TAG_ALLOWED, ' ').replace(/\s+/g, ' ').trim().slice(0, 64).trim();
    if (clean && !out.some((o) => o.toLowerCase() === clean.toLowerCase())) out.push(clean);
  }
  return out.slice(0, 20);
}

/** One field value in the type its name's suffix demands, or undefined when it cannot be. */
function coerce(suffix: string, v: Exclude<FieldValue, null>): FieldValue | undefined {
  switch (suffix) {
    case 'Str':
    case 'Txt':
      return String(v).slice(0, TEXT_MAX);
    case 'Num': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'Bool':
      return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
    case 'At': {
      const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
      return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
    }
    case 'Url':
      return typeof v === 'string' && URL.canParse(v) ? v : undefined;
    case 'Id':
      return typeof v === 'string' && /^[0-9a-f]{24}$/i.test(v) ? v : undefined;
    default:
      return undefined;
  }
}

/**
 * Engine fields -> Kustomer `custom`, by the type-suffix rules (KUS-2/KUS-4). A field whose name
 * has no valid suffix, or whose value cannot take the suffix's type, is left out and reported,
 * so one bad mapping does not make Kustomer refuse the whole record.
 */
export function toCustom(fields: FieldMap): { custom: Record<string, FieldValue>; dropped: string[] } {
  const custom: Record<string, FieldValue> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const suffix = CUSTOM_NAME.exec(name)?.[1];
    if (!suffix) {
      dropped.push(`${name}: not a Kustomer custom attribute name (camelCase with a Str/Txt/Num/At/Bool/Url/Id suffix)`);
      continue;
    }
    if (value === null) {
      custom[name] = null;
      continue;
    }
    const v = coerce(suffix, value);
    if (v === undefined) dropped.push(`${name}: ${JSON.stringify(value)} is not a valid ${suffix} value`);
    else custom[name] = v;
  }
  return { custom, dropped };
}

const isEmail = (s: string) => /^[^\s@]+@[^\s@]+$/.test(s);
const isPhoneLike = (s: string) => /^\+?[\d\s().\-/]+$/.test(s) && s.replace(/\D/g, '').length >= 3 && s.replace(/\D/g, '').length <= 20;

/** The phone to look up / store: E.164 when known (KUS-8), else the raw number if it looks like one. */
export function customerPhone(q: { phoneE164: string | null; phoneRaw: string | null }): string | null {
  if (q.phoneE164) return q.phoneE164;
  return q.phoneRaw && isPhoneLike(q.phoneRaw.trim()) ? q.phoneRaw.trim() : null;
}

export function newCustomerBody(c: NewCustomer, custom: Record<string, FieldValue>): Record<string, unknown> {
  const phone = customerPhone(c);
  return {
    ...(c.name ? { name: c.name.slice(0, NAME_MAX) } : {}),
    ...(c.identifier ? { externalId: c.identifier.slice(0, 256) } : {}),
    ...(phone ? { phones: [{ type: 'mobile', phone }] } : {}),
    ...(c.email && isEmail(c.email) ? { emails: [{ type: 'other', email: c.email }] } : {}),
    ...(Object.keys(custom).length ? { custom } : {}),
  };
}

export function newConversationBody(r: NewRecord, custom: Record<string, FieldValue>): Record<string, unknown> {
  const tags = kustomerTags(r.tags);
  return {
    customer: r.customerId,
    externalId: r.externalId,
    name: r.subject.slice(0, NAME_MAX),
    direction: r.direction,
    ...(tags.length ? { tags } : {}),
    ...(r.assigneeUserId ? { assignedUsers: [r.assigneeUserId] } : {}),
    custom: {
      ...custom,
      [STAMP_CHANNEL]: r.channel,
      ...(r.leafQueueId ? { [STAMP_LEAF_QUEUE]: r.leafQueueId.slice(0, TEXT_MAX) } : {}),
    },
  };
}

/** Kustomer statuses open/snoozed are open; done is closed; closedAt is lastDone.createdAt. */
export function toSummary(c: ConversationResource): CrmRecordSummary {
  const a = c.attributes;
  const channel = a.custom?.[STAMP_CHANNEL];
  const leaf = a.custom?.[STAMP_LEAF_QUEUE];
  return {
    id: c.id,
    status: a.status === 'done' ? 'closed' : 'open',
    createdAt: a.createdAt,
    closedAt: a.lastDone?.createdAt ?? null,
    leafQueueId: typeof leaf === 'string' && leaf ? leaf : null,
    channel: CHANNELS.includes(channel as Channel) ? (channel as Channel) : null,
    externalId: a.externalId ?? null,
    tags: Array.isArray(a.tags) ? a.tags.filter((t): t is string => typeof t === 'string') : [],
  };
}

/** Kustomer's error message(s) from an error reply, with codes and the field they point at. */
export function describeKustomerError(_status: number, json: unknown): string | null {
  const parsed = errorReply.safeParse(json);
  if (!parsed.success || parsed.data.errors.length === 0) return null;
  return parsed.data.errors
    .map((e) => {
      const text = e.detail ?? e.message ?? e.title ?? 'error';
      const where = e.source?.pointer ?? e.source?.parameter;
      return `${e.code ? `${e.code}: ` : ''}${text}${where && !text.includes(where) ? ` (at ${where})` : ''}`;
    })
    .join('; ');
}
