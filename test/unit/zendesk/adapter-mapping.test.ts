// Pure parts of the Zendesk adapter: stamps (REC-1), tags (REC-8/REC-9), the record summary
// (REC-1/REC-2 open/closed, solve time, reopenable), phone formats and caller matching (KUS-8),
// custom field values, error text, idempotency keys, the per-ticket update guard.
import { describe, expect, it } from 'vitest';
import {
  coerceFieldValue, decodeTagValue, describeZendeskError, encodeTagValue, idempotencyKey, phoneSearchTerm, phoneToWrite, pickCaller, readStamps, stampTags, TicketRateLimited, TicketUpdateGuard, toSummary, zendeskTags,
} from '../../../main/adapters/crm/zendesk/index.js';
import { zendeskTag } from '../../../main/engine/orchestration/tags.js';
import type { Ticket, TicketField } from '../../../main/adapters/crm/zendesk/replies.js';

const ticket = (over: Partial<Ticket>): Ticket => ({
  id: 5, status: 'open', created_at: '2026-03-01T10:00:00Z', updated_at: '2026-03-02T10:00:00Z', external_id: 'S-1', tags: [], custom_fields: [], followup_ids: [], ...over,
});

describe('stamps (REC-1)', () => {
  it.each(['q-billing', 'Q_Chat/Web 2', '한국어 큐', 'plain123', ''])('encodes "%s" in Zendesk\'s tag alphabet and decodes it back', (id) => {
    const enc = encodeTagValue(id);
    expect(enc).toMatch(/^[a-z0-9_]*$/);
    expect(zendeskTag(`x${enc}`)).toBe(`x${enc}`); // survives the engine's tag formatting unchanged
    expect(decodeTagValue(enc)).toBe(id);
  });

  it('reads stamps from the configured fields first, then from tags; an unknown channel is null', () => {
    const tags = stampTags('q-billing', 'voice');
    expect(tags).toEqual(['agentdesk_channel_voice', 'agentdesk_queue_q_2dbilling']);
    expect(readStamps({ kind: 'tags' }, { tags, custom_fields: [] })).toEqual({ leafQueueId: 'q-billing', channel: 'voice' });
    const cfg = { kind: 'fields' as const, leafQueueFieldId: 1, channelFieldId: 2 };
    expect(readStamps(cfg, { tags, custom_fields: [{ id: 1, value: 'q-field' }, { id: 2, value: 'chat' }] })).toEqual({ leafQueueId: 'q-field', channel: 'chat' });
    expect(readStamps(cfg, { tags: ['agentdesk_channel_fax', 'agentdesk_queue_bad_zz'], custom_fields: [] })).toEqual({ leafQueueId: null, channel: null });
  });
});

describe('tags (REC-8, REC-9)', () => {
  it('keeps the engine\'s lower snake case, cleans anything else, drops duplicates and empties', () => {
    expect(zendeskTags(['voice_inbound_ivr', 'AgentDesk', 'Voice Inbound (IVR)', '  ', 'agentdesk'])).toEqual(['voice_inbound_ivr', 'agentdesk']);
  });
});

describe('record summary (REC-1, REC-2)', () => {
  const metrics = new Map([[5, { ticket_id: 5, solved_at: '2026-03-02T09:00:00Z' }]]);
  it.each([
    ['new', 'open'],
    ['open', 'open'],
    ['pending', 'open'],
    ['hold', 'open'],
    ['solved', 'closed'],
    ['closed', 'closed'],
  ] as const)('%s is %s', (status, expected) => {
    expect(toSummary(ticket({ status }), metrics, { kind: 'tags' }).status).toBe(expected);
  });

  it('closedAt is the solve time from ticket metrics (updated_at when metrics are missing); only closed tickets are not reopenable', () => {
    expect(toSummary(ticket({ status: 'solved' }), metrics, { kind: 'tags' })).toMatchObject({ closedAt: '2026-03-02T09:00:00Z' });
    expect(toSummary(ticket({ status: 'solved' }), metrics, { kind: 'tags' }).reopenable).toBeUndefined();
    expect(toSummary(ticket({ status: 'closed' }), new Map(), { kind: 'tags' })).toMatchObject({ closedAt: '2026-03-02T10:00:00Z', reopenable: false });
    expect(toSummary(ticket({ status: 'open' }), metrics, { kind: 'tags' })).toMatchObject({ id: '5', closedAt: null, externalId: 'S-1' });
  });
});

