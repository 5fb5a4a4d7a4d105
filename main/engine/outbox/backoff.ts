// Retry timing for CRM writes (REL-1): capped exponential backoff with jitter, and the CRM's
// own Retry-After when it gives one.
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 30_000 };

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): "equal jitter", between half and
 * all of min(cap, base * 2^(attempt-1)), so retries spread out but never come back at once.
 * `retryAfterMs` (429 Retry-After) is a floor.
 */
export function retryDelay(attempt: number, policy: BackoffPolicy, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
