// Fixed-window rate limiter keyed by any string (an org, a client + customer pair...). Windows are
// aligned to multiples of the window length, so a ManualClock makes them deterministic. What the
// state looks like on the wire (header names, units) is the vendor emulator's business.
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';

export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms at which the current window ends. */
  resetAt: number;
  /** Ms until the window ends (0 when allowed and not at the edge). */
  retryAfterMs: number;
}

export interface FixedWindowOptions {
  limit: number;
  windowMs: number;
  clock?: Clock;
}

export class FixedWindowLimiter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();
  private readonly clock: Clock;
  limit: number;
  readonly windowMs: number;

  constructor(opts: FixedWindowOptions) {
    this.limit = opts.limit;
    this.windowMs = opts.windowMs;
    this.clock = opts.clock ?? systemClock;
  }

  /** Counts one request against `key` (refused requests are not counted). */
  take(key: string): RateLimitState {
    const { entry, windowStart } = this.current(key);
    const allowed = entry.count < this.limit;
    if (allowed) entry.count += 1;
    return this.state(entry.count, windowStart, allowed);
  }

  /** The state of `key` without counting a request. */
  peek(key: string): RateLimitState {
    const { entry, windowStart } = this.current(key);
    return this.state(entry.count, windowStart, entry.count < this.limit);
  }

  reset(): void {
    this.counts.clear();
  }

  private current(key: string) {
    const now = this.clock.now();
    const windowStart = Math.floor(now / this.windowMs) * this.windowMs;
    let entry = this.counts.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      entry = { windowStart, count: 0 };
      this.counts.set(key, entry);
    }
    return { entry, windowStart };
  }

  private state(count: number, windowStart: number, allowed: boolean): RateLimitState {
    const resetAt = windowStart + this.windowMs;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - count),
      resetAt,
      retryAfterMs: allowed ? 0 : Math.max(0, resetAt - this.clock.now()),
    };
  }
}

/** Header names a vendor uses for its rate-limit state; omit a name to leave that header out. */
export interface RateLimitHeaderNames {
  limit?: string;
  remaining?: string;
  reset?: string;
  /** How `reset` is written: seconds until the window ends (default) or the epoch second it ends. */
  resetAs?: 'delta-seconds' | 'epoch-seconds';
}

export function rateLimitHeaders(state: RateLimitState, names: RateLimitHeaderNames, now: number): Record<string, string> {
  const h: Record<string, string> = {};
  if (names.limit) h[names.limit] = String(state.limit);
  if (names.remaining) h[names.remaining] = String(state.remaining);
  if (names.reset)
    h[names.reset] = names.resetAs === 'epoch-seconds' ? String(Math.ceil(state.resetAt / 1000)) : String(Math.max(0, Math.ceil((state.resetAt - now) / 1000)));
  return h;
}
