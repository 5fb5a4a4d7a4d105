// Recent calls (SOFT-1); "call back" puts the number in the dial pad.
import { useAppState, useLocale, useT } from '../app/context.js';
import { useDeskUi } from '../app/desk-ui.js';
import { formatDateTime, formatDuration } from '../i18n/format.js';
import { OUTCOME_KEY } from '../ui/labels.js';

export function CallHistory() {
  const t = useT();
  const locale = useLocale();
  const { callHistory } = useAppState();
  const { setDialNumber, focusDialPad } = useDeskUi();
  if (callHistory.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ul className="history" data-testid="call-history">
      {callHistory.map((h) => (
        <li key={h.sessionId} className={`history__item history__item--${h.outcome}`}>
          <div>
            <span className="history__dir">{h.direction === 'in' ? t('history.in') : t('history.out')}</span>{' '}
            <strong>{h.name ?? h.number ?? t('history.unknownNumber')}</strong>
            {h.name && h.number && <span className="muted"> {h.number}</span>}
            <div className="muted">
              <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time> · {t(OUTCOME_KEY[h.outcome])}
              {h.durationSec !== null && ` · ${formatDuration(h.durationSec, locale)}`}
            </div>
          </div>
          {h.number && (
            <button
              type="button"
              className="btn btn--small"
              aria-label={t('history.callBackTo', { who: h.name ?? h.number })}
              onClick={() => {
                setDialNumber(h.number ?? '');
                focusDialPad();
              }}
            >
              {t('history.callBack')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
