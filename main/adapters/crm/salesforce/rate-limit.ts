// Salesforce's API limits as the adapter sees them. Every reply carries
// `Sforce-Limit-Info: api-usage=<used>/<limit>` (the org's rolling 24-hour allocation), tracked so
// the app can warn before the allocation runs out. A refusal is 403 REQUEST_LIMIT_EXCEEDED
// without Retry-After (daily allocation used up, or too many concurrent long requests); a
// gateway in front of the org may send 429 with Retry-After. Both become `rate_limited`.
export interface ApiUsage {
  used: number;
  limit: number;
  observedAt: number;
}

export function readApiUsage(headers: Headers, now: number): ApiUsage | null {
  const m = /api-usage=(\d+)\/(\d+)/.exec(headers.get('sforce-limit-info') ?? '');
  if (!m) return null;
  return { used: Number(m[1]), limit: Number(m[2]), observedAt: now };
}

export function isRequestLimitExceeded(status: number, message: string): boolean {
  return (status === 403 || status === 429) && message.includes('REQUEST_LIMIT_EXCEEDED');
}

/**
 * How long to wait after REQUEST_LIMIT_EXCEEDED: a used-up daily allocation (message
 * "TotalRequests", or usage at the limit) frees slowly, over the rolling 24 hours; a concurrency
 * refusal clears within seconds.
 */
export function requestLimitDelay(message: string, usage: ApiUsage | null, opts: { dailyLimitRetryMs: number; concurrencyRetryMs: number }): number {
  if (/TotalRequests/i.test(message) || (usage !== null && usage.used >= usage.limit)) return opts.dailyLimitRetryMs;
  return opts.concurrencyRetryMs;
}
