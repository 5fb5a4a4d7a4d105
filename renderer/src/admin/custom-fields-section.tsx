// KUS-2: the standard fields AgentDesk writes, the CRM field each goes to, and "create in
// Kustomer" for the selected ones, with progress and a result per field.
import { useState } from 'react';
import type { IpcResponse } from '../../../common/ipc/contract.js';
import { STANDARD_CUSTOMER_FIELDS, STANDARD_RECORD_FIELDS } from '../../../common/protocol/settings.js';
import { useT } from '../app/context.js';
import type { MessageKey } from '../i18n/translate.js';
import { useCommand } from '../ui/feedback.js';
import { CRM_NAME_KEY } from '../ui/labels.js';
import { useAdmin } from './admin-context.js';
import { customFieldPath, PATHS } from './admin-form.js';
import { describedBy, fieldId, IssueList, LockNote, useFieldState } from './fields.js';

type Where = 'customer' | 'record';
type FieldResult = IpcResponse<'admin:createCustomFields'>['results'][number];

const FIELD_KEY: Record<string, MessageKey> = {
  customUserId: 'field.customUserId',
  queueName: 'field.queueName',
  sessionType: 'field.sessionType',
  sessionId: 'field.sessionId',
  outboundPhoneNumber: 'field.outboundPhoneNumber',
  callDuration: 'field.callDuration',
  waitTime: 'field.waitTime',
  holdTime: 'field.holdTime',
  csatRating: 'field.csatRating',
  csatComment: 'field.csatComment',
  menuSelection: 'field.menuSelection',
  inWebEmail: 'field.inWebEmail',
};

const RESULT_KEY: Record<FieldResult['state'], MessageKey> = {
  pending: 'admin.fields.result.pending',
  created: 'admin.fields.result.created',
  exists: 'admin.fields.result.exists',
  failed: 'admin.fields.result.failed',
};

const ROWS: { where: Where; field: string }[] = [
  ...STANDARD_CUSTOMER_FIELDS.map((field) => ({ where: 'customer' as const, field })),
  ...STANDARD_RECORD_FIELDS.map((field) => ({ where: 'record' as const, field })),
];

function FieldRow({ where, field, selected, onSelect, result }: { where: Where; field: string; selected: boolean; onSelect: (v: boolean) => void; result: FieldResult | undefined }) {
  const t = useT();
  const { form, update } = useAdmin();
  const path = customFieldPath(where, field);
  const { isLocked, invalid, hasIssues } = useFieldState(path);
  const value = (form.customFields[where] as Record<string, string>)[field] ?? '';
  const id = fieldId(path);
  const name = t(FIELD_KEY[field] ?? 'field.unknown');
  return (
    <tr data-testid={`field-row-${field}`}>
      <td>
        <input id={`${id}-sel`} type="checkbox" checked={selected} disabled={isLocked} onChange={(e) => onSelect(e.target.checked)} aria-label={t('admin.fields.select', { field: name })} />
      </td>
      <th scope="row">
        {name}
        <div className="muted">
          <code>{field}</code> · {where === 'customer' ? t('admin.fields.onCustomer') : t('admin.fields.onRecord')}
        </div>
      </th>
      <td>
        <input
          id={id}
          type="text"
          autoComplete="off"
          value={value}
          placeholder={t('admin.fields.notWritten')}
          disabled={isLocked}
          aria-label={t('admin.fields.crmName', { field: name })}
          aria-invalid={invalid}
          aria-describedby={describedBy(path, isLocked, hasIssues)}
          onChange={(e) => update((f) => ({ ...f, customFields: { ...f.customFields, [where]: { ...f.customFields[where], [field]: e.target.value } } }))}
        />
        <LockNote path={path} />
        <IssueList path={path} />
      </td>
      <td aria-live="polite">
        {result && (
          <span className={`chip chip--${result.state === 'failed' ? 'error' : result.state === 'pending' ? 'neutral' : 'ok'}`}>
            {t(RESULT_KEY[result.state], { name: result.crmName })}
          </span>
        )}
        {result?.error && <p className="error">{result.error}</p>}
      </td>
    </tr>
  );
}

export function CustomFieldsSection() {
  const t = useT();
  const run = useCommand();
  const { form, update, locked } = useAdmin();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<Record<string, FieldResult>>({});
  const [busy, setBusy] = useState(false);
  const crm = t(CRM_NAME_KEY[form.crm.kind]);
  const allLocked = locked(PATHS.customFields);

  const create = async () => {
    const fields = ROWS.filter((r) => selected.has(r.field)).map((r) => r.field);
    if (fields.length === 0) return;
    setBusy(true);
    setResults(Object.fromEntries(fields.map((f) => [f, { field: f, crmName: '', state: 'pending' as const, error: null }])));
    const r = await run('admin:createCustomFields', { fields }, 'admin.fields.createFailed');
    setBusy(false);
    if (!r.ok) {
      setResults({});
      return;
    }
    setResults(Object.fromEntries(r.value.results.map((x) => [x.field, x])));
    // Fields that now exist are written from the next session on, once the admin saves.
    update((f) => {
      const next = { customer: { ...f.customFields.customer }, record: { ...f.customFields.record } };
      for (const x of r.value.results) {
        if (x.state !== 'created' && x.state !== 'exists') continue;
        const row = ROWS.find((w) => w.field === x.field);
        if (row) (next[row.where] as Record<string, string>)[x.field] = x.crmName;
      }
      return { ...f, customFields: next };
    });
    setSelected(new Set());
  };

  const done = Object.values(results).filter((x) => x.state !== 'pending').length;
  const total = Object.keys(results).length;

  return (
    <section className="admin-section" aria-labelledby="adm-fields" id="admin-fields">
      <h2 id="adm-fields">{t('admin.fields.title')}</h2>
      <p className="hint">{t('admin.fields.intro', { crm })}</p>
      <LockNote path={PATHS.customFields} />
      <table className="table fields-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t('admin.fields.colSelect')}</span>
            </th>
            <th scope="col">{t('admin.fields.colField')}</th>
            <th scope="col">{t('admin.fields.colCrmName', { crm })}</th>
            <th scope="col">{t('admin.fields.colResult')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <FieldRow
              key={`${r.where}.${r.field}`}
              where={r.where}
              field={r.field}
              selected={selected.has(r.field)}
              result={results[r.field]}
              onSelect={(v) =>
                setSelected((s) => {
                  const n = new Set(s);
                  if (v) n.add(r.field);
                  else n.delete(r.field);
                  return n;
                })
              }
            />
          ))}
        </tbody>
      </table>
      <div className="row">
        <button
          type="button"
          className="btn btn--ghost"
          disabled={allLocked}
          onClick={() => setSelected(new Set(ROWS.filter((r) => !(form.customFields[r.where] as Record<string, string>)[r.field]?.trim()).map((r) => r.field)))}
        >
          {t('admin.fields.selectUnset')}
        </button>
        <button type="button" className="btn btn--primary" disabled={busy || selected.size === 0 || allLocked} onClick={() => void create()} data-testid="create-fields">
          {t('admin.fields.create', { crm, n: selected.size })}
        </button>
      </div>
      <p role="status" className="hint" data-testid="fields-progress">
        {total > 0 && (busy ? t('admin.fields.progress', { done, total }) : t('admin.fields.finished', { done, total }))}
      </p>
    </section>
  );
}
