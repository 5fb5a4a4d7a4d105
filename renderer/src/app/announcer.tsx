// ARIA live regions for things that happen without the agent asking: incoming calls and chats
// (assertive), new chat messages in chats not on screen (polite).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type Politeness = 'polite' | 'assertive';
type Announce = (text: string, politeness?: Politeness) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState({ text: '', n: 0 });
  const [assertive, setAssertive] = useState({ text: '', n: 0 });
  const announce = useCallback<Announce>((text, politeness = 'polite') => {
    // The counter changes the node's key so repeating the same sentence is announced again.
    (politeness === 'assertive' ? setAssertive : setPolite)((prev) => ({ text, n: prev.n + 1 }));
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        <span key={polite.n}>{polite.text}</span>
      </div>
      <div className="sr-only" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        <span key={assertive.n}>{assertive.text}</span>
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
