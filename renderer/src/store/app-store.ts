// One store for the core's AppState: fed by `onState` pushes and one `app:getState` at start.
// The renderer keeps no business state of its own; this only orders the pushes it receives.
import type { AgentDeskApi } from '../../../common/ipc/contract.js';
import type { AppState } from '../../../common/ipc/app-state.js';

export type StoreStatus = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; message: string };

export interface AppStore {
  getState(): AppState | null;
  getStatus(): StoreStatus;
  subscribe(listener: () => void): () => void;
  /** Subscribe to pushes, then ask for the whole state once. Resolves when a state is known or loading failed. */
  start(): Promise<void>;
  stop(): void;
}

export function createAppStore(api: Pick<AgentDeskApi, 'invoke' | 'onState'>): AppStore {
  let state: AppState | null = null;
  let status: StoreStatus = { phase: 'loading' };
  let unsubscribe: (() => void) | null = null;
  const listeners = new Set<() => void>();

  const emit = () => {
    for (const l of [...listeners]) l();
  };

  /** Pushes and the getState reply can cross; an older version never replaces a newer one. */
  const accept = (next: AppState) => {
    if (state && next.version < state.version) return;
    if (state === next) return;
    state = next;
    status = { phase: 'ready' };
    emit();
  };

  return {
    getState: () => state,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      unsubscribe ??= api.onState(accept);
      try {
        const r = await api.invoke('app:getState', {});
        if (r.ok) accept(r.value);
        else if (!state) {
          status = { phase: 'failed', message: r.error.message };
          emit();
        }
      } catch (e) {
        if (!state) {
          status = { phase: 'failed', message: e instanceof Error ? e.message : String(e) };
          emit();
        }
      }
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      listeners.clear();
    },
  };
}
