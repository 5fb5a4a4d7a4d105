// The far end's audio, played on the agent's chosen speaker/headset (HTMLMediaElement.setSinkId).
// The ringtone is not played here: the renderer's Ringer plays it on the separate ringer device.

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void>; sinkId?: string };

export class RemoteAudio {
  readonly el: SinkAudio;
  private sink: string | null = null;

  constructor() {
    this.el = new Audio() as SinkAudio;
    this.el.autoplay = true;
  }

  attach(stream: MediaStream): void {
    if (this.el.srcObject !== stream) this.el.srcObject = stream;
    void this.el.play().catch(() => undefined);
  }

  /** Route to `deviceId` (null = system default). False when the browser cannot or the device is gone. */
  async setSink(deviceId: string | null): Promise<boolean> {
    if (deviceId === this.sink) return true;
    if (typeof this.el.setSinkId !== 'function') return deviceId === null;
    try {
      await this.el.setSinkId(deviceId ?? '');
      this.sink = deviceId;
      return true;
    } catch {
      return false;
    }
  }

  get sinkId(): string | null {
    return this.sink;
  }

  close(): void {
    this.el.pause();
    this.el.srcObject = null;
  }
}
