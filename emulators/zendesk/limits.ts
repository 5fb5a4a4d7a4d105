// Zendesk's rate limits (CRM-APIS.md section 2, developer.zendesk.com "Rate limits"):
// - account-wide requests per minute (Suite Enterprise 700; configurable), reported on every
//   reply in X-Rate-Limit / X-Rate-Limit-Remaining, and for the ticketing APIs also
//   ratelimit-limit / ratelimit-remaining / ratelimit-reset (seconds to the window's end);
// - the Update Ticket endpoint: 100 requests per minute per account;
// - the same endpoint: 30 updates per 10 minutes per user per ticket.
// Past a limit: 429 with Retry-After (seconds). Fixed windows aligned to their length (Zendesk
// does not document the window shape; see README).
import { FixedWindowLimiter, type Clock, type RateLimitState } from '../http-kit/index.js';
import { ZendeskError } from './errors.js';

export interface LimitOptions {
  perMinute: number;
  updateTicketPerMinute: number;
  perTicketUpdates: number;
  perTicketWindowMs: number;
}

export class ZendeskLimits {
  readonly account: FixedWindowLimiter;
  readonly updateTicket: FixedWindowLimiter;
  readonly perTicket: FixedWindowLimiter;

  constructor(
    opts: LimitOptions,
    private readonly clock: Clock,
  ) {
    this.account = new FixedWindowLimiter({ limit: opts.perMinute, windowMs: 60_000, clock });
    this.updateTicket = new FixedWindowLimiter({ limit: opts.updateTicketPerMinute, windowMs: 60_000, clock });
    this.perTicket = new FixedWindowLimiter({ limit: opts.perTicketUpdates, windowMs: opts.perTicketWindowMs, clock });
  }

  headers(state: RateLimitState): Record<string, string> {
    const reset = String(Math.max(0, Math.ceil((state.resetAt - this.clock.now()) / 1000)));
    return {
      'x-rate-limit': String(state.limit),
      'x-rate-limit-remaining': String(state.remaining),
      'ratelimit-limit': String(state.limit),
      'ratelimit-remaining': String(state.remaining),
      'ratelimit-reset': reset,
    };
  }

  static retryAfter(state: RateLimitState): Record<string, string> {
    return { 'retry-after': String(Math.max(1, Math.ceil(state.retryAfterMs / 1000))) };
  }

  /** Counts one Update Ticket call; throws the 429 Zendesk answers past either of its limits. */
  takeTicketUpdate(userId: number, ticketId: number): void {
    const endpoint = this.updateTicket.take('account');
    if (!endpoint.allowed)
      throw new ZendeskError(429, { error: 'APIRateLimitExceeded', description: `Number of allowed Update Ticket requests per minute (${endpoint.limit}) exceeded` }, ZendeskLimits.retryAfter(endpoint));
    const per = this.perTicket.take(`${userId}:${ticketId}`);
    if (!per.allowed)
      throw new ZendeskError(
        429,
        { error: 'APIRateLimitExceeded', description: `Number of allowed updates of ticket ${ticketId} by this user (${per.limit} per ${Math.round(this.perTicket.windowMs / 60_000)} minutes) exceeded` },
        ZendeskLimits.retryAfter(per),
      );
  }
}
