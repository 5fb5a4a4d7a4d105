// Pure parts of the Zendesk emulator: phone matching, idempotency fingerprints, the search
// query parser, tag normalisation.
import { describe, expect, it } from 'vitest';
import { phoneMatches } from '../../../emulators/zendesk/index.js';
import { canonical } from '../../../emulators/zendesk/idempotency.js';
import { parseQuery } from '../../../emulators/zendesk/routes/search.js';
import { mergeTags, normalizeTags } from '../../../emulators/zendesk/ticket-ops.js';

describe('Zendesk emulator pure modules', () => {
  it('phone: digits match exactly; a leading * matches a suffix', () => {
    expect(phoneMatches('+1 (415) 555-0100', '14155550100')).toBe(true);
    expect(phoneMatches('(415) 555-0100', '14155550100')).toBe(false);
    expect(phoneMatches('(415) 555-0100', '*4155550100')).toBe(true);
    expect(phoneMatches(null, '*1')).toBe(false);
    expect(phoneMatches('+14155550100', '*')).toBe(false);
  });

  it('canonical JSON ignores key order but not values', () => {
    expect(canonical({ a: 1, b: { c: [1, 2], d: null } })).toBe(canonical({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(canonical({ a: [1, 2] })).not.toBe(canonical({ a: [2, 1] }));
  });

  it('parses search terms, operators, negation, quotes and free text', () => {
    expect(parseQuery('type:ticket status<solved -tags:vip subject:"late delivery" refund')).toEqual([
      { neg: false, key: 'type', op: ':', value: 'ticket' },
      { neg: false, key: 'status', op: '<', value: 'solved' },
      { neg: true, key: 'tags', op: ':', value: 'vip' },
      { neg: false, key: 'subject', op: ':', value: 'late delivery' },
      { neg: false, key: null, op: ':', value: 'refund' },
    ]);
    expect(parseQuery('created>=2026-03-01')[0]).toMatchObject({ key: 'created', op: '>=', value: '2026-03-01' });
  });

  it('tags are lower case, split on spaces, unique; merge adds then removes', () => {
    expect(normalizeTags(['Voice Inbound', 'voice', 'A,b'])).toEqual(['voice', 'inbound', 'a', 'b']);
    expect(mergeTags(['a', 'b'], ['c', 'A'], ['b'])).toEqual(['a', 'c']);
  });
});
