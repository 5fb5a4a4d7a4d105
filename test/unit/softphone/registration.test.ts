// SOFT-1 / shipping issue: the phone re-registers within 5 s after the SIP server or the network
// comes back (capped backoff), probes after sleep and "online", and does not hammer a server that
// refuses it. The controller runs against a fake signalling port and fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REGISTRATION, Registration, systemTimers, type RegisterOutcome, type RegState, type SignallingPort } from '../../../renderer/src/softphone/sip/registration.js';

class FakeServer implements SignallingPort {
  up = true;
  alive = true;
  connected = false;
  outcome: RegisterOutcome = { ok: true };
  log: string[] = [];
  reg!: Registration;

  async connect(): Promise<void> {
    this.log.push(`connect@${Date.now()}`);
    if (!this.up) throw new Error('ECONNREFUSED');
    this.connected = true;
    this.reg.onConnected();
  }
  async disconnect(): Promise<void> {
    this.log.push('disconnect');
    if (this.connected) {
      this.connected = false;
      this.reg.onDisconnected();
    }
  }
  isConnected(): boolean {
    return this.connected;
  }
  async register(): Promise<RegisterOutcome> {
    this.log.push(`register@${Date.now()}`);
    return this.connected ? this.outcome : { ok: false, status: 503, reason: 'down', retryable: true };
  }
  async unregister(): Promise<void> {
    this.log.push('unregister');
  }
  async ping(): Promise<boolean> {
    this.log.push('ping');
    return this.alive;
  }
  /** The server or the network drops the connection. */
  drop(): void {
    this.connected = false;
    this.reg.onDisconnected(new Error('WebSocket closed'));
  }
  count(prefix: string): number {
    return this.log.filter((l) => l.startsWith(prefix)).length;
  }
}

let server: FakeServer;
let reg: Registration;
let states: [RegState, string | null][];
let reconnected: number;

function setup(opts = {}) {
  server = new FakeServer();
  states = [];
  reconnected = 0;
  reg = new Registration(server, { onState: (s, d) => states.push([s, d]), onReconnected: () => (reconnected += 1) }, { ...DEFAULT_REGISTRATION, ...opts }, systemTimers, () => 0);
  server.reg = reg;
}

