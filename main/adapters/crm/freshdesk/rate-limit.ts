// Freshdesk's rate-limit headers, tracked from every reply so the outbox can slow down before
// it meets a 429: X-Ratelimit-Total (calls per minute, account-wide), X-Ratelimit-Remaining,
// X-Ratelimit-Used-CurrentRequest (credits the last call cost: 1, +2 per include= embed).
// Freshdesk sends no reset time; a 429 always carries Retry-After (seconds), which the HTTP
// client turns into retryAfterMs.
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Credits the last request consumed. */
  usedByLastRequest: number | null;
  /** Epoch ms when these headers were seen. */
  observedAt: number;
}

export function readRateLimit(headers: Headers, now: number): RateLimitInfo | null {
  const total = headers.get('x-ratelimit-total');
  const remaining = headers.get('x-ratelimit-remaining');
  if (total === null || remaining === null) return null;
  const limit = Number(total);
  const left = Number(remaining);
  if (!Number.isFinite(limit) || !Number.isFinite(left)) return null;
  const used = Number(headers.get('x-ratelimit-used-currentrequest'));
  return { limit, remaining: left, usedByLastRequest: headers.has('x-ratelimit-used-currentrequest') && Number.isFinite(used) ? used : null, observedAt: now };
}
