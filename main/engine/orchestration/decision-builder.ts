// A small helper the event handlers share: copy-on-write session tracks, plus the intents and
// the trace each decision produces. Keeps `decide` pure without a wall of spreads.
import type { Session } from '../../../common/protocol/index.js';
import type { Decision, DecideContext, EngineState, Intent, SessionTrack } from './types.js';

export class DecisionBuilder {
  readonly intents: Intent[] = [];
  readonly trace: string[] = [];
  private sessions: Record<string, SessionTrack>;
  private me: EngineState['me'];
  private settings: EngineState['settings'];

  constructor(
    state: EngineState,
    readonly ctx: DecideContext,
    readonly at: string,
  ) {
    this.sessions = state.sessions;
    this.me = state.me;
    this.settings = state.settings;
  }

  get state(): EngineState {
    return { me: this.me, settings: this.settings, sessions: this.sessions };
  }

  setIdentity(me: EngineState['me'], settings: EngineState['settings']): void {
    this.me = me;
    this.settings = settings;
  }

  setSettings(settings: EngineState['settings']): void {
    this.settings = settings;
  }

  track(key: string): SessionTrack | undefined {
    return this.sessions[key];
  }

  /** The track for a session, created in phase `offered` when it is new. */
  trackFor(key: string, session: Session | null): SessionTrack {
    return (
      this.sessions[key] ?? {
        key,
        session,
        phase: 'offered',
        consumerMessages: 0,
        transcript: [],
        record: 'none',
        link: null,
        updatedAt: this.at,
      }
    );
  }

  put(track: SessionTrack): SessionTrack {
    const next = { ...track, updatedAt: this.at };
    this.sessions = { ...this.sessions, [track.key]: next };
    return next;
  }

  emit(...intents: Intent[]): void {
    this.intents.push(...intents);
  }

  note(line: string): void {
    this.trace.push(line);
  }

  result(): Decision {
    return { state: this.state, intents: this.intents, trace: this.trace };
  }
}
