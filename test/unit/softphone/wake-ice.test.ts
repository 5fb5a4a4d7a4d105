// SOFT-1: sleep is detected from a timer gap (then the phone probes and re-registers), and ICE
// failures in a call trigger an ICE restart (shipping issue: "an ICE restart to recover audio").
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IceWatch, type IceState } from '../../../renderer/src/softphone/sip/ice-watch.js';
import { isWakeGap, WakeDetector, type Clock } from '../../../renderer/src/softphone/sip/wake-detector.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('wake detection', () => {
  it('a tick much later than scheduled means the machine slept', () => {
    expect(isWakeGap(2000, 2000, 4000)).toBe(false);
    expect(isWakeGap(5900, 2000, 4000)).toBe(false);
    expect(isWakeGap(6000, 2000, 4000)).toBe(true);
  });

  it('WakeDetector reports the sleep once, then runs normally', () => {
    let now = 0;
    const clock: Clock = { now: () => now, setInterval: () => 1, clearInterval: () => undefined };
    const woke: number[] = [];
    const d = new WakeDetector((ms) => woke.push(ms), 2000, 4000, clock);
    d.start();
    now = 2000;
    d.tick();
    now = 4100;
    d.tick();
    now = 64_100; // a minute asleep
    d.tick();
    now = 66_100;
    d.tick();
    expect(woke).toEqual([58_000]);
    d.stop();
  });
});

class FakePc {
  iceConnectionState: IceState = 'connected';
  private readonly listeners = new Set<() => void>();
  addEventListener(_t: 'iceconnectionstatechange', f: () => void) {
    this.listeners.add(f);
  }
  removeEventListener(_t: 'iceconnectionstatechange', f: () => void) {
    this.listeners.delete(f);
  }
  set(s: IceState) {
    this.iceConnectionState = s;
    for (const f of [...this.listeners]) f();
  }
  get listening() {
    return this.listeners.size;
  }
}

describe('IceWatch', () => {
  it('failed: restarts at once', async () => {
    const pc = new FakePc();
    const restart = vi.fn(async () => true);
    const w = new IceWatch(pc, restart, { graceMs: 2000, retryMs: 1000, maxAttempts: 3 });
    pc.set('failed');
    expect(restart).toHaveBeenCalledWith('ice failed');
    await vi.waitFor(() => expect(w.restarts).toBe(1));
    w.stop();
  });

  it('disconnected: restarts only if it lasts the grace period', async () => {
    vi.useFakeTimers();
    const pc = new FakePc();
    const restart = vi.fn(async () => true);
    const w = new IceWatch(pc, restart, { graceMs: 2000, retryMs: 1000, maxAttempts: 3 });
    pc.set('disconnected');
    await vi.advanceTimersByTimeAsync(1000);
    pc.set('connected'); // recovered by itself
    await vi.advanceTimersByTimeAsync(5000);
    expect(restart).not.toHaveBeenCalled();
    pc.set('disconnected');
    await vi.advanceTimersByTimeAsync(2000);
    expect(restart).toHaveBeenCalledWith('ice disconnected');
    w.stop();
  });

  it('a restart that could not be sent is retried, up to maxAttempts; connected resets the count', async () => {
    vi.useFakeTimers();
    const pc = new FakePc();
    const restart = vi.fn(async () => false);
    const w = new IceWatch(pc, restart, { graceMs: 2000, retryMs: 1000, maxAttempts: 3 });
    pc.set('failed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(restart).toHaveBeenCalledTimes(3);
    pc.set('connected');
    restart.mockImplementation(async () => true);
    pc.set('failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(restart).toHaveBeenCalledTimes(4);
    expect(w.restarts).toBe(1);
    w.stop();
  });

  it('stop() removes the listener and cancels a pending restart', async () => {
    vi.useFakeTimers();
    const pc = new FakePc();
    const restart = vi.fn(async () => true);
    const w = new IceWatch(pc, restart);
    pc.set('disconnected');
    w.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(restart).not.toHaveBeenCalled();
    expect(pc.listening).toBe(0);
  });
});