describe('phones (KUS-8)', () => {
  const q = { phoneE164: '+821012345678', phoneRaw: '010 1234 5678' };
  it('writes the number in the admin\'s format', () => {
    expect(phoneToWrite(q, 'e164')).toBe('+821012345678');
    expect(phoneToWrite(q, 'national')).toBe('010-1234-5678');
    expect(phoneToWrite(q, 'as_dialled')).toBe('010 1234 5678');
    expect(phoneToWrite({ phoneE164: null, phoneRaw: 'ext. 12' }, 'e164')).toBeNull();
    expect(phoneToWrite({ phoneE164: null, phoneRaw: '12345' }, 'national')).toBe('12345');
  });

  it('searches the national significant number with Zendesk\'s * (any stored format), or the digits of an unparsed number', () => {
    expect(phoneSearchTerm(q)).toBe('phone:*1012345678');
    expect(phoneSearchTerm({ phoneE164: null, phoneRaw: '#12-34' })).toBeNull();
    expect(phoneSearchTerm({ phoneE164: null, phoneRaw: '1588-1234' })).toBe('phone:15881234');
  });

  it('picks the exact number first, then one that cannot be read as another number; never a valid different number', () => {
    const users = [
      { id: 1, phone: '+1 210 123 45678' },
      { id: 2, phone: '+49 201 012 345678' },
      { id: 3, phone: '010-1234-5678' },
      { id: 4, phone: null },
    ];
    expect(pickCaller(users, q)?.id).toBe(3);
    expect(pickCaller([users[3]!, users[1]!], q)?.id).toBe(4);
    expect(pickCaller([{ id: 9, phone: '+49 2 1012 345678' }], { phoneE164: '+821012345678', phoneRaw: null })).toBeNull();
  });
});

describe('custom field values', () => {
  const f = (type: string, extra: Partial<TicketField> = {}): TicketField => ({ id: 1, type, title: 'F', active: true, removable: true, ...extra });
  it.each([
    ['text', 95, '95'],
    ['integer', '95', 95],
    ['integer', 'ninety', undefined],
    ['decimal', '2.5', 2.5],
    ['checkbox', 'true', true],
    ['checkbox', 'maybe', undefined],
    ['date', '2026-03-01T23:00:00Z', '2026-03-01'],
  ] as const)('%s field: %j -> %j', (type, v, out) => {
    expect(coerceFieldValue(f(type), v)).toBe(out);
  });

  it('drop-downs take an option value or name; multi-selects a comma list; regexp fields must match', () => {
    const opts = { custom_field_options: [{ name: 'Gold tier', value: 'gold' }, { name: 'Silver', value: 'silver' }] };
    expect(coerceFieldValue(f('tagger', opts), 'GOLD TIER')).toBe('gold');
    expect(coerceFieldValue(f('tagger', opts), 'bronze')).toBeUndefined();
    expect(coerceFieldValue(f('multiselect', opts), 'gold,Silver')).toEqual(['gold', 'silver']);
    expect(coerceFieldValue(f('regexp', { regexp_for_validation: '^A-\\d+$' }), 'A-77')).toBe('A-77');
    expect(coerceFieldValue(f('regexp', { regexp_for_validation: '^A-\\d+$' }), 'B-77')).toBeUndefined();
  });
});

describe('errors, keys and the per-ticket guard', () => {
  it('describes Zendesk\'s error shapes', () => {
    expect(describeZendeskError(422, { error: 'RecordInvalid', description: 'Record validation errors', details: { status: [{ description: 'Status: closed prevents ticket update' }] } })).toBe(
      'RecordInvalid: Record validation errors (status: Status: closed prevents ticket update)',
    );
    expect(describeZendeskError(401, { error: "Couldn't authenticate you" })).toBe("Couldn't authenticate you");
    expect(describeZendeskError(500, 'text')).toBeNull();
  });

  it('derives Idempotency-Keys of at most 255 characters', () => {
    expect(idempotencyKey('ticket', 'S-1')).toBe('agentdesk:ticket:S-1');
    const long = idempotencyKey('ticket', 'x'.repeat(300));
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long).toBe(idempotencyKey('ticket', 'x'.repeat(300)));
  });

  it('the guard allows max updates per window per ticket and tells how long to wait', () => {
    let now = 0;
    const g = new TicketUpdateGuard(2, 1000, () => now);
    g.take(1);
    now = 400;
    g.take(1);
    g.take(2);
    expect(() => g.take(1)).toThrow(TicketRateLimited);
    try {
      g.take(1);
    } catch (e) {
      expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 600, scope: 'record' });
    }
    now = 1000;
    expect(() => g.take(1)).not.toThrow();
  });
});
