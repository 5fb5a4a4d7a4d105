// Time source of an emulator. Tests use ManualClock to cross a rate-limit window without waiting.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  private t: number;
  constructor(start: number | string | Date = Date.now()) {
    this.t = new Date(start).getTime();
  }
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(at: number | string | Date): void {
    this.t = new Date(at).getTime();
  }
}

export function isoAt(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
