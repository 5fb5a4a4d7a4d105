// Time for the simulator: an injectable clock for timestamps (tests pin it), and timers that
// close() can cancel all at once so a stopped simulator never fires a late event.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export type TimerHandle = { readonly id: number };

export class Timers {
  private readonly live = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  constructor(private readonly onError: (err: unknown) => void) {}

  /** Run `fn` after `ms`; an exception in `fn` is reported, never thrown into the event loop. */
  after(ms: number, fn: () => void): TimerHandle {
    const id = this.nextId++;
    const t = setTimeout(() => {
      this.live.delete(id);
      try {
        fn();
      } catch (err) {
        this.onError(err);
      }
    }, Math.max(0, ms));
    this.live.set(id, t);
    return { id };
  }

  cancel(handle: TimerHandle | null | undefined): void {
    if (!handle) return;
    const t = this.live.get(handle.id);
    if (t) clearTimeout(t);
    this.live.delete(handle.id);
  }

  cancelAll(): void {
    for (const t of this.live.values()) clearTimeout(t);
    this.live.clear();
  }
}

/**
 * A clock running `speed` times faster than `base` from now on: a scenario played at speed N
 * against a simulator on this clock keeps its durations (short vs long abandon, call length).
 */
export function scaledClock(speed: number, base: Clock = systemClock): Clock {
  const t0 = base.now();
  return { now: () => t0 + Math.round((base.now() - t0) * speed) };
}
