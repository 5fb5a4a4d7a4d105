// Keeps the softphone registered (SOFT-1): connect, REGISTER, and after the WebSocket drops
// (server restart, network loss) reconnect with a capped backoff and REGISTER again, so the phone
// is reachable within 5 s of the server coming back. Also probes the connection (OPTIONS) after
// the computer slept, when the browser says it is online again, and now and then while idle,
// because a WebSocket can look open and be dead. Written against a small port so the schedule is
// unit-tested without sip.js.
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';

export type RegisterOutcome =
  | { ok: true }
  /** retryable: the server or the network failed (5xx, 408, transport); else it refused us (403...). */
  | { ok: false; status: number; reason: string; retryable: boolean };

/** What the controller needs from the SIP stack (sip-agent.ts implements it with sip.js). */
export interface SignallingPort {
  /** Open the WebSocket; rejects when it cannot. */
  connect(): Promise<void>;
  /** Close the WebSocket (no reconnect by itself). */
  disconnect(): Promise<void>;
  isConnected(): boolean;
  register(): Promise<RegisterOutcome>;
  unregister(): Promise<void>;
  /** Any SIP answer within `timeoutMs` proves the connection is alive. */
  ping(timeoutMs: number): Promise<boolean>;
}

export type RegState = 'unregistered' | 'registering' | 'registered' | 'failed';

export interface Timers {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(h: unknown): void;
  now(): number;
}

