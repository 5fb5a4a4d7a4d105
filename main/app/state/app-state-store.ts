// Owns the AppState: views mutate a working copy through `update`, and listeners get a frozen
// snapshot with a higher version once per burst of changes (coalesced to the next turn of the
// event loop), so a flurry of socket events becomes one push to the renderer. Snapshots are
// shared by every listener, hence deeply frozen.
import type { AppState } from '../../../common/ipc/index.js';

export type StateListener = (state: AppState) => void;
export type Scheduler = (fn: () => void) => void;

const nextTurn: Scheduler = (fn) => {
  setImmediate(fn);
};

export class AppStateStore {
  private readonly listeners = new Set<StateListener>();
  private dirty = false;
  private scheduled = false;
  private nonce = 0;
  private last: AppState;

  constructor(
    private readonly working: AppState,
    private readonly schedule: Scheduler = nextTurn,
    private readonly onListenerError: (e: unknown) => void = () => {},
  ) {
    this.last = deepFreeze(structuredClone(working));
  }

  /** The working copy, read-only by convention: change it through `update`. */
  get current(): Readonly<AppState> {
    return this.working;
  }

  update(change: (s: AppState) => void): void {
    change(this.working);
    this.dirty = true;
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** A fresh number for `navigate`, `dialRequest` and shortcut actions. */
  nextNonce(): number {
    this.nonce += 1;
    return this.nonce;
  }

  /** Publishes pending changes now; returns the latest snapshot. */
  flush(): AppState {
    if (!this.dirty) return this.last;
    this.dirty = false;
    this.working.version += 1;
    this.last = deepFreeze(structuredClone(this.working));
    for (const l of this.listeners) {
      try {
        l(this.last);
      } catch (e) {
        this.onListenerError(e);
      }
    }
    return this.last;
  }

  /** The newest state (pending changes published first). */
  snapshot(): AppState {
    return this.flush();
  }

  onChange(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
