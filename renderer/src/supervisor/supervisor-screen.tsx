// SUP-1: every agent's status, where it came from, time in status (ticking), current session,
// and whether the agent is online (with how many connections: more than one breaks SYNC-5).
import { useMemo, useState } from 'react';
import { useAppState, useNow, useSelector, useT } from '../app/context.js';
import { elapsedSeconds, formatClock } from '../i18n/format.js';
import { supervisorRows, type SupervisorRow } from '../store/selectors.js';
import { CRM_NAME_KEY, STATUS_SOURCE_KEY } from '../ui/labels.js';

type SortKey = 'name' | 'status' | 'time';

export default function SupervisorScreen() {
  const t = useT();
  const now = useNow();
  const state = useAppState();
  const rows = useSelector(supervisorRows);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const crm = t(CRM_NAME_KEY[state.settings.crm.kind]);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = (rows ?? []).filter((r) => !f || r.name.toLowerCase().includes(f) || r.email.toLowerCase().includes(f) || r.statusName.toLowerCase().includes(f));
    const cmp: Record<SortKey, (a: SupervisorRow, b: SupervisorRow) => number> = {
      name: (a, b) => a.name.localeCompare(b.name),
      status: (a, b) => a.statusName.localeCompare(b.statusName) || a.name.localeCompare(b.name),
      time: (a, b) => a.since.localeCompare(b.since),
    };
    return [...list].sort(cmp[sort]);
  }, [rows, filter, sort]);

  const counts = useMemo(() => {
    const c = { available: 0, unavailable: 0, system: 0, offline: 0 };
    for (const r of rows ?? []) {
      if (r.online === false) c.offline++;
      else if (r.statusKind) c[r.statusKind]++;
    }
    return c;
  }, [rows]);

  return (
    <section className="screen supervisor" aria-labelledby="sup-title" data-testid="supervisor">
      <div className="screen__head">
        <h1 id="sup-title">{t('sup.title')}</h1>
        {rows && (
          <p className="muted">
            {t('sup.summary', { available: counts.available, unavailable: counts.unavailable, system: counts.system, offline: counts.offline })}
          </p>
        )}
      </div>
      {rows === null ? (
        <p>{t('sup.waiting')}</p>
      ) : (
        <>
          <div className="row toolbar">
            <label className="field field--inline">
              <span>{t('sup.filter')}</span>
              <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </label>
            <label className="field field--inline">
              <span>{t('sup.sortBy')}</span>
              <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                <option value="name">{t('sup.sort.name')}</option>
                <option value="status">{t('sup.sort.status')}</option>
                <option value="time">{t('sup.sort.time')}</option>
              </select>
            </label>
          </div>
          <table className="table supervisor__table">
            <caption className="sr-only">{t('sup.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sup.col.agent')}</th>
                <th scope="col">{t('sup.col.status')}</th>
                <th scope="col">{t('sup.col.source')}</th>
                <th scope="col">{t('sup.col.time')}</th>
                <th scope="col">{t('sup.col.session')}</th>
                <th scope="col">{t('sup.col.online')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} data-testid="sup-row">
                  <th scope="row">
                    {r.name}
                    <div className="muted">{r.email}</div>
                  </th>
                  <td>
                    <span className={`status-pill status--${r.statusKind ?? 'unavailable'}`}>
                      <span className="status-dot" aria-hidden="true" />
                      {r.statusName}
                    </span>
                  </td>
                  <td>{t(STATUS_SOURCE_KEY[r.source], { crm })}</td>
                  <td>
                    <time dateTime={r.since}>{formatClock(elapsedSeconds(r.since, now))}</time>
                  </td>
                  <td>{r.sessionId ?? <span className="muted">{t('sup.noSession')}</span>}</td>
                  <td>
                    {r.online === null ? (
                      <span className="muted">{t('sup.unknown')}</span>
                    ) : r.online ? (
                      <span className={r.connections !== null && r.connections > 1 ? 'chip chip--warning' : 'chip chip--ok'}>
                        {r.connections !== null && r.connections > 1 ? t('sup.onlineMany', { n: r.connections }) : t('sup.online')}
                      </span>
                    ) : (
                      <span className="chip chip--neutral">{t('sup.offline')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="muted">{t('sup.noMatch')}</p>}
        </>
      )}
    </section>
  );
}
