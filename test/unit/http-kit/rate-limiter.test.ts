import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter, ManualClock, rateLimitHeaders } from '../../../emulators/http-kit/index.js';

describe('http-kit fixed-window rate limiter', () => {
  it('counts per key within windows aligned to the window length, and refuses past the limit', () => {
    const clock = new ManualClock('2025-01-01T00:00:20.000Z');
    const l = new FixedWindowLimiter({ limit: 2, windowMs: 60_000, clock });
    expect(l.take('org')).toMatchObject({ allowed: true, remaining: 1, resetAt: Date.parse('2025-01-01T00:01:00.000Z') });
    expect(l.take('org')).toMatchObject({ allowed: true, remaining: 0 });
    expect(l.take('org')).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 40_000 });
    expect(l.take('other')).toMatchObject({ allowed: true, remaining: 1 });
    expect(l.peek('org')).toMatchObject({ allowed: false, remaining: 0 });
    clock.advance(40_000);
    expect(l.take('org')).toMatchObject({ allowed: true, remaining: 1, resetAt: Date.parse('2025-01-01T00:02:00.000Z') });
  });

  it('does not count refused requests or peeks', () => {
    const l = new FixedWindowLimiter({ limit: 1, windowMs: 1000, clock: new ManualClock(0) });
    l.peek('k');
    l.take('k');
    l.take('k');
    l.take('k');
    expect(l.peek('k').remaining).toBe(0);
  });

  it('writes the state in a vendor\'s header names, reset as delta or epoch seconds', () => {
    const clock = new ManualClock('2025-01-01T00:00:45.000Z');
    const state = new FixedWindowLimiter({ limit: 10, windowMs: 60_000, clock }).take('k');
    expect(rateLimitHeaders(state, { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' }, clock.now())).toEqual({
      'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': '15',
    });
    expect(rateLimitHeaders(state, { remaining: 'X-Rate-Limit-Remaining', reset: 'X-Rate-Limit-Reset', resetAs: 'epoch-seconds' }, clock.now())).toEqual({
      'X-Rate-Limit-Remaining': '9', 'X-Rate-Limit-Reset': String(Date.parse('2025-01-01T00:01:00.000Z') / 1000),
    });
  });
});
