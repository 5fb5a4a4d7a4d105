// "Why did my status change?": the status-sync audit with the core's explanation in the UI
// language (SYNC-1..SYNC-7).
import { useEffect, useRef } from 'react';
import { useAppState, useLocale, useSelector, useT } from '../app/context.js';
import { formatTime } from '../i18n/format.js';
import { auditRows } from '../store/selectors.js';
import { CRM_NAME_KEY, STATUS_SOURCE_KEY } from '../ui/labels.js';

export function AuditPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const rows = useSelector(auditRows);
  const crm = t(CRM_NAME_KEY[useAppState().settings.crm.kind]);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  // Escape closes the panel wherever the focus is (it opens from its toggle and keeps focus there).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section id={id} className="popover audit-panel" aria-labelledby={`${id}-title`}>
      <div className="popover__head">
        <h2 id={`${id}-title`}>{t('audit.title')}</h2>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <p className="muted">{t('audit.intro', { crm })}</p>
      {rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <ol className="audit-list" data-testid="audit-list">
          {rows.map((r) => (
            <li key={r.seq} className="audit-item">
              <div className="audit-item__head">
                <time dateTime={r.at}>{formatTime(r.at, locale)}</time>
                <span className="chip">{t(STATUS_SOURCE_KEY[r.source], { crm })}</span>
                <span className="muted audit-item__rule">{r.rule}</span>
              </div>
              <p className="audit-item__text">{r.text}</p>
              {(r.ccBefore !== r.ccAfter || r.crmBefore !== r.crmAfter) && (
                <p className="audit-item__change muted">
                  {r.ccBefore !== r.ccAfter && t('audit.ccChange', { from: r.ccBefore ?? '—', to: r.ccAfter ?? '—' })}
                  {r.ccBefore !== r.ccAfter && r.crmBefore !== r.crmAfter && ' · '}
                  {r.crmBefore !== r.crmAfter && t('audit.crmChange', { crm, from: r.crmBefore ?? '—', to: r.crmAfter ?? '—' })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
