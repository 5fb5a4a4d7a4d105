// Salesforce API limits as the emulator applies them (CRM-APIS.md section 4):
// - the org's daily allocation, a rolling 24-hour count of API requests (a composite request
//   counts as one), reported on every reply as `Sforce-Limit-Info: api-usage=used/limit`; past it
//   the REST API answers 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded.";
// - an optional per-minute burst limit (the emulator's stand-in for Salesforce's concurrent
//   long-running request limit, or a gateway in front of the org): 403 REQUEST_LIMIT_EXCEEDED by
//   default, or 429 + Retry-After when `burstStatus` is 429 (what an API gateway would send).
// Refused requests are not counted.
import { FixedWindowLimiter, type Clock, type RateLimitState } from '../http-kit/index.js';
import { SfError } from './errors.js';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

export interface LimitOptions {
  dailyLimit: number;
  burstPerMinute: number | null;
  burstStatus: 403 | 429;
}

export class SalesforceLimits {
  /** Requests per minute bucket (epoch minute -> count), the last 24 hours of them. */
  private readonly buckets = new Map<number, number>();
  readonly burst: FixedWindowLimiter | null;

  constructor(
    readonly opts: LimitOptions,
    private readonly clock: Clock,
  ) {
    this.burst = opts.burstPerMinute ? new FixedWindowLimiter({ limit: opts.burstPerMinute, windowMs: MINUTE, clock }) : null;
  }

  /** Requests counted in the rolling 24 hours. */
  used(): number {
    const minute = Math.floor(this.clock.now() / MINUTE);
    let total = 0;
    for (const [m, n] of this.buckets) {
      if (m <= minute - DAY_MINUTES) this.buckets.delete(m);
      else total += n;
    }
    return total;
  }

  /** Counts one request, or throws the error Salesforce gives when a limit is used up. */
  take(): void {
    if (this.used() >= this.opts.dailyLimit) throw SfError.of(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    if (this.burst) {
      const s: RateLimitState = this.burst.take('org');
      if (!s.allowed) {
        const retryAfter = String(Math.max(1, Math.ceil(s.retryAfterMs / 1000)));
        const e = SfError.of(this.opts.burstStatus, 'REQUEST_LIMIT_EXCEEDED', `ConcurrentRequests (Concurrent API Requests) Limit exceeded: more than ${s.limit} requests in a minute.`);
        throw this.opts.burstStatus === 429 ? new SfError(429, e.errors, { 'retry-after': retryAfter }) : e;
      }
    }
    const minute = Math.floor(this.clock.now() / MINUTE);
    this.buckets.set(minute, (this.buckets.get(minute) ?? 0) + 1);
  }

  header(): Record<string, string> {
    return { 'sforce-limit-info': `api-usage=${this.used()}/${this.opts.dailyLimit}` };
  }

  /** GET /limits: a few of the org limits, DailyApiRequests first. */
  describe(): Record<string, { Max: number; Remaining: number }> {
    return {
      DailyApiRequests: { Max: this.opts.dailyLimit, Remaining: Math.max(0, this.opts.dailyLimit - this.used()) },
      ConcurrentSyncRequests: { Max: 25, Remaining: 25 },
      DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 },
    };
  }

  reset(): void {
    this.buckets.clear();
    this.burst?.reset();
  }
}
