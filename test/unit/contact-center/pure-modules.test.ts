// Pure parts of the contact-center simulator: tokens, queue tree, deep merge, WAV, options.
import { describe, expect, it } from 'vitest';
import { parseDevToken } from '../../../emulators/contact-center/auth-token.js';
import { deepMerge } from '../../../emulators/contact-center/deep-merge.js';
import { DEFAULT_QUEUES, DEFAULT_STATUSES } from '../../../emulators/contact-center/default-data.js';
import { normalizePhone } from '../../../emulators/contact-center/intake.js';
import { resolveOptions } from '../../../emulators/contact-center/options.js';
import { menuPath, QueueTree } from '../../../emulators/contact-center/queue-tree.js';
import { scaledClock } from '../../../emulators/contact-center/time.js';
import { makeWav } from '../../../emulators/contact-center/wav.js';

describe('parseDevToken', () => {
  it.each([
    ['dev:Agent1@Acme.test', { email: 'agent1@acme.test', roles: null }],
    ['dev:o@acme.test:orchestrator', { email: 'o@acme.test', roles: ['orchestrator'] }],
    ['dev:s@acme.test:agent,supervisor,agent', { email: 's@acme.test', roles: ['agent', 'supervisor'] }],
    ['dev:boss@acme.test:agent,admin', { email: 'boss@acme.test', roles: ['agent', 'admin'] }],
  ])('accepts %s', (token, value) => {
    expect(parseDevToken(token)).toEqual({ ok: true, value });
  });

  it.each([
    [undefined, /missing/],
    ['', /missing/],
    ['jwt:abc', /dev:<email>/],
    ['dev:nobody', /not an e-mail/],
    ['dev:a@b.c:root', /unknown role "root"/],
    ['dev:a@b.c:agent:extra', /dev:<email>/],
  ])('rejects %s', (token, error) => {
    const r = parseDevToken(token);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('QueueTree', () => {
  const tree = new QueueTree(DEFAULT_QUEUES.map((q) => ({ ...q, parent: q.parent ?? null })));

  it('derives path, leaf and menuPath', () => {
    expect(tree.get('q-billing')).toEqual({ id: 'q-billing', name: 'Billing', path: ['Support', 'Billing'], leaf: true });
    expect(tree.get('q-support')?.leaf).toBe(false);
    expect(menuPath(tree.get('q-new-orders')!)).toBe('Sales > New orders');
    expect(tree.isWithin('q-billing', 'q-support')).toBe(true);
    expect(tree.isWithin('q-billing', 'q-sales')).toBe(false);
  });

  it('rejects unknown parents, duplicates and cycles', () => {
    expect(() => new QueueTree([{ id: 'a', name: 'A', parent: 'zz' }])).toThrow(/unknown parent/);
    expect(() => new QueueTree([{ id: 'a', name: 'A', parent: null }, { id: 'a', name: 'B', parent: null }])).toThrow(/duplicate/);
    expect(() => new QueueTree([{ id: 'a', name: 'A', parent: 'b' }, { id: 'b', name: 'B', parent: 'a' }])).toThrow(/cycle/);
  });
});

describe('deepMerge', () => {
  it('merges plain objects, replaces arrays and scalars, ignores undefined', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', e: { f: true } };
    expect(deepMerge(base, { a: { c: [3] }, d: undefined, e: null })).toEqual({ a: { b: 1, c: [3] }, d: 'x', e: null });
    expect(base.a.c).toEqual([1, 2]);
  });

  it('does not let a patch reach the prototype', () => {
    const merged = deepMerge({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(merged.polluted).toBeUndefined();
  });
});

describe('makeWav', () => {
  it('builds a RIFF/WAVE PCM header whose sizes match the data', () => {
    const wav = makeWav(0.25);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt16LE(20)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt32LE(40)).toBe(2000 * 2);
  });
});

describe('normalizePhone', () => {
  it('strips separators and keeps the leading +', () => {
    expect(normalizePhone('+82 10-1234-5678')).toBe('+821012345678');
    expect(normalizePhone('(02) 1588.1234')).toBe('0215881234');
  });
});

describe('scaledClock', () => {
  it('runs `speed` times faster than its base', () => {
    let t = 1_000;
    const c = scaledClock(10, { now: () => t });
    t += 50;
    expect(c.now()).toBe(1_500);
  });
});

describe('resolveOptions', () => {
  it('applies defaults and merges settings on the schema defaults', () => {
    const o = resolveOptions({ settings: { recordCreation: { abandonedCalls: true } }, log: () => {} });
    expect(o).toMatchObject({ host: '127.0.0.1', port: 0, shortAbandonSec: 10, chatCapacity: 3, replayBufferSize: 2000, validateOutgoing: true });
    expect(o.settings.recordCreation).toMatchObject({ abandonedCalls: true, appendToOpenRecordSameLeafQueue: true });
    expect(o.agents.map((a) => a.email)).toContain('agent1@acme.test');
  });

  it('explains bad options', () => {
    expect(() => resolveOptions({ chatCapacity: 0 })).toThrow(/chatCapacity/);
    expect(() => resolveOptions({ settings: { crm: { kind: 'hubspot' as 'kustomer' } } })).toThrow(/crm\.kind|kind/);
    expect(() => resolveOptions({ statuses: DEFAULT_STATUSES.filter((s) => s.id !== 'wrap_up') })).toThrow(/wrap_up/);
    const dup = { id: 'x', email: 'agent1@acme.test', name: 'X', roles: ['agent' as const] };
    expect(() => resolveOptions({ agents: [dup, { ...dup, id: 'y' }] })).toThrow(/duplicate e-mail/);
    expect(() => resolveOptions({ bogus: 1 } as never)).toThrow(/bogus/);
  });
});
