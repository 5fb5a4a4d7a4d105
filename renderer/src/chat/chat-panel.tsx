// CHAT-1: several chats at once as tabs; Alt+] / Alt+[ switch, Alt+C writes in the current one.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useAnnounce } from '../app/announcer.js';
import { useSelector, useT } from '../app/context.js';
import { useDeskUi } from '../app/desk-ui.js';
import { useShortcut } from '../app/shortcuts.js';
import { chatSessions, customerLabel, unreadCount } from '../store/selectors.js';
import { ChatConversation } from './chat-conversation.js';

export function ChatPanel() {
  const t = useT();
  const chats = useSelector(chatSessions);
  const { selectedChatId, selectChat, setView } = useDeskUi();
  const announce = useAnnounce();
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const announced = useRef(new Set<string>());

  const selected = chats.find((c) => c.session.id === selectedChatId) ?? chats[0] ?? null;
  const selectedId = selected?.session.id ?? null;

  // Messages of the chat on screen count as seen; when the agent leaves or opens a chat, all its
  // messages so far are seen (adjusted during render, once per change of chat).
  const [seenFor, setSeenFor] = useState<string | null>(null);
  if (seenFor !== selectedId) {
    setSeenFor(selectedId);
    const ids = chats.filter((c) => c.session.id === seenFor || c.session.id === selectedId).flatMap((c) => c.messages.map((m) => m.id));
    if (ids.length > 0) setSeen((s) => new Set([...s, ...ids]));
  }

  // Consumer messages in chats not on screen are announced once.
  useEffect(() => {
    for (const c of chats) {
      if (c.session.id === selectedId) continue;
      for (const m of c.messages) {
        if (m.from === 'agent' || seen.has(m.id) || announced.current.has(m.id)) continue;
        announced.current.add(m.id);
        announce(t('chat.newMessageIn', { who: customerLabel(c), text: m.text }));
      }
    }
  }, [chats, selectedId, seen, announce, t]);

  const focusTab = (id: string) => {
    selectChat(id);
    tabRefs.current.get(id)?.focus();
  };
  const step = (delta: number) => {
    if (chats.length === 0) return false;
    const i = chats.findIndex((c) => c.session.id === selectedId);
    const next = chats[(i + delta + chats.length) % chats.length];
    if (!next) return false;
    setView('desk');
    focusTab(next.session.id);
  };
  useShortcut('chatNext', () => step(1));
  useShortcut('chatPrev', () => step(-1));
  useShortcut('chatCompose', () => {
    if (!selectedId) return false;
    setView('desk');
    document.getElementById(`composer-${selectedId}`)?.focus();
  });

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = chats.findIndex((c) => c.session.id === selectedId);
    let target: number | null = null;
    if (e.key === 'ArrowRight') target = (i + 1) % chats.length;
    else if (e.key === 'ArrowLeft') target = (i - 1 + chats.length) % chats.length;
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = chats.length - 1;
    if (target === null) return;
    e.preventDefault();
    const c = chats[target];
    if (c) focusTab(c.session.id);
  };

  return (
    <section className="panel chat-panel" aria-labelledby="chat-title" data-testid="chat-panel">
      <div className="panel__head">
        <h2 id="chat-title">{t('chat.title')}</h2>
        <span className="muted">{t('chat.count', { n: chats.length })}</span>
      </div>
      {chats.length === 0 ? (
        <p className="muted empty">{t('chat.none')}</p>
      ) : (
        <>
          <div role="tablist" aria-label={t('chat.tabs')} className="tabs">
            {chats.map((c) => {
              const unread = c.session.id === selectedId ? 0 : unreadCount(c, seen);
              const active = c.session.id === selectedId;
              return (
                <button
                  key={c.session.id}
                  ref={(el) => {
                    if (el) tabRefs.current.set(c.session.id, el);
                    else tabRefs.current.delete(c.session.id);
                  }}
                  type="button"
                  role="tab"
                  id={`chat-tab-${c.session.id}`}
                  aria-selected={active}
                  aria-controls={`chat-panel-${c.session.id}`}
                  tabIndex={active ? 0 : -1}
                  className={`tab${c.phase !== 'connected' ? ' tab--ended' : ''}`}
                  onClick={() => selectChat(c.session.id)}
                  onKeyDown={onTabKey}
                >
                  <span>{customerLabel(c)}</span>
                  {c.consumerTyping && <span className="typing-dot" aria-hidden="true" />}
                  {unread > 0 && (
                    <span className="badge">
                      {unread}
                      <span className="sr-only"> {t('chat.unread')}</span>
                    </span>
                  )}
                </button>
              );
            })}
          </div>
          {selected && (
            <div role="tabpanel" id={`chat-panel-${selected.session.id}`} aria-labelledby={`chat-tab-${selected.session.id}`} className="tabpanel">
              <ChatConversation
                key={selected.session.id}
                s={selected}
                draft={drafts[selected.session.id] ?? ''}
                setDraft={(text) => setDrafts((d) => ({ ...d, [selected.session.id]: text }))}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
