// SOFT-1 / shipping issue: re-register within 5 s after the SIP server or the network comes back.
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, worstCaseGapMs } from '../../../renderer/src/softphone/sip/backoff.js';

const noJitter = { ...DEFAULT_BACKOFF, jitter: 0 };

describe('backoffDelay', () => {
  it('the first attempt after a drop is immediate, then doubles', () => {
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, noJitter))).toEqual([0, 250, 500, 1000, 2000]);
  });

  it('is capped, however long the server stays down', () => {
    for (const a of [5, 10, 50, 1000]) expect(backoffDelay(a, noJitter)).toBe(DEFAULT_BACKOFF.maxMs);
  });

  it('jitter only shortens a delay, within the configured fraction', () => {
    for (let a = 1; a < 12; a++) {
      const full = backoffDelay(a, noJitter);
      expect(backoffDelay(a, DEFAULT_BACKOFF, () => 0)).toBe(full);
      expect(backoffDelay(a, DEFAULT_BACKOFF, () => 0.999999)).toBeGreaterThanOrEqual(Math.floor(full * (1 - DEFAULT_BACKOFF.jitter)));
      expect(backoffDelay(a, DEFAULT_BACKOFF, Math.random)).toBeLessThanOrEqual(full);
    }
  });

  it('the worst gap between the server coming back and the next attempt leaves room for connect + REGISTER inside 5 s', () => {
    expect(worstCaseGapMs()).toBeLessThanOrEqual(2000);
    expect(worstCaseGapMs() + 1000).toBeLessThan(5000);
  });

  it('never negative, also with odd options', () => {
    expect(backoffDelay(3, { initialMs: 100, maxMs: 50, factor: 3, jitter: 5 }, () => 0.5)).toBeGreaterThanOrEqual(0);
    expect(backoffDelay(-1)).toBe(0);
  });
});
