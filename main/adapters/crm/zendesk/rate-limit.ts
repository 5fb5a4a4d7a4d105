// Zendesk's rate-limit headers (X-Rate-Limit, X-Rate-Limit-Remaining; ratelimit-reset on the
// ticketing APIs), tracked from every reply so the outbox can slow down before a 429, and a
// guard for the Update Ticket limit per user per ticket (30 per 10 minutes): the adapter counts
// its own updates of each ticket and answers rate_limited, with the time until the oldest one
// leaves the window, instead of spending a request on a certain 429.
import { CrmError } from '../../../engine/crm-port.js';

export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Epoch ms at which the window resets (null when not reported). */
  resetAt: number | null;
  observedAt: number;
}

export function readRateLimit(headers: Headers, now: number): RateLimitInfo | null {
  const limit = Number(headers.get('x-rate-limit') ?? headers.get('ratelimit-limit'));
  const remaining = Number(headers.get('x-rate-limit-remaining') ?? headers.get('ratelimit-remaining'));
  if (!(headers.has('x-rate-limit') || headers.has('ratelimit-limit')) || !Number.isFinite(limit) || !Number.isFinite(remaining)) return null;
  const reset = Number(headers.get('ratelimit-reset'));
  return { limit, remaining, resetAt: headers.has('ratelimit-reset') && Number.isFinite(reset) ? now + reset * 1000 : null, observedAt: now };
}

/** Ms until the window resets (ratelimit-reset seconds), for a 429 without Retry-After. */
export function retryAfterFromHeaders(headers: Headers): number | null {
  const reset = Number(headers.get('ratelimit-reset'));
  return headers.has('ratelimit-reset') && Number.isFinite(reset) ? Math.max(0, reset * 1000) : null;
}

/**
 * A rate limit that concerns one record only (Zendesk's per-ticket update limit): the outbox
 * holds back only that record's writes (scope `record`), not every write.
 */
export class TicketRateLimited extends CrmError {
  constructor(message: string, status: number | null, retryAfterMs: number | null) {
    super('rate_limited', message, status, retryAfterMs, 'record');
  }
}

export class TicketUpdateGuard {
  private readonly log = new Map<number, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Records one update of `ticketId`, or throws TicketRateLimited when it would pass the limit. */
  take(ticketId: number): void {
    const now = this.now();
    const recent = (this.log.get(ticketId) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      const wait = (recent[0] as number) + this.windowMs - now;
      this.log.set(ticketId, recent);
      throw new TicketRateLimited(`Zendesk: ticket ${ticketId} had ${recent.length} updates in ${Math.round(this.windowMs / 60_000)} minutes, its limit; waiting ${Math.ceil(wait / 1000)} s`, null, wait);
    }
    recent.push(now);
    this.log.set(ticketId, recent);
  }
}
