// ICE restart to recover audio in a call (SOFT-1, shipping issue): when the media path fails
// (network change, Wi-Fi roam, VPN up/down) the peer connection goes `disconnected` or `failed`.
// `failed` restarts at once; `disconnected` gets a short grace period (it often recovers by
// itself). The restart itself (a re-INVITE with iceRestart) is the caller's callback.

/** RTCIceConnectionState (spelled out so this module type-checks without the DOM library). */
export type IceState = 'new' | 'checking' | 'connected' | 'completed' | 'disconnected' | 'failed' | 'closed';

export interface IceWatchOptions {
  graceMs: number;
  /** Retry a restart that could not be sent (e.g. another re-INVITE was pending). */
  retryMs: number;
  maxAttempts: number;
}

export const DEFAULT_ICE_WATCH: IceWatchOptions = { graceMs: 2000, retryMs: 1500, maxAttempts: 3 };

interface IceSource {
  readonly iceConnectionState: IceState;
  addEventListener(type: 'iceconnectionstatechange', f: () => void): void;
  removeEventListener(type: 'iceconnectionstatechange', f: () => void): void;
}

export class IceWatch {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private restarting = false;
  private stopped = false;
  /** Restarts sent, for logs and tests. */
  restarts = 0;

  constructor(
    private readonly pc: IceSource,
    /** Sends the ICE-restart re-INVITE; resolves false when it could not. */
    private readonly restart: (reason: string) => Promise<boolean>,
    private readonly opts: IceWatchOptions = DEFAULT_ICE_WATCH,
  ) {
    pc.addEventListener('iceconnectionstatechange', this.onChange);
  }

  private readonly onChange = (): void => {
    if (this.stopped) return;
    const s = this.pc.iceConnectionState;
    if (s === 'connected' || s === 'completed') {
      this.attempts = 0;
      this.clear();
    } else if (s === 'failed') {
      this.clear();
      void this.trigger('ice failed');
    } else if (s === 'disconnected' && this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.pc.iceConnectionState === 'disconnected' || this.pc.iceConnectionState === 'failed') void this.trigger('ice disconnected');
      }, this.opts.graceMs);
    }
  };

  /** Restart now (also after the SIP connection came back, when the network changed). */
  async trigger(reason: string): Promise<boolean> {
    if (this.stopped || this.restarting) return false;
    if (this.attempts >= this.opts.maxAttempts) return false;
    this.attempts += 1;
    this.restarting = true;
    const ok = await this.restart(reason).catch(() => false);
    this.restarting = false;
    if (ok) this.restarts += 1;
    else if (!this.stopped && this.timer === null && this.attempts < this.opts.maxAttempts) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.trigger(`${reason} (retry)`);
      }, this.opts.retryMs);
    }
    return ok;
  }

  /** A deliberate restart (not a failure) does not count against the attempts. */
  resetAttempts(): void {
    this.attempts = 0;
  }

  stop(): void {
    this.stopped = true;
    this.clear();
    this.pc.removeEventListener('iceconnectionstatechange', this.onChange);
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
