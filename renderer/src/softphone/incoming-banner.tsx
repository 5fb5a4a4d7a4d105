// Offers waiting for the agent: ringing calls and chats, with answer and reject. Announced
// assertively once per offer; Alt+A answers and Alt+D rejects the oldest offer.
import { useEffect, useRef, useState } from 'react';
import type { LiveSession } from '../../../common/ipc/app-state.js';
import { useAnnounce } from '../app/announcer.js';
import { useAppState, useNow, useSelector, useT } from '../app/context.js';
import { useDeskUi } from '../app/desk-ui.js';
import { useShortcut, useShortcutText } from '../app/shortcuts.js';
import { elapsedSeconds, formatClock } from '../i18n/format.js';
import { customerLabel, queuePath, ringingOffers } from '../store/selectors.js';
import { useCommand, useReportFailure } from '../ui/feedback.js';
import { SESSION_TYPE_KEY } from '../ui/labels.js';
import { usePhone } from './phone-context.js';

function useOfferActions() {
  const { phone } = usePhone();
  const run = useCommand();
  const reportFailure = useReportFailure();
  const { selectChat, setView } = useDeskUi();
  const answer = async (s: LiveSession) => {
    setView('desk');
    if (s.session.channel === 'voice' && phone) {
      const r = await phone.answer(s.session.id);
      if (!r.ok) reportFailure('call.answerFailed', r.error);
    } else {
      const r = await run('session:accept', { sessionId: s.session.id }, 'chat.acceptFailed');
      if (r.ok) selectChat(s.session.id);
    }
  };
  const reject = async (s: LiveSession) => {
    if (s.session.channel === 'voice' && phone) {
      const r = await phone.reject(s.session.id);
      if (!r.ok) reportFailure('call.rejectFailed', r.error);
    } else {
      await run('session:reject', { sessionId: s.session.id }, 'chat.rejectFailed');
    }
  };
  return { answer, reject };
}

function Offer({ s, first }: { s: LiveSession; first: boolean }) {
  const t = useT();
  const now = useNow();
  const { answer, reject } = useOfferActions();
  const [busy, setBusy] = useState(false);
  const answerKeys = useShortcutText('answer');
  const declineKeys = useShortcutText('decline');
  const voice = s.session.channel === 'voice';
  const path = queuePath(s);
  const act = async (f: (s: LiveSession) => Promise<void>) => {
    setBusy(true);
    await f(s);
    setBusy(false);
  };
  const who = customerLabel(s);
  return (
    <article className={`offer offer--${s.session.channel}`} aria-labelledby={`offer-${s.session.id}`} data-testid="offer">
      <div className="offer__info">
        <h2 id={`offer-${s.session.id}`} className="offer__title">
          {voice ? t('offer.call', { who }) : t('offer.chat', { who })}
        </h2>
        <p className="offer__meta">
          <span>{t(SESSION_TYPE_KEY[s.session.type])}</span>
          {voice && s.session.customer.phone && s.session.customer.phone !== who && <span>{s.session.customer.phone}</span>}
          {path && <span>{t('offer.path', { path })}</span>}
          {s.session.language && <span>{t('offer.language', { language: s.session.language })}</span>}
          {s.session.dialedNumber && voice && <span>{t('offer.dialed', { number: s.session.dialedNumber })}</span>}
          <span>{t('offer.waiting', { time: formatClock(elapsedSeconds(s.assignedAt, now)) })}</span>
        </p>
      </div>
      <div className="offer__actions">
        <button type="button" className="btn btn--answer" disabled={busy} onClick={() => void act(answer)} aria-keyshortcuts={first ? 'Alt+A' : undefined}>
          {t('offer.answer')}
          {first && <kbd className="kbd-hint">{answerKeys}</kbd>}
        </button>
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void act(reject)} aria-keyshortcuts={first ? 'Alt+D' : undefined}>
          {t('offer.reject')}
          {first && <kbd className="kbd-hint">{declineKeys}</kbd>}
        </button>
      </div>
    </article>
  );
}

/**
 * A global shortcut (outside the window, handled by the core) asked to answer or hang up: do
 * exactly what the buttons do, once per nonce. An action already present when the window loads
 * is old and is not repeated.
 */
function useGlobalActions(answer: (s: LiveSession) => Promise<void>) {
  const state = useAppState();
  const { phone } = usePhone();
  const run = useCommand();
  const report = useReportFailure();
  const action = state.softphone.action ?? null;
  const handled = useRef<number | null>(action?.nonce ?? null);
  useEffect(() => {
    if (!action || action.nonce === handled.current) return;
    handled.current = action.nonce;
    const s = state.sessions.find((x) => x.session.id === action.sessionId);
    if (!s) return;
    if (action.kind === 'answer' && s.phase === 'ringing') void answer(s);
    if (action.kind === 'hangUp') {
      if (s.session.channel === 'voice' && phone) {
        void phone.hangup(s.session.id).then((r) => {
          if (!r.ok) report('call.hangupFailed', r.error);
        });
      } else void run('session:end', { sessionId: s.session.id }, 'chat.endFailed');
    }
  }, [action, state.sessions, answer, phone, run, report]);
}

export function IncomingBanner() {
  const t = useT();
  const offers = useSelector(ringingOffers);
  const announce = useAnnounce();
  const announced = useRef(new Set<string>());
  const { answer, reject } = useOfferActions();
  const answerKeys = useShortcutText('answer');
  useGlobalActions(answer);

  useEffect(() => {
    for (const s of offers) {
      if (announced.current.has(s.session.id)) continue;
      announced.current.add(s.session.id);
      const who = customerLabel(s);
      const path = queuePath(s);
      const what = s.session.channel === 'voice' ? t('offer.call', { who }) : t('offer.chat', { who });
      announce(`${what}${path ? `, ${path}` : ''}. ${t('offer.announceHint', { keys: answerKeys })}`, 'assertive');
    }
  }, [offers, announce, t, answerKeys]);

  useShortcut('answer', () => {
    const first = offers[0];
    if (!first) return false;
    void answer(first);
  });
  useShortcut('decline', () => {
    const first = offers[0];
    if (!first) return false;
    void reject(first);
  });

  if (offers.length === 0) return null;
  return (
    <section className="incoming" aria-label={t('offer.region')} data-testid="incoming">
      {offers.map((s, i) => (
        <Offer key={s.session.id} s={s} first={i === 0} />
      ))}
    </section>
  );
}
