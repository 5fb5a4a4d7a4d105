// Detects that the computer slept (or the renderer was frozen): a repeating timer that fires
// much later than scheduled. After sleep the WebSocket may look open but be dead, and the
// registration may have expired, so the phone probes and re-registers (SOFT-1).

export interface Clock {
  now(): number;
  setInterval(f: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setInterval: (f, ms) => setInterval(f, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

/** True when a tick `elapsedMs` after the previous one means the machine was asleep. */
export function isWakeGap(elapsedMs: number, periodMs: number, thresholdMs: number): boolean {
  return elapsedMs - periodMs >= thresholdMs;
}

export class WakeDetector {
  private handle: unknown = null;
  private last = 0;

  constructor(
    private readonly onWake: (sleptMs: number) => void,
    private readonly periodMs = 2000,
    private readonly thresholdMs = 4000,
    private readonly clock: Clock = systemClock,
  ) {}

  start(): void {
    if (this.handle !== null) return;
    this.last = this.clock.now();
    this.handle = this.clock.setInterval(() => this.tick(), this.periodMs);
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearInterval(this.handle);
    this.handle = null;
  }

  /** Exposed for tests; the interval calls it. */
  tick(): void {
    const now = this.clock.now();
    const elapsed = now - this.last;
    this.last = now;
    if (isWakeGap(elapsed, this.periodMs, this.thresholdMs)) this.onWake(elapsed - this.periodMs);
  }
}
