// KUS-2: Kustomer's custom attribute type-suffix rules, as the emulator enforces them.
import { describe, expect, it } from 'vitest';
import { checkCustom, suffixOf } from '../../../emulators/kustomer/index.js';
import { defaultDisplayName } from '../../../emulators/kustomer/custom-attributes.js';

describe('Kustomer custom attributes (KUS-2)', () => {
  it('reads the type from the name suffix', () => {
    expect(['queueNameStr', 'notesTxt', 'callDurationNum', 'recordedAtAt', 'vipBool', 'recordingUrl', 'ownerId'].map(suffixOf)).toEqual(['Str', 'Txt', 'Num', 'At', 'Bool', 'Url', 'Id']);
    expect(['queueName', 'Str', 'QueueStr', 'queue_nameStr'].map(suffixOf)).toEqual([null, null, null, null]);
  });

  it('accepts values of the suffix type and null, and names what it refuses', () => {
    expect(checkCustom({ aStr: 'x'.repeat(1024), bTxt: 'l1\nl2', cNum: 1.5, dAt: '2025-01-01T00:00:00Z', eBool: false, fUrl: 'https://x.example/a', gId: '64b0000000000000000000a1', hStr: null })).toEqual([]);
    const issues = checkCustom({ aStr: 'x'.repeat(1025), cNum: '1', dAt: '2025-01-01', eBool: 1, fUrl: 'nope', gId: 'short', plain: 1 });
    expect(issues.map((i) => i.name).sort()).toEqual(['aStr', 'cNum', 'dAt', 'eBool', 'fUrl', 'gId', 'plain']);
  });

  it('needs metadata for Id attributes and caps the number of attributes', () => {
    expect(checkCustom({ ownerId: '64b0000000000000000000a1' }, () => false)[0]?.message).toContain('metadata');
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}Str`, 'x']));
    expect(checkCustom(many)).toHaveLength(1);
  });

  it('title-cases the stem for the default displayName', () => {
    expect(defaultDisplayName('totalOrdersNum')).toBe('Total Orders');
    expect(defaultDisplayName('csatCommentTxt')).toBe('Csat Comment');
  });
});
