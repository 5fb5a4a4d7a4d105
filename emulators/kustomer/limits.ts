// Kustomer's rate limits (CRM-APIS.md 1.1): org-wide requests per 60 s window (all keys share
// it; Enterprise 1000/min), reported on every reply in x-ratelimit-limit / -remaining / -reset
// (reset = whole seconds until the window ends), 429 + Retry-After when exceeded; search by API
// key 100/min; creates of conversations, messages and notes 120/min per customer per client.
import { FixedWindowLimiter, rateLimitHeaders, type Clock, type RateLimitState } from '../http-kit/index.js';
import { ApiError } from './errors.js';

export interface LimitOptions {
  perMinute: number;
  searchPerMinute: number;
  perCustomerCreatesPerMinute: number;
}

const WINDOW_MS = 60_000;

export class KustomerLimits {
  readonly org: FixedWindowLimiter;
  readonly search: FixedWindowLimiter;
  readonly creates: FixedWindowLimiter;

  constructor(
    opts: LimitOptions,
    private readonly clock: Clock,
  ) {
    this.org = new FixedWindowLimiter({ limit: opts.perMinute, windowMs: WINDOW_MS, clock });
    this.search = new FixedWindowLimiter({ limit: opts.searchPerMinute, windowMs: WINDOW_MS, clock });
    this.creates = new FixedWindowLimiter({ limit: opts.perCustomerCreatesPerMinute, windowMs: WINDOW_MS, clock });
  }

  headers(state: RateLimitState): Record<string, string> {
    return rateLimitHeaders(state, { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' }, this.clock.now());
  }

  static retryAfter(state: RateLimitState): Record<string, string> {
    return { 'retry-after': String(Math.max(1, Math.ceil(state.retryAfterMs / 1000))) };
  }

  /** Throws a 429 when `keyId` has used up its search budget. */
  takeSearch(keyId: string): void {
    const s = this.search.take(keyId);
    if (!s.allowed) throw ApiError.of(429, `Search rate limit of ${s.limit} requests per minute exceeded for this API key`, {}, KustomerLimits.retryAfter(s));
  }

  /** Throws a 429 past 120 creates/min for one customer by one client (bodies with importedAt are exempt). */
  takeCustomerCreate(keyId: string, customerId: string, what: string): void {
    const s = this.creates.take(`${keyId}:${customerId}`);
    if (!s.allowed)
      throw ApiError.of(429, `Rate limit of ${s.limit} ${what} creates per minute exceeded for customer ${customerId}`, { meta: { customer: customerId } }, KustomerLimits.retryAfter(s));
  }
}
