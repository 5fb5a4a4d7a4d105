// Kustomer's x-ratelimit-* headers, tracked from every reply so the outbox can slow down before
// it meets a 429. x-ratelimit-reset is read as seconds until the window ends, or as an epoch
// time (seconds or ms) when it is that large.
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Epoch ms at which the window resets (null when not reported). */
  resetAt: number | null;
  /** Epoch ms when these headers were seen. */
  observedAt: number;
}

export function resetAtFrom(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) return null;
  if (n > 1e12) return n; // epoch ms
  if (n > 1e9) return n * 1000; // epoch seconds
  return now + n * 1000; // seconds from now
}

export function readRateLimit(headers: Headers, now: number): RateLimitInfo | null {
  const limit = Number(headers.get('x-ratelimit-limit'));
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  if (!headers.has('x-ratelimit-limit') || !Number.isFinite(limit) || !Number.isFinite(remaining)) return null;
  return { limit, remaining, resetAt: resetAtFrom(headers.get('x-ratelimit-reset'), now), observedAt: now };
}

/** Ms until the window resets, from x-ratelimit-reset (for a 429 without Retry-After). */
export function retryAfterFromHeaders(headers: Headers, now = Date.now()): number | null {
  const at = resetAtFrom(headers.get('x-ratelimit-reset'), now);
  return at === null ? null : Math.max(0, at - now);
}
