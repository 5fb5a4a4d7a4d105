import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../main/engine/outbox/backoff.js';

const policy = { baseMs: 100, capMs: 5_000 };

describe('REL-1 retry timing', () => {
  it.each([
    [1, 50, 100],
    [2, 100, 200],
    [3, 200, 400],
    [7, 2_500, 5_000],
    [40, 2_500, 5_000],
  ])('attempt %i waits between %i and %i ms (exponential, capped, jittered)', (attempt, lo, hi) => {
    expect(retryDelay(attempt, policy, null, () => 0)).toBe(lo);
    expect(retryDelay(attempt, policy, null, () => 1)).toBe(hi);
  });
  it('honours Retry-After as a floor', () => {
    expect(retryDelay(1, policy, 3_000, () => 0)).toBe(3_000);
    expect(retryDelay(8, policy, 1_000, () => 1)).toBe(5_000);
  });
});
