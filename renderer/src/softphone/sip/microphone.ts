// The agent's microphone for calls (SOFT-1 devices): the chosen input device with echo
// cancellation, falling back to the default device when the chosen one is gone. A stream can be
// opened while a call rings ("prewarm"), so answering does not wait for the device.

export type MediaStreamFactory = (constraints: MediaStreamConstraints, sdh: unknown, options?: unknown) => Promise<MediaStream>;

type GetUserMedia = (c: MediaStreamConstraints) => Promise<MediaStream>;

const PROCESSING = { echoCancellation: true, noiseSuppression: true, autoGainControl: true } as const;

export function micConstraints(deviceId: string | null): MediaStreamConstraints {
  return { audio: deviceId ? { ...PROCESSING, deviceId: { exact: deviceId } } : { ...PROCESSING }, video: false };
}

/** The chosen device is missing or unusable: try the default device instead. */
function deviceGone(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name ?? '';
  return name === 'OverconstrainedError' || name === 'NotFoundError' || name === 'NotReadableError';
}

function live(s: MediaStream): boolean {
  const tracks = s.getAudioTracks();
  return tracks.length > 0 && tracks.every((t) => t.readyState === 'live');
}

export class Microphone {
  private warm: { deviceId: string | null; stream: Promise<MediaStream>; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    private readonly deviceId: () => string | null,
    private readonly getUserMedia: GetUserMedia = (c) => navigator.mediaDevices.getUserMedia(c),
  ) {}

  /** For sip.js' session description handler: ignores its constraints except "no audio". */
  readonly factory: MediaStreamFactory = async (constraints) => {
    if (!constraints.audio && !constraints.video) return new MediaStream();
    const dev = this.deviceId();
    const warm = this.warm;
    if (warm && warm.deviceId === dev) {
      this.warm = null;
      clearTimeout(warm.timer);
      const s = await warm.stream.catch(() => null);
      if (s && live(s)) return s;
    }
    return this.open(dev);
  };

  async open(deviceId: string | null = this.deviceId()): Promise<MediaStream> {
    try {
      return await this.getUserMedia(micConstraints(deviceId));
    } catch (e) {
      if (deviceId && deviceGone(e)) return this.getUserMedia(micConstraints(null));
      throw e;
    }
  }

  /** Open a stream now for the next call; it is closed if no call takes it within `keepMs`. */
  prewarm(keepMs = 30_000): void {
    const dev = this.deviceId();
    if (this.warm?.deviceId === dev) return;
    this.release();
    const stream = this.open(dev);
    stream.catch(() => undefined);
    const timer = setTimeout(() => this.release(), keepMs);
    this.warm = { deviceId: dev, stream, timer };
  }

  release(): void {
    const warm = this.warm;
    this.warm = null;
    if (!warm) return;
    clearTimeout(warm.timer);
    void warm.stream.then((s) => s.getTracks().forEach((t) => t.stop())).catch(() => undefined);
  }
}
