// Pure parts of the Kustomer adapter and the shared HTTP client.
import { describe, expect, it } from 'vitest';
import { kindForStatus, parseRetryAfter } from '../../../main/adapters/crm/http-client.js';
import { describeKustomerError, kustomerTags, newConversationBody, newCustomerBody, toCustom, toSummary } from '../../../main/adapters/crm/kustomer/mapping.js';
import { readRateLimit, resetAtFrom } from '../../../main/adapters/crm/kustomer/rate-limit.js';

describe('Kustomer adapter mapping', () => {
  it('KUS-2: coerces engine fields to the suffix types and reports what it cannot map', () => {
    const { custom, dropped } = toCustom({
      queueNameStr: 'Billing', longTxt: 'x'.repeat(2000), callDurationNum: '61', csatRatingNum: 'five', vipBool: 'true', startedAt: '2025-03-01T10:00:00+09:00',
      recordingUrl: 'https://r.example/1', ownerId: 'nope', clearedStr: null, noSuffix: 'x',
    });
    expect(custom).toEqual({ queueNameStr: 'Billing', longTxt: 'x'.repeat(1024), callDurationNum: 61, vipBool: true, startedAt: '2025-03-01T01:00:00.000Z', recordingUrl: 'https://r.example/1', clearedStr: null });
    expect(dropped.map((d) => d.split(':')[0])).toEqual(['csatRatingNum', 'ownerId', 'noSuffix']);
  });

  it('REC-8/REC-9: keeps tags within Kustomer\'s tag pattern, unique and at most 20', () => {
    expect(kustomerTags(['Voice Inbound - IVR', 'voice inbound - ivr', 'Messaging (Web)', ' ', 'a|b'])).toEqual(['Voice Inbound - IVR', 'Messaging Web', 'a b']);
    expect(kustomerTags(Array.from({ length: 25 }, (_, i) => `t${i}`))).toHaveLength(20);
  });

  it('builds customer and conversation bodies with only the fields that have values', () => {
    expect(newCustomerBody({ phoneE164: null, phoneRaw: 'unknown', identifier: null, email: 'not-an-email', name: null, key: 'k', fields: {} }, {})).toEqual({});
    expect(newCustomerBody({ phoneE164: null, phoneRaw: '02-555-0100', identifier: 'u1', email: 'a@b.example', name: 'N', key: 'k', fields: {} }, { xStr: 'y' })).toEqual({
      name: 'N', externalId: 'u1', phones: [{ type: 'mobile', phone: '02-555-0100' }], emails: [{ type: 'other', email: 'a@b.example' }], custom: { xStr: 'y' },
    });
    const body = newConversationBody(
      { externalId: 's', customerId: 'c', subject: 'S'.repeat(300), channel: 'chat', sessionType: 'chat_inbound_web', direction: 'in', tags: [], fields: {}, leafQueueId: null, assigneeUserId: null, startedAt: '' },
      {},
    );
    expect(body).toEqual({ customer: 'c', externalId: 's', name: 'S'.repeat(256), direction: 'in', custom: { agentdeskChannelStr: 'chat' } });
  });

  it('REC-1/REC-2: maps a conversation to a record summary', () => {
    const base = { id: 'c1', attributes: { status: 'snoozed' as const, createdAt: '2025-01-01T00:00:00.000Z' } };
    expect(toSummary(base)).toEqual({ id: 'c1', status: 'open', createdAt: '2025-01-01T00:00:00.000Z', closedAt: null, leafQueueId: null, channel: null, externalId: null, tags: [] });
    expect(toSummary({ id: 'c3', attributes: { ...base.attributes, tags: ['Voice Inbound - IVR', 7] } }).tags).toEqual(['Voice Inbound - IVR']);
    const done = toSummary({ id: 'c2', attributes: { status: 'done', createdAt: '2025-01-01T00:00:00.000Z', externalId: 'e', lastDone: { createdAt: '2025-01-02T00:00:00.000Z' }, custom: { agentdeskLeafQueueStr: 'q', agentdeskChannelStr: 'fax' } } });
    expect(done).toMatchObject({ status: 'closed', closedAt: '2025-01-02T00:00:00.000Z', leafQueueId: 'q', channel: null, externalId: 'e' });
  });

  it('reads both Kustomer error shapes', () => {
    expect(describeKustomerError(400, { errors: [{ status: '400', code: 'bad_request', detail: 'bad thing', source: { pointer: '/name' } }] })).toBe('bad_request: bad thing (at /name)');
    expect(describeKustomerError(400, { errors: [{ code: 'bad_request', message: 'legacy message' }] })).toBe('bad_request: legacy message');
    expect(describeKustomerError(502, '<html>')).toBeNull();
  });
});

describe('HTTP client helpers and rate-limit headers', () => {
  it('maps statuses to CrmError kinds', () => {
    expect([429, 500, 503, 409, 401, 403, 404, 400, 413, 422].map(kindForStatus)).toEqual([
      'rate_limited', 'transient', 'transient', 'conflict', 'auth', 'auth', 'not_found', 'invalid', 'invalid', 'invalid',
    ]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('reads x-ratelimit-reset as seconds from now or an epoch time', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(resetAtFrom('30', now)).toBe(now + 30_000);
    expect(resetAtFrom(String(now / 1000 + 5), now)).toBe(now + 5000);
    expect(resetAtFrom(String(now + 9000), now)).toBe(now + 9000);
    const h = new Headers({ 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '3' });
    expect(readRateLimit(h, now)).toEqual({ limit: 1000, remaining: 12, resetAt: now + 3000, observedAt: now });
    expect(readRateLimit(new Headers(), now)).toBeNull();
  });
});
