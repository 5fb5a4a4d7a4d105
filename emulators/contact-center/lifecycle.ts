// How sessions finish: end (talk, wait and hold time), abandon (short/long, queued/assigned),
// hold, and the call recording that follows a recorded voice session.
import { now, orchestrators, type SimContext } from './context.js';
import { fail } from './sim-error.js';
import type { SimSession } from './session-store.js';

const secs = (ms: number) => Math.max(0, Math.round(ms / 1000));

export class Lifecycle {
  constructor(private readonly ctx: SimContext) {}

  /** The session ends (customer or agent hung up, chat closed). `by`: the agent asking, if any. */
  end(sessionId: string, by?: string): void {
    const s = this.ctx.sessions.require(sessionId);
    if (s.state === 'ended' || s.state === 'abandoned') fail('conflict', `session ${sessionId} already ${s.state}`);
    if (by !== undefined && s.agentEmail !== by) fail('forbidden', `session ${sessionId} is not handled by ${by}`);
    const unansweredDial = s.state === 'offered' && s.session.type === 'voice_outbound';
    if (s.state !== 'connected' && !unansweredDial) {
      fail('conflict', `session ${sessionId} is ${s.state}; only a connected session can end (use abandon)`);
    }
    const handler = s.agentEmail;
    if (!handler) fail('conflict', `session ${sessionId} has no agent`);
    this.stopHold(s);
    this.ctx.router.release(s);
    this.finish(s, 'ended');
    this.ctx.hub.toIdentity(handler, 'session.ended', this.durations(s));
    this.afterLeave(s, handler);
  }

  /** The consumer left. Before assignment: orchestrators; ringing: the assigned agent. */
  abandon(sessionId: string): void {
    const s = this.ctx.sessions.require(sessionId);
    const short = now(this.ctx) - s.startedAt < this.ctx.cfg.shortAbandonSec * 1000;
    const base = { sessionId, short, consumerMessages: s.consumerMessages };
    switch (s.state) {
      case 'connected':
        return this.end(sessionId);
      case 'offered': {
        const agent = s.agentEmail as string;
        this.ctx.router.release(s);
        this.finish(s, 'abandoned');
        this.ctx.hub.toIdentity(agent, 'session.abandoned', { ...base, stage: 'assigned' });
        return this.afterLeave(s, null);
      }
      case 'queued':
        if (s.connectedAt !== null) {
          // Transferred to a queue, then the customer hung up: it ended, and no agent holds it.
          this.finish(s, 'ended');
          this.ctx.late.deliver(s, 'session.ended', this.durations(s));
          return this.afterLeave(s, null);
        }
        this.finish(s, 'abandoned');
        for (const o of orchestrators(this.ctx)) {
          this.ctx.hub.toIdentity(o, 'session.abandoned', { ...base, stage: 'queued', session: s.session });
        }
        return this.afterLeave(s, null);
      default:
        fail('conflict', `session ${sessionId} already ${s.state}`);
    }
  }

  hold(sessionId: string, on: boolean): void {
    const s = this.ctx.sessions.require(sessionId);
    if (s.session.channel !== 'voice' || s.state !== 'connected') {
      fail('conflict', `session ${sessionId} is not a connected call`);
    }
    if (on && s.holdSince === null) s.holdSince = now(this.ctx);
    if (!on) this.stopHold(s);
  }

  /** Announce the recording of an ended call (also called by end() after recordingDelayMs). */
  recording(sessionId: string, durationSec?: number): string {
    const s = this.ctx.sessions.require(sessionId);
    if (s.session.channel !== 'voice' || s.state !== 'ended' || s.connectedAt === null) {
      fail('conflict', `session ${sessionId} is not an ended, connected call`);
    }
    const to = s.lastAgentEmail;
    if (!to) fail('conflict', `session ${sessionId} has no agent to receive its recording`);
    s.recording = { durationSec: durationSec ?? this.durations(s).durationSec };
    const url = `${this.ctx.baseUrl}/media/recordings/${encodeURIComponent(sessionId)}.wav`;
    this.ctx.hub.toIdentity(to, 'session.recording', {
      sessionId,
      url,
      mimeType: 'audio/wav',
      durationSec: s.recording.durationSec,
    });
    return url;
  }

  private durations(s: SimSession) {
    const end = s.endedAt ?? now(this.ctx);
    const connected = s.connectedAt;
    return {
      sessionId: s.session.id,
      durationSec: connected === null ? 0 : secs(end - connected),
      waitSec: secs((connected ?? end) - s.startedAt),
      holdSec: secs(s.holdMs),
    };
  }

  private stopHold(s: SimSession): void {
    if (s.holdSince === null) return;
    s.holdMs += now(this.ctx) - s.holdSince;
    s.holdSince = null;
  }

  private finish(s: SimSession, state: 'ended' | 'abandoned'): void {
    this.ctx.sessions.setState(s, state);
    s.queuedAt = null;
    s.endedAt = now(this.ctx);
  }

  /** Status, recording and routing consequences once a session has left `handler` (or nobody). */
  private afterLeave(s: SimSession, handler: string | null): void {
    if (handler && s.session.channel === 'voice') this.ctx.status.afterVoice(handler);
    if (handler && s.session.recordingEnabled && s.session.channel === 'voice' && s.connectedAt !== null) {
      const id = s.session.id;
      const delay = this.ctx.cfg.recordingDelayMs;
      if (delay === 0) this.recording(id);
      else this.ctx.timers.after(delay, () => this.recording(id));
    }
    this.ctx.supervisors.changed();
    this.ctx.router.routeAll();
  }
}