const state = () => reg.getState().state;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Registration', () => {
  it('connects and registers; start() resolves ok', async () => {
    setup();
    await expect(reg.start()).resolves.toEqual({ ok: true, detail: null });
    expect(state()).toBe('registered');
    expect(states.map((s) => s[0])).toEqual(['registering', 'registered']);
  });

  it('server down at start: start() says so, and it keeps trying on the capped backoff', async () => {
    setup({ keepAliveMs: 0 });
    server.up = false;
    const r = await reg.start();
    expect(r.ok).toBe(false);
    expect(r.detail).toMatch(/Cannot reach the SIP server \(ECONNREFUSED\)/);
    await vi.advanceTimersByTimeAsync(20_000);
    const times = server.log.filter((l) => l.startsWith('connect@')).map((l) => Number(l.slice(8)) - 1_000_000);
    // 0 (start), 0 (immediate retry), then 250, 500, 1000, 2000, 2000...: never more than 2 s apart.
    expect(times.slice(0, 6)).toEqual([0, 0, 250, 750, 1750, 3750]);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeLessThanOrEqual(2000);
    expect(state()).toBe('registering');
  });

  it('after a drop, registers again within the backoff cap of the server coming back (well inside 5 s)', async () => {
    setup({ keepAliveMs: 0 });
    await reg.start();
    server.up = false;
    server.drop();
    expect(state()).toBe('registering');
    expect(reg.getState().detail).toMatch(/lost/);
    await vi.advanceTimersByTimeAsync(30_000); // down for a long time: the delay is at its cap
    server.up = true;
    const back = Date.now();
    await vi.waitFor(() => expect(state()).toBe('registered'), { timeout: 10_000, interval: 10 });
    while (state() !== 'registered') await vi.advanceTimersByTimeAsync(50);
    expect(Date.now() - back).toBeLessThanOrEqual(2000);
    expect(reconnected).toBe(1);
    expect(reg.lastRecoveryMs).toBeGreaterThanOrEqual(30_000);
  });

  it('a Kamailio restart (down ~100 ms): the immediate retry or the next one at 250 ms gets it', async () => {
    setup({ keepAliveMs: 0 });
    await reg.start();
    server.up = false;
    server.drop();
    await vi.advanceTimersByTimeAsync(100);
    server.up = true;
    await vi.advanceTimersByTimeAsync(250);
    expect(state()).toBe('registered');
  });

  it('"online" skips the wait: a disconnected phone connects at once', async () => {
    setup({ keepAliveMs: 0 });
    await reg.start();
    server.up = false;
    server.drop();
    await vi.advanceTimersByTimeAsync(30_000);
    server.up = true;
    const before = server.count('connect@');
    reg.probe('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.count('connect@')).toBe(before + 1);
    expect(state()).toBe('registered');
  });

  it('after sleep, a live connection is re-registered (the binding may have expired)', async () => {
    setup({ keepAliveMs: 0 });
    await reg.start();
    const before = server.count('register@');
    reg.probe('wake');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.log).toContain('ping');
    expect(server.count('register@')).toBe(before + 1);
    expect(state()).toBe('registered');
  });

  it('a dead connection (probe unanswered) is closed and opened again', async () => {
    setup({ keepAliveMs: 0 });
    await reg.start();
    server.alive = false;
    reg.probe('wake');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.log).toContain('disconnect');
    await vi.advanceTimersByTimeAsync(1000);
    expect(state()).toBe('registered');
    expect(server.count('connect@')).toBeGreaterThanOrEqual(2);
  });

  it('keep-alive probes while idle, without re-registering a live connection', async () => {
    setup({ keepAliveMs: 30_000 });
    await reg.start();
    const registers = server.count('register@');
    await vi.advanceTimersByTimeAsync(95_000);
    expect(server.count('ping')).toBe(3);
    expect(server.count('register@')).toBe(registers);
  });

  it('a refusal (403) is "failed" and retried only after refusedRetryMs; no tight loop', async () => {
    setup({ keepAliveMs: 0, refusedRetryMs: 60_000 });
    server.outcome = { ok: false, status: 403, reason: 'Forbidden', retryable: false };
    const r = await reg.start();
    expect(r).toEqual({ ok: false, detail: 'The SIP server refused the registration: 403 Forbidden' });
    expect(state()).toBe('failed');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(server.count('register@')).toBe(1);
    server.outcome = { ok: true };
    await vi.advanceTimersByTimeAsync(2_000);
    expect(state()).toBe('registered');
  });

  it('a server error (503) is retried on the backoff', async () => {
    setup({ keepAliveMs: 0 });
    server.outcome = { ok: false, status: 503, reason: 'Service Unavailable', retryable: true };
    await reg.start();
    expect(state()).toBe('registering');
    server.outcome = { ok: true };
    await vi.advanceTimersByTimeAsync(300);
    expect(state()).toBe('registered');
  });

  it('stop() unregisters and disconnects, and nothing runs afterwards', async () => {
    setup({ keepAliveMs: 1000 });
    await reg.start();
    await reg.stop();
    expect(server.log.slice(-2)).toEqual(['unregister', 'disconnect']);
    const n = server.log.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.log.length).toBe(n);
    expect(state()).toBe('unregistered');
  });

  it('offline() only says why; the socket notices on its own', async () => {
    setup({ keepAliveMs: 0 });
    await reg.start();
    reg.offline();
    expect(states.at(-1)).toEqual(['registered', 'The computer is offline; the phone re-registers when the network is back.']);
  });
});
