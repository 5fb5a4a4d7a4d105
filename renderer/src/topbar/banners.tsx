// Plain statements of what the agent must know: a second instance, SYNC-5 precondition findings,
// and the core's notices (dismissable).
import { useAppState, useLocale, useT } from '../app/context.js';
import { formatShortTime } from '../i18n/format.js';
import { useCommand } from '../ui/feedback.js';
import { FeedbackList } from '../ui/feedback.js';
import { SEVERITY_KEY } from '../ui/labels.js';

export function Banners() {
  const state = useAppState();
  const t = useT();
  const locale = useLocale();
  const run = useCommand();
  const { preconditions, notices } = state;
  return (
    <div className="banners">
      {state.connection.duplicateInstance && (
        <p className="banner banner--error" role="alert">
          {t('connection.duplicate')}
        </p>
      )}
      {preconditions.length > 0 && (
        <section className="preconditions" aria-labelledby="preconditions-title" data-testid="preconditions">
          <h2 id="preconditions-title" className="banner-title">
            {t('preconditions.title')}
          </h2>
          <ul>
            {preconditions.map((p) => (
              <li key={p.id} className={`banner banner--${p.severity}`}>
                <span>
                  <strong>{t(SEVERITY_KEY[p.severity])}:</strong> {p.text[locale]}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label={t('notices.label')} className="notices">
        <ul aria-live="polite" data-testid="notices">
          {notices.map((n) => (
            <li key={n.id} className={`banner banner--${n.level}`}>
              <span>
                <strong>{t(SEVERITY_KEY[n.level])}:</strong> {n.text[locale]}{' '}
                <time className="muted" dateTime={n.at}>
                  {formatShortTime(n.at, locale)}
                </time>
              </span>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                aria-label={t('notices.dismissOne', { text: n.text[locale] })}
                onClick={() => void run('app:dismissNotice', { id: n.id }, 'notices.dismissFailed')}
              >
                {t('common.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <FeedbackList />
    </div>
  );
}
