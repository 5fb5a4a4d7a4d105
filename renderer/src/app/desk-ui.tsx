// UI-only state shared across the desk (not business state): which chat is on screen and what
// is in the dial pad.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type View = 'desk' | 'admin' | 'supervisor';

interface DeskUi {
  view: View;
  setView(v: View): void;
  selectedChatId: string | null;
  selectChat(id: string | null): void;
  dialNumber: string;
  setDialNumber(n: string): void;
  /** Bumped to move focus to the dial pad's number field. */
  dialFocus: number;
  focusDialPad(): void;
}

const DeskUiContext = createContext<DeskUi | null>(null);

export function DeskUiProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<View>('desk');
  const [selectedChatId, selectChat] = useState<string | null>(null);
  const [dialNumber, setDialNumber] = useState('');
  const [dialFocus, setDialFocus] = useState(0);
  const value = useMemo<DeskUi>(
    () => ({ view, setView, selectedChatId, selectChat, dialNumber, setDialNumber, dialFocus, focusDialPad: () => setDialFocus((n) => n + 1) }),
    [view, selectedChatId, dialNumber, dialFocus],
  );
  return <DeskUiContext.Provider value={value}>{children}</DeskUiContext.Provider>;
}

export function useDeskUi(): DeskUi {
  const v = useContext(DeskUiContext);
  if (!v) throw new Error('DeskUiProvider missing');
  return v;
}