export const systemTimers: Timers = {
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface RegistrationOptions {
  backoff: BackoffOptions;
  /** An unanswered probe this long means the connection is dead. */
  probeTimeoutMs: number;
  /** Probe while idle this often (0 = never). */
  keepAliveMs: number;
  /** A refused registration (403, wrong password) is tried again this much later. */
  refusedRetryMs: number;
}

export const DEFAULT_REGISTRATION: RegistrationOptions = {
  backoff: DEFAULT_BACKOFF,
  probeTimeoutMs: 3000,
  keepAliveMs: 30_000,
  refusedRetryMs: 60_000,
};

export interface RegistrationEvents {
  onState(state: RegState, detail: string | null): void;
  /** The WebSocket is up again after a drop (calls refresh their dialogs and ICE). */
  onReconnected(): void;
}

export class Registration {
  private state: RegState = 'unregistered';
  private detail: string | null = null;
  private running = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private keepAliveTimer: unknown = null;
  private connecting = false;
  private registering: Promise<void> | null = null;
  private everConnected = false;
  private lostAt: number | null = null;
  /** Resolvers of start() waiting for the first outcome. */
  private waiters: ((r: { ok: boolean; detail: string | null }) => void)[] = [];
  /** How long the last recovery took (drop -> registered), for logs and the benchmark. */
  lastRecoveryMs: number | null = null;

  constructor(
    private readonly port: SignallingPort,
    private readonly events: RegistrationEvents,
    private readonly opts: RegistrationOptions = DEFAULT_REGISTRATION,
    private readonly timers: Timers = systemTimers,
    private readonly random: () => number = Math.random,
  ) {}

  getState(): { state: RegState; detail: string | null } {
    return { state: this.state, detail: this.detail };
  }

  /** Connect and register; resolves with the first outcome (or after `waitMs`, still retrying). */
  start(waitMs = 10_000): Promise<{ ok: boolean; detail: string | null }> {
    if (this.state === 'registered') return Promise.resolve({ ok: true, detail: null });
    const result = new Promise<{ ok: boolean; detail: string | null }>((resolve) => {
      this.waiters.push(resolve);
      this.timers.setTimeout(() => {
        const i = this.waiters.indexOf(resolve);
        if (i >= 0) {
          this.waiters.splice(i, 1);
          resolve({ ok: this.state === 'registered', detail: this.detail ?? 'The SIP server did not answer in time; still trying.' });
        }
      }, waitMs);
    });
    if (!this.running) {
      this.running = true;
      this.set('registering', null);
      void this.tryConnect();
    }
    return result;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearRetry();
    this.clearKeepAlive();
    const wasRegistered = this.state === 'registered';
    this.set('unregistered', null);
    this.settle(false);
    if (wasRegistered && this.port.isConnected()) await this.port.unregister().catch(() => undefined);
    await this.port.disconnect().catch(() => undefined);
  }

  /** Transport callbacks (from the UA delegate). */
  onConnected(): void {
    if (!this.running) return;
    this.connecting = false;
    this.attempt = 0;
    this.clearRetry();
    const again = this.everConnected;
    this.everConnected = true;
    void this.doRegister().then(() => {
      if (again && this.state === 'registered') this.events.onReconnected();
    });
  }

  onDisconnected(error?: Error): void {
    if (!this.running) return;
    this.clearKeepAlive();
    this.lostAt ??= this.timers.now();
    this.set('registering', `Connection to the SIP server lost${error ? ` (${error.message})` : ''}; reconnecting.`);
    this.scheduleReconnect();
  }

  /** The browser is online again, the computer woke up, or a caller wants a check: probe now. */
  probe(reason: string): void {
    if (!this.running) return;
    if (!this.port.isConnected()) {
      // Skip the backoff wait: try at once.
      this.clearRetry();
      this.attempt = 1;
      this.lostAt ??= this.timers.now();
      void this.tryConnect();
      return;
    }
    void this.port.ping(this.opts.probeTimeoutMs).then(async (alive) => {
      if (!this.running) return;
      if (alive) {
        // Alive, but after sleep or a network change the registration may have expired or moved.
        if (reason !== 'keep-alive') await this.doRegister();
        else this.scheduleKeepAlive();
        return;
      }
      this.lostAt ??= this.timers.now();
      this.set('registering', `The SIP server stopped answering (${reason}); reconnecting.`);
      await this.port.disconnect().catch(() => undefined);
      this.clearRetry();
      this.attempt = 1;
      void this.tryConnect();
    });
  }

  /** The browser went offline: say so (the socket notices on its own time). */
  offline(): void {
    if (!this.running) return;
    this.detail = 'The computer is offline; the phone re-registers when the network is back.';
    this.events.onState(this.state, this.detail);
  }

  private async tryConnect(): Promise<void> {
    if (!this.running || this.connecting) return;
    if (this.port.isConnected()) {
      this.onConnected();
      return;
    }
    this.connecting = true;
    try {
      await this.port.connect();
      // onConnected() arrives through the UA delegate; call it here too in case the port does not.
      if (this.connecting) this.onConnected();
    } catch (e) {
      this.connecting = false;
      if (!this.running) return;
      this.lostAt ??= this.timers.now();
      const why = e instanceof Error ? e.message : String(e);
      this.set('registering', `Cannot reach the SIP server (${why}); retrying.`);
      this.settle(false);
      this.scheduleReconnect();
    }
  }

  /** Attempt 0 (right after a drop) is immediate; then the capped backoff. */
  private scheduleReconnect(): void {
    if (!this.running || this.retryTimer !== null) return;
    const delay = backoffDelay(this.attempt, this.opts.backoff, this.random);
    this.attempt += 1;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.tryConnect();
    }, delay);
  }

  private doRegister(): Promise<void> {
    if (this.registering) return this.registering;
    const run = (async () => {
      if (this.state !== 'registered') this.set('registering', this.detail);
      const r = await this.port.register();
      if (!this.running) return;
      if (r.ok) {
        if (this.lostAt !== null) this.lastRecoveryMs = this.timers.now() - this.lostAt;
        this.lostAt = null;
        this.set('registered', null);
        this.settle(true);
        this.scheduleKeepAlive();
        return;
      }
      const detail = `The SIP server refused the registration: ${r.status} ${r.reason}`.trim();
      if (r.retryable) {
        this.set('registering', `${detail}; retrying.`);
        this.settle(false);
        this.clearRetry();
        this.scheduleReconnectRegister();
      } else {
        this.set('failed', detail);
        this.settle(false);
        this.clearRetry();
        this.retryTimer = this.timers.setTimeout(() => {
          this.retryTimer = null;
          if (this.running && this.port.isConnected()) void this.doRegister();
        }, this.opts.refusedRetryMs);
      }
    })().finally(() => {
      this.registering = null;
    });
    this.registering = run;
    return run;
  }

  /** A retryable REGISTER failure on a live connection: try again on the backoff schedule. */
  private scheduleReconnectRegister(): void {
    this.attempt += 1;
    const delay = backoffDelay(this.attempt, this.opts.backoff, this.random);
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (!this.running) return;
      if (this.port.isConnected()) void this.doRegister();
      else void this.tryConnect();
    }, delay);
  }

  private scheduleKeepAlive(): void {
    this.clearKeepAlive();
    if (!this.running || this.opts.keepAliveMs <= 0) return;
    this.keepAliveTimer = this.timers.setTimeout(() => {
      this.keepAliveTimer = null;
      this.probe('keep-alive');
    }, this.opts.keepAliveMs);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearKeepAlive(): void {
    if (this.keepAliveTimer !== null) this.timers.clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = null;
  }

  private settle(ok: boolean): void {
    const waiters = this.waiters.splice(0);
    for (const w of waiters) w({ ok, detail: this.detail });
  }

  private set(state: RegState, detail: string | null): void {
    if (state === this.state && detail === this.detail) return;
    this.state = state;
    this.detail = detail;
    this.events.onState(state, detail);
  }
}
