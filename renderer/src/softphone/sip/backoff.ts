// Reconnection delays after the SIP WebSocket drops (SOFT-1: re-register within 5 s after the
// server or the network comes back). Exponential with jitter, but capped low: a server that is
// back is found by the next attempt within `maxMs`, and connecting + REGISTER takes well under a
// second on a LAN. Pure, so the schedule is unit-tested.

export interface BackoffOptions {
  /** First retry (the first attempt after a drop is immediate). */
  initialMs: number;
  /** Cap; keep it under 5 s minus the connect + REGISTER time. */
  maxMs: number;
  factor: number;
  /** 0..1: each delay is drawn from [d * (1 - jitter), d]. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 2000, factor: 2, jitter: 0.2 };

/**
 * Delay before reconnection attempt `attempt` (0 = right after the drop). `random` in [0, 1).
 * Never above `maxMs`, never below zero.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (attempt <= 0) return 0;
  const base = Math.min(opts.maxMs, opts.initialMs * opts.factor ** (attempt - 1));
  const jitter = Math.min(1, Math.max(0, opts.jitter));
  return Math.max(0, Math.round(base * (1 - jitter * random())));
}

/** Worst-case time from "the server is back" to the next attempt starting. */
export function worstCaseGapMs(opts: BackoffOptions = DEFAULT_BACKOFF): number {
  return opts.maxMs;
}
