// KUS-4: SDK custom-data keys and the CRM field each is written to.
import { useT } from '../app/context.js';
import { CRM_NAME_KEY } from '../ui/labels.js';
import { useAdmin } from './admin-context.js';
import { customDataPath, newRowId, PATHS, type CustomDataRow } from './admin-form.js';
import { IssueList, LockNote, fieldId } from './fields.js';

export function CustomDataSection() {
  const t = useT();
  const { form, update, locked, validation } = useAdmin();
  const isLocked = locked(PATHS.customData);
  const crm = t(CRM_NAME_KEY[form.crm.kind]);
  const setRows = (change: (rows: CustomDataRow[]) => CustomDataRow[]) => update((f) => ({ ...f, customData: change(f.customData) }));
  const patch = (rowId: string, p: Partial<CustomDataRow>) => setRows((rows) => rows.map((r) => (r.rowId === rowId ? { ...r, ...p } : r)));

  return (
    <section className="admin-section" aria-labelledby="adm-data" id="admin-data">
      <h2 id="adm-data">{t('admin.data.title')}</h2>
      <p className="hint">{t('admin.data.intro', { crm })}</p>
      <LockNote path={PATHS.customData} />
      {form.customData.length === 0 ? (
        <p className="muted">{t('admin.data.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.data.key')}</th>
              <th scope="col">{t('admin.data.field', { crm })}</th>
              <th scope="col">
                <span className="sr-only">{t('admin.data.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.customData.map((r, i) => {
              const path = customDataPath(r.rowId);
              const invalid = (validation.errors[path]?.length ?? 0) > 0;
              const issuesId = `${fieldId(path)}-issues`;
              return (
                <tr key={r.rowId} data-testid="data-row">
                  <td>
                    <input
                      type="text"
                      autoComplete="off"
                      value={r.key}
                      disabled={isLocked}
                      aria-label={t('admin.data.keyN', { n: i + 1 })}
                      aria-invalid={invalid}
                      aria-describedby={invalid ? issuesId : undefined}
                      onChange={(e) => patch(r.rowId, { key: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      autoComplete="off"
                      value={r.field}
                      disabled={isLocked}
                      aria-label={t('admin.data.fieldN', { n: i + 1 })}
                      aria-invalid={invalid}
                      aria-describedby={invalid ? issuesId : undefined}
                      onChange={(e) => patch(r.rowId, { field: e.target.value })}
                    />
                    <IssueList path={path} />
                  </td>
                  <td>
                    <button type="button" className="btn btn--ghost btn--small" disabled={isLocked} onClick={() => setRows((rows) => rows.filter((x) => x.rowId !== r.rowId))}>
                      {t('admin.data.remove', { n: i + 1 })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" className="btn" disabled={isLocked} onClick={() => setRows((rows) => [...rows, { rowId: newRowId(), key: '', field: '' }])}>
        {t('admin.data.add')}
      </button>
    </section>
  );
}
