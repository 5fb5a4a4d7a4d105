// A small helper the event handlers share: session tracks changed in an overlay over the given
// state (never mutated), plus the intents and the trace each decision produces. Keeps `decide`
// pure without a wall of spreads, and a decision's cost independent of how many sessions the
// state holds: the caller applies `changed`; the whole next state is built only when asked for.
import type { Session } from '../../../common/protocol/index.js';
import type { Decision, DecideContext, EngineState, Intent, SessionTrack } from './types.js';

export class DecisionBuilder {
  readonly intents: Intent[] = [];
  readonly trace: string[] = [];
  private readonly base: Record<string, SessionTrack>;
  private readonly changed: Record<string, SessionTrack> = {};
  private meNow: EngineState['me'];
  private settingsNow: EngineState['settings'];

  constructor(
    state: EngineState,
    readonly ctx: DecideContext,
    readonly at: string,
  ) {
    this.base = state.sessions;
    this.meNow = state.me;
    this.settingsNow = state.settings;
  }

  get state(): EngineState {
    const sessions = Object.keys(this.changed).length === 0 ? this.base : { ...this.base, ...this.changed };
    return { me: this.meNow, settings: this.settingsNow, sessions };
  }

  /** The agent as this decision leaves it (cheap: the handlers read this, not `state`). */
  get me(): EngineState['me'] {
    return this.meNow;
  }

  get settings(): EngineState['settings'] {
    return this.settingsNow;
  }

  setIdentity(me: EngineState['me'], settings: EngineState['settings']): void {
    this.meNow = me;
    this.settingsNow = settings;
  }

  setSettings(settings: EngineState['settings']): void {
    this.settingsNow = settings;
  }

  track(key: string): SessionTrack | undefined {
    return this.changed[key] ?? this.base[key];
  }

  /** The track for a session, created in phase `offered` when it is new. */
  trackFor(key: string, session: Session | null): SessionTrack {
    return (
      this.track(key) ?? {
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
    this.changed[track.key] = next;
    return next;
  }

  emit(...intents: Intent[]): void {
    this.intents.push(...intents);
  }

  note(line: string): void {
    this.trace.push(line);
  }

  result(): Decision {
    const state = () => this.state;
    return {
      get state() {
        return state();
      },
      me: this.meNow,
      settings: this.settingsNow,
      changed: this.changed,
      intents: this.intents,
      trace: this.trace,
    };
  }
}
