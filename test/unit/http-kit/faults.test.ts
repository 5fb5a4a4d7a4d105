import { describe, expect, it } from 'vitest';
import { compilePathGlob, FaultInjector } from '../../../emulators/http-kit/index.js';

describe('http-kit fault injector', () => {
  it('matches method and path patterns ({param}, *, **)', () => {
    expect(compilePathGlob('/v1/conversations/{id}/notes').test('/v1/conversations/abc/notes')).toBe(true);
    expect(compilePathGlob('/v1/conversations/*/notes').test('/v1/conversations/abc/tags')).toBe(false);
    expect(compilePathGlob('/v1/**').test('/v1/a/b/c')).toBe(true);
    expect(compilePathGlob('/v1/customers/phone=*').test('/v1/customers/phone=%2B1')).toBe(true);
    const f = new FaultInjector();
    f.add({ method: 'post', path: '/v1/x', kind: 'drop' });
    expect(f.take('GET', '/v1/x')).toBeNull();
    expect(f.take('POST', '/v1/x')?.kind).toBe('drop');
  });

  it('fires `times` times (default once), unlimited with times: null, first match first', () => {
    const f = new FaultInjector();
    f.add([
      { path: '/a', kind: 'status', status: 500, times: 2 },
      { path: '/a', kind: 'drop', times: null },
    ]);
    expect([1, 2, 3, 4].map(() => f.take('GET', '/a')?.kind)).toEqual(['status', 'status', 'drop', 'drop']);
    f.clear();
    f.add({ path: '/b', kind: 'delay', delayMs: 1 });
    expect([f.take('GET', '/b')?.kind, f.take('GET', '/b')]).toEqual(['delay', null]);
    expect(f.list()[0]).toMatchObject({ fired: 1, times: 1 });
  });

  it('draws probabilities from a seeded RNG: the same seed replays the same firings', () => {
    const run = (seed: number) => {
      const f = new FaultInjector({ seed });
      f.add({ path: '/p', kind: 'status', status: 503, probability: 0.3 });
      return Array.from({ length: 40 }, () => (f.take('GET', '/p') ? 1 : 0)).join('');
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
    expect(run(7)).toMatch(/1/);
    expect(run(7)).toMatch(/0/);
  });

  it('rejects malformed specs and replaces a fault with the same id', () => {
    const f = new FaultInjector();
    expect(() => f.add({ path: '/a', kind: 'status' } as never)).toThrow(/status/);
    expect(() => f.add({ path: '/a', kind: 'delay' })).toThrow(/delayMs/);
    expect(() => f.add({ path: '/a', kind: 'drop', extra: 1 } as never)).toThrow();
    f.add({ id: 'x', path: '/a', kind: 'drop' });
    f.add({ id: 'x', path: '/b', kind: 'drop' });
    expect(f.list().map((x) => x.path)).toEqual(['/b']);
    expect(f.remove('x')).toBe(true);
  });
});

describe('fault skip', () => {
  it('lets the first `skip` matching requests through, then fires', () => {
    const f = new FaultInjector();
    f.add({ method: 'POST', path: '/x', kind: 'drop', times: 1, skip: 2 });
    expect([1, 2, 3, 4].map(() => f.take('POST', '/x')?.kind ?? null)).toEqual([null, null, 'drop', null]);
  });
});
