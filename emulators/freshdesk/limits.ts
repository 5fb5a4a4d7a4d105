// Freshdesk's rate limits (CRM-APIS.md 3): calls per minute, account-wide (every key and IP of
// the account shares them; even invalid requests count), plus per-endpoint sub-limits for
// ticket create, ticket update, the tickets list and the contacts list. A request costs one
// credit, plus two per `include=` embed. Every reply carries X-Ratelimit-Total,
// X-Ratelimit-Remaining and X-Ratelimit-Used-CurrentRequest; past a limit: 429 + Retry-After.
import { FixedWindowLimiter, type Clock, type RateLimitState } from '../http-kit/index.js';

export interface EndpointLimits {
  ticketCreate: number;
  ticketUpdate: number;
  ticketsList: number;
  contactsList: number;
}
export type EndpointClass = keyof EndpointLimits;

/** Enterprise plan (700/min) by default. */
export const DEFAULT_LIMITS = { perMinute: 700, endpoints: { ticketCreate: 280, ticketUpdate: 280, ticketsList: 200, contactsList: 200 } satisfies EndpointLimits };

const WINDOW_MS = 60_000;

export interface Charge {
  allowed: boolean;
  state: RateLimitState;
  cost: number;
  /** Retry-After seconds when refused. */
  retryAfterSec: number;
  reason: string | null;
}

export class FreshdeskLimits {
  readonly account: FixedWindowLimiter;
  readonly endpoints: Record<EndpointClass, FixedWindowLimiter>;

  constructor(opts: { perMinute: number; endpoints: EndpointLimits }, clock: Clock) {
    this.account = new FixedWindowLimiter({ limit: opts.perMinute, windowMs: WINDOW_MS, clock });
    const mk = (limit: number) => new FixedWindowLimiter({ limit, windowMs: WINDOW_MS, clock });
    this.endpoints = {
      ticketCreate: mk(opts.endpoints.ticketCreate),
      ticketUpdate: mk(opts.endpoints.ticketUpdate),
      ticketsList: mk(opts.endpoints.ticketsList),
      contactsList: mk(opts.endpoints.contactsList),
    };
  }

  /** Charges `cost` credits to the account (and one to the endpoint class, if any). */
  charge(accountKey: string, cost: number, endpoint: EndpointClass | null): Charge {
    const before = this.account.peek(accountKey);
    if (!before.allowed) return { allowed: false, state: before, cost, retryAfterSec: secs(before.retryAfterMs), reason: `API rate limit of ${before.limit} calls per minute exceeded` };
    if (endpoint) {
      const ep = this.endpoints[endpoint].peek(accountKey);
      if (!ep.allowed) return { allowed: false, state: before, cost, retryAfterSec: secs(ep.retryAfterMs), reason: `Rate limit of ${ep.limit} calls per minute exceeded for this endpoint` };
      this.endpoints[endpoint].take(accountKey);
    }
    let state = before;
    for (let i = 0; i < cost; i++) state = this.account.take(accountKey);
    return { allowed: true, state, cost, retryAfterSec: 0, reason: null };
  }

  state(accountKey: string): RateLimitState {
    return this.account.peek(accountKey);
  }

  headers(state: RateLimitState, cost: number): Record<string, string> {
    return {
      'x-ratelimit-total': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-used-currentrequest': String(cost),
    };
  }

  reset(): void {
    this.account.reset();
    for (const l of Object.values(this.endpoints)) l.reset();
  }
}

const secs = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
