// Ringtones synthesised with Web Audio (no media files, so nothing for the CSP to allow), played
// on the ringer device the agent chose (AudioContext.setSinkId), separate from the headset.
import type { RingtoneId } from './audio-prefs.js';

type Note = { at: number; freq: number[]; dur: number };

/** One cycle of each ringtone: notes relative to the cycle start (s), and the cycle length. */
const PATTERNS: Record<Exclude<RingtoneId, 'none'>, { notes: Note[]; period: number }> = {
  classic: { notes: [{ at: 0, freq: [440, 480], dur: 1.6 }], period: 4 },
  soft: {
    notes: [
      { at: 0, freq: [880], dur: 0.35 },
      { at: 0.4, freq: [660], dur: 0.35 },
      { at: 0.8, freq: [523], dur: 0.6 },
    ],
    period: 3,
  },
  digital: {
    notes: [0, 0.2, 0.4, 0.6].map((at) => ({ at, freq: [1200], dur: 0.12 })),
    period: 2,
  },
};

type SinkContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

export class Ringer {
  private ctx: SinkContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private playing: string | null = null;

  /** Start ringing (no-op if the same ringtone already rings). */
  async start(ringtone: RingtoneId, volume: number, sinkId: string | null, loop = true): Promise<void> {
    const key = `${ringtone}|${volume}|${sinkId ?? ''}|${loop}`;
    if (loop && this.playing === key) return;
    this.stop();
    if (ringtone === 'none' || volume <= 0) return;
    this.playing = key;
    try {
      const ctx: SinkContext = new AudioContext();
      this.ctx = ctx;
      if (sinkId && typeof ctx.setSinkId === 'function') await ctx.setSinkId(sinkId).catch(() => undefined);
      // A browser may start the context suspended until the page was used; Electron does not.
      if (ctx.state === 'suspended') await ctx.resume().catch(() => undefined);
      if (this.ctx !== ctx) return; // stopped while waiting
      const pattern = PATTERNS[ringtone];
      const cycle = () => {
        if (this.ctx !== ctx) return;
        const t0 = ctx.currentTime + 0.05;
        for (const n of pattern.notes) this.tone(ctx, n, t0, volume);
      };
      cycle();
      if (loop) this.timer = setInterval(cycle, pattern.period * 1000);
    } catch {
      // No audio output available: the banner and the live region still announce the offer.
      this.playing = null;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.playing = null;
    const ctx = this.ctx;
    this.ctx = null;
    void ctx?.close().catch(() => undefined);
  }

  private tone(ctx: AudioContext, n: Note, t0: number, volume: number): void {
    const gain = ctx.createGain();
    const start = t0 + n.at;
    const end = start + n.dur;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.25 * volume, start + 0.02);
    gain.gain.setValueAtTime(0.25 * volume, end - 0.05);
    gain.gain.linearRampToValueAtTime(0, end);
    gain.connect(ctx.destination);
    for (const f of n.freq) {
      const osc = ctx.createOscillator();
      osc.frequency.value = f;
      osc.connect(gain);
      osc.start(start);
      osc.stop(end);
    }
  }
}
