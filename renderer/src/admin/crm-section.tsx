// Which CRM, where it is, how phone numbers are written, the tag field for CRMs without tags,
// and the API key (stored by the core with safeStorage, never shown again: SEC-1).
import { useState } from 'react';
import { useT } from '../app/context.js';
import { CRM_KINDS, PHONE_FORMATS, type CrmKind } from '../../../common/protocol/settings.js';
import { useCommand } from '../ui/feedback.js';
import { CRM_NAME_KEY } from '../ui/labels.js';
import { useAdmin } from './admin-context.js';
import { PATHS, type PhoneFormat } from './admin-form.js';
import { describedBy, fieldId, IssueList, LockNote, RadioGroup, TextField, useFieldState } from './fields.js';
import type { MessageKey } from '../i18n/translate.js';

const PHONE_FORMAT_KEY: Record<PhoneFormat, MessageKey> = {
  e164: 'admin.crm.phone.e164',
  national: 'admin.crm.phone.national',
  as_dialled: 'admin.crm.phone.asDialled',
};

function ApiKey() {
  const t = useT();
  const run = useCommand();
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="setting field"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!value) return;
        const r = await run('secrets:set', { name: 'crm.apiKey', value }, 'admin.crm.keyFailed');
        if (r.ok) {
          setValue('');
          setSaved(true);
        }
      }}
    >
      <label htmlFor="crm-api-key">{t('admin.crm.apiKey')}</label>
      <div className="row">
        <input id="crm-api-key" type="password" autoComplete="off" value={value} aria-describedby="crm-api-key-help" onChange={(e) => {
            setValue(e.target.value);
            setSaved(false);
          }} />
        <button type="submit" className="btn" disabled={!value}>
          {t('admin.crm.saveKey')}
        </button>
      </div>
      <p id="crm-api-key-help" className="hint" role={saved ? 'status' : undefined}>
        {saved ? t('admin.crm.keySaved') : t('admin.crm.keyHelp')}
      </p>
    </form>
  );
}

export function CrmSection() {
  const t = useT();
  const { form, update } = useAdmin();
  const set = (patch: Partial<typeof form.crm>) => update((f) => ({ ...f, crm: { ...f.crm, ...patch } }));
  const kindState = useFieldState(PATHS.crmKind);
  return (
    <section className="admin-section" aria-labelledby="adm-crm" id="admin-crm">
      <h2 id="adm-crm">{t('admin.crm.title')}</h2>
      <div className="setting field">
        <label htmlFor={fieldId(PATHS.crmKind)}>{t('admin.crm.kind')}</label>
        <select
          id={fieldId(PATHS.crmKind)}
          value={form.crm.kind}
          disabled={kindState.isLocked}
          aria-describedby={describedBy(PATHS.crmKind, kindState.isLocked, kindState.hasIssues)}
          onChange={(e) => set({ kind: e.target.value as CrmKind })}
        >
          {CRM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(CRM_NAME_KEY[k])}
            </option>
          ))}
        </select>
        <LockNote path={PATHS.crmKind} />
        <IssueList path={PATHS.crmKind} />
      </div>
      <TextField path={PATHS.crmBaseUrl} label={t('admin.crm.baseUrl')} help={t('admin.crm.baseUrlHelp')} value={form.crm.baseUrl} onChange={(v) => set({ baseUrl: v })} />
      <TextField path={PATHS.crmAppUrl} label={t('admin.crm.appUrl')} help={t('admin.crm.appUrlHelp')} value={form.crm.appUrl} onChange={(v) => set({ appUrl: v })} />
      <RadioGroup<PhoneFormat>
        path={PATHS.crmPhoneFormat}
        legend={t('admin.crm.phoneFormat')}
        value={form.crm.phoneFormat}
        onChange={(v) => set({ phoneFormat: v })}
        options={PHONE_FORMATS.map((p) => ({ value: p, label: t(PHONE_FORMAT_KEY[p]) }))}
      />
      <TextField path={PATHS.crmTagField} label={t('admin.crm.tagField')} help={t('admin.crm.tagFieldHelp')} value={form.crm.tagField} onChange={(v) => set({ tagField: v })} />
      <ApiKey />
    </section>
  );
}
