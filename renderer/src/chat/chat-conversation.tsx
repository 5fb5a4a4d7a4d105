// One chat: transcript (a log, announced politely), consumer typing, composer (Enter sends,
// Shift+Enter adds a line; IME composition is respected for Korean), typing reports, transfer, end.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LiveSession } from '../../../common/ipc/app-state.js';
import { useApi, useLocale, useT } from '../app/context.js';
import { formatShortTime } from '../i18n/format.js';
import { customerLabel, queuePath } from '../store/selectors.js';
import { useCommand } from '../ui/feedback.js';
import { PHASE_KEY, SESSION_TYPE_KEY } from '../ui/labels.js';
import { TransferPicker } from '../ui/transfer-picker.js';
import type { TransferTarget } from '../softphone/phone.js';

/** How long after the last keystroke we tell the contact center the agent stopped typing. */
const TYPING_IDLE_MS = 4000;

function useTypingReport(sessionId: string) {
  const api = useApi();
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const send = (value: boolean) => {
    if (typing.current === value) return;
    typing.current = value;
    // Typing reports are best effort: a failure is not worth interrupting the agent.
    void api.invoke('session:typing', { sessionId, typing: value }).catch(() => undefined);
  };
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    send(false);
  };
  const keystroke = () => {
    send(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(stop, TYPING_IDLE_MS);
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { keystroke, stop };
}

export function ChatConversation({ s, draft, setDraft }: { s: LiveSession; draft: string; setDraft: (text: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const run = useCommand();
  const sessionId = s.session.id;
  const { keystroke, stop } = useTypingReport(sessionId);
  const [sending, setSending] = useState(false);
  const [showTransfer, setShowTransfer] = useState(false);
  const [target, setTarget] = useState<TransferTarget | null>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const live = s.phase === 'connected';
  const who = customerLabel(s);
  const path = queuePath(s);

  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [s.messages.length]);

  const send = async () => {
    const text = draft.trim();
    if (!text || !live || sending) return;
    setSending(true);
    stop();
    const r = await run('session:sendMessage', { sessionId, text }, 'chat.sendFailed');
    setSending(false);
    if (r.ok) setDraft('');
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      void send();
    }
  };

  const sender = (from: 'consumer' | 'agent' | 'bot') => (from === 'agent' ? t('chat.you') : from === 'bot' ? t('chat.bot') : who);

  return (
    <div className="conversation" data-testid="conversation">
      <div className="conversation__head">
        <div>
          <h3>{who}</h3>
          <p className="muted">
            {t(SESSION_TYPE_KEY[s.session.type])}
            {path ? ` · ${path}` : ''} · {t(PHASE_KEY[s.phase])}
          </p>
        </div>
        <div className="row">
          <button type="button" className="btn" aria-expanded={showTransfer} disabled={!live} onClick={() => setShowTransfer((v) => !v)}>
            {t('chat.transfer')}
          </button>
          <button type="button" className="btn btn--danger" disabled={!live} onClick={() => void run('session:end', { sessionId }, 'chat.endFailed')}>
            {t('chat.end')}
          </button>
        </div>
      </div>
      {showTransfer && live && (
        <div className="chat-transfer">
          <TransferPicker onChange={setTarget} />
          <button
            type="button"
            className="btn btn--primary"
            disabled={!target}
            onClick={async () => {
              if (!target) return;
              const r = await run(
                'session:transfer',
                target.kind === 'agent' ? { sessionId, toAgentId: target.agentId } : { sessionId, toQueueId: target.queueId },
                'transfer.failed',
              );
              if (r.ok) setShowTransfer(false);
            }}
          >
            {t('transfer.blind')}
          </button>
        </div>
      )}
      <div ref={logRef} className="messages" role="log" aria-label={t('chat.messagesWith', { who })} tabIndex={0} data-testid="messages">
        <ol className="messages__list">
        {s.messages.map((m) => (
          <li key={m.id} className={`message message--${m.from}`}>
            <span className="message__from">{sender(m.from)}</span>
            <p className="message__text">{m.text}</p>
            {m.attachments.map((a) => (
              <a key={a.url} href={a.url} target="_blank" rel="noreferrer noopener" className="message__file">
                {a.name}
              </a>
            ))}
            <time className="message__time" dateTime={m.sentAt ?? m.at}>
              {formatShortTime(m.sentAt ?? m.at, locale)}
            </time>
          </li>
        ))}
        </ol>
      </div>
      <p className="typing" aria-live="polite">
        {s.consumerTyping && live ? t('chat.typing', { who }) : ''}
      </p>
      {live ? (
        <form
          className="composer"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label htmlFor={`composer-${sessionId}`} className="sr-only">
            {t('chat.messageTo', { who })}
          </label>
          <textarea
            id={`composer-${sessionId}`}
            rows={2}
            value={draft}
            placeholder={t('chat.placeholder')}
            aria-describedby={`composer-help-${sessionId}`}
            onChange={(e) => {
              setDraft(e.target.value);
              if (e.target.value) keystroke();
              else stop();
            }}
            onBlur={stop}
            onKeyDown={onKey}
          />
          <p id={`composer-help-${sessionId}`} className="hint">
            {t('chat.composerHelp')}
          </p>
          <button type="submit" className="btn btn--primary" disabled={sending || !draft.trim()}>
            {t('chat.send')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('chat.over')}</p>
      )}
    </div>
  );
}
