// POP-1: the record card of each live session: record id, status, subject, write state, retry,
// and "open in Kustomer".
import { useState } from 'react';
import type { LiveSession, RecordCard } from '../../../common/ipc/app-state.js';
import { useAppState, useSelector, useT } from '../app/context.js';
import { customerLabel, recordCards } from '../store/selectors.js';
import { useCommand } from '../ui/feedback.js';
import { CRM_NAME_KEY, RECORD_STATUS_KEY, SESSION_TYPE_KEY, WRITE_STATE_KEY } from '../ui/labels.js';

function WriteState({ record }: { record: RecordCard }) {
  const t = useT();
  const crm = t(CRM_NAME_KEY[record.crm]);
  const text =
    record.writeState === 'retrying'
      ? t('record.write.retrying', { attempts: record.attempts, crm })
      : record.writeState === 'failed'
        ? t('record.write.failed', { crm })
        : t(WRITE_STATE_KEY[record.writeState], { crm });
  return (
    <div className={`write-state write-state--${record.writeState}`} aria-live="polite" data-testid="write-state">
      <span className="write-state__dot" aria-hidden="true" />
      <span>{text}</span>
      {(record.writeState === 'failed' || record.writeState === 'retrying') && record.error && <p className="error write-state__error">{t('record.error', { error: record.error })}</p>}
    </div>
  );
}

function Card({ session, record }: { session: LiveSession; record: RecordCard }) {
  const t = useT();
  const run = useCommand();
  const [busy, setBusy] = useState<'retry' | 'open' | null>(null);
  const crm = t(CRM_NAME_KEY[record.crm]);
  const id = `record-${session.session.id}`;
  return (
    <article className={`record-card record-card--${record.writeState}`} aria-labelledby={id} data-testid="record-card">
      <h3 id={id}>
        {customerLabel(session)} <span className="muted">· {t(SESSION_TYPE_KEY[session.session.type])}</span>
      </h3>
      <dl className="record-card__facts">
        <div>
          <dt>{t('record.id')}</dt>
          <dd>{record.recordId ?? t('record.noId')}</dd>
        </div>
        <div>
          <dt>{t('record.status')}</dt>
          <dd>{t(RECORD_STATUS_KEY[record.status])}</dd>
        </div>
        <div className="record-card__subject">
          <dt>{t('record.subject')}</dt>
          <dd>{record.subject || '—'}</dd>
        </div>
      </dl>
      <WriteState record={record} />
      <div className="row">
        {record.writeState === 'failed' && (
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy !== null || record.failedEntryId === null}
            onClick={async () => {
              if (record.failedEntryId === null) return;
              setBusy('retry');
              await run('record:retry', { entryId: record.failedEntryId }, 'record.retryFailed');
              setBusy(null);
            }}
          >
            {t('record.retry')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={busy !== null || record.recordId === null}
          onClick={async () => {
            setBusy('open');
            await run('record:open', { sessionId: session.session.id }, 'record.openFailed');
            setBusy(null);
          }}
        >
          {t('record.open', { crm })}
        </button>
      </div>
    </article>
  );
}

export function RecordsPanel() {
  const t = useT();
  const cards = useSelector(recordCards);
  const { pendingWrites, failedWrites } = useAppState();
  return (
    <section className="panel" aria-labelledby="records-title" data-testid="records">
      <div className="panel__head">
        <h2 id="records-title">{t('record.title')}</h2>
        {(pendingWrites > 0 || failedWrites > 0) && (
          <span className={`chip ${failedWrites > 0 ? 'chip--error' : 'chip--warning'}`}>{t('record.backlog', { pending: pendingWrites, failed: failedWrites })}</span>
        )}
      </div>
      {cards.length === 0 ? <p className="muted empty">{t('record.none')}</p> : cards.map((c) => <Card key={c.session.session.id} session={c.session} record={c.record} />)}
    </section>
  );
}
