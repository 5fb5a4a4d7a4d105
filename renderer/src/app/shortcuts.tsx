// One keydown listener dispatches Alt shortcuts to whichever component registered them.
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { matchShortcut, shortcutText, type ShortcutId } from './shortcut-keys.js';

type Handler = () => boolean | void;

interface Registry {
  register(id: ShortcutId, handler: Handler): () => void;
  mac: boolean;
}

const ShortcutContext = createContext<Registry | null>(null);

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function ShortcutProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<ShortcutId, Handler[]>());
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchShortcut(e);
      if (!id) return;
      const list = handlers.current.get(id) ?? [];
      // The most recently mounted handler that accepts the shortcut wins.
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i]?.() !== false) {
          e.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const registry = useMemo<Registry>(
    () => ({
      mac: isMac,
      register(id, handler) {
        const list = handlers.current.get(id) ?? [];
        handlers.current.set(id, [...list, handler]);
        return () => handlers.current.set(id, (handlers.current.get(id) ?? []).filter((h) => h !== handler));
      },
    }),
    [],
  );
  return <ShortcutContext.Provider value={registry}>{children}</ShortcutContext.Provider>;
}

/** Register a shortcut handler; return false from it to let the shortcut pass (nothing to do). */
export function useShortcut(id: ShortcutId, handler: Handler): void {
  const registry = useContext(ShortcutContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => registry?.register(id, () => latest.current()), [registry, id]);
}

export function useShortcutText(id: ShortcutId): string {
  const registry = useContext(ShortcutContext);
  return shortcutText(id, registry?.mac ?? false);
}
