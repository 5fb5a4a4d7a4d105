// ADMIN-1: every setting of SPEC.md sections 2-4, validated, with IT locks, previews and Save.
import './zod-jitless.js';
import { useMemo, useState } from 'react';
import type { Settings } from '../../../common/protocol/settings.js';
import { useApi, useAppState, useLocale, useT } from '../app/context.js';
import { isLocked } from '../store/selectors.js';
import { localizedError } from '../ui/feedback.js';
import { AdminContext, type AdminContextValue } from './admin-context.js';
import { formKey, fromSettings, toSettings, type AdminForm } from './admin-form.js';
import { CrmSection } from './crm-section.js';
import { CustomDataSection } from './custom-data-section.js';
import { CustomFieldsSection } from './custom-fields-section.js';
import { RecordRulesSection } from './record-rules-section.js';
import { RulesPreview } from './rules-preview.js';
import { StatusSyncSection } from './status-sync-section.js';
import { SubjectTagsSection } from './subject-tags-section.js';
import { issueCount, validate } from './validate.js';
import { fieldId } from './fields.js';

type SaveState = { phase: 'idle' } | { phase: 'saving' } | { phase: 'saved' } | { phase: 'failed'; message: string } | { phase: 'invalid' };

const SECTIONS = [
  ['admin-records', 'admin.records.title'],
  ['admin-subject', 'admin.subject.title'],
  ['admin-crm', 'admin.crm.title'],
  ['admin-fields', 'admin.fields.title'],
  ['admin-data', 'admin.data.title'],
  ['admin-sync', 'admin.sync.title'],
  ['admin-preview', 'preview.title'],
] as const;

export default function AdminScreen() {
  const t = useT();
  const api = useApi();
  const locale = useLocale();
  const state = useAppState();
  const [base, setBase] = useState<Settings>(state.settings);
  const [form, setForm] = useState<AdminForm>(() => fromSettings(state.settings));
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });
  const [remoteChanged, setRemoteChanged] = useState(false);

  const dirty = formKey(form) !== formKey(fromSettings(base));

  // Settings pushed while editing: take them when nothing is edited (or they equal the edit,
  // e.g. our own save); otherwise offer to load them. Adjusted during render, once per push.
  const incoming = JSON.stringify(state.settings);
  const [seenIncoming, setSeenIncoming] = useState(incoming);
  if (seenIncoming !== incoming) {
    setSeenIncoming(incoming);
    if (JSON.stringify(base) !== incoming) {
      const same = formKey(fromSettings(state.settings)) === formKey(form);
      if (!dirty || same) {
        setBase(state.settings);
        if (!same) setForm(fromSettings(state.settings));
        setRemoteChanged(false);
      } else setRemoteChanged(true);
    }
  }

  const validation = useMemo(() => validate(form, { statuses: state.statuses }), [form, state.statuses]);
  const errorCount = issueCount(validation.errors);
  const settings = useMemo(() => (errorCount === 0 ? toSettings(form, base) : null), [errorCount, form, base]);

  const ctx = useMemo<AdminContextValue>(
    () => ({
      form,
      update: (change) => {
        setForm((f) => change(f));
        setSave((s) => (s.phase === 'saved' || s.phase === 'invalid' ? { phase: 'idle' } : s));
      },
      validation,
      locked: (path) => isLocked(state.lockedSettings, path),
      statuses: state.statuses,
    }),
    [form, validation, state.lockedSettings, state.statuses],
  );

  const doSave = async () => {
    if (!settings) {
      setSave({ phase: 'invalid' });
      const first = Object.keys(validation.errors)[0];
      if (first) (document.getElementById(`${fieldId(first)}-n`) ?? document.getElementById(fieldId(first)))?.focus();
      return;
    }
    setSave({ phase: 'saving' });
    try {
      const r = await api.invoke('admin:saveSettings', { settings });
      setSave(r.ok ? { phase: 'saved' } : { phase: 'failed', message: localizedError(r.error, locale).message });
    } catch (e) {
      setSave({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <AdminContext.Provider value={ctx}>
      <section className="screen admin" aria-labelledby="admin-title" data-testid="admin">
        <div className="screen__head">
          <h1 id="admin-title">{t('admin.title')}</h1>
          <p className="muted">{t('admin.intro')}</p>
        </div>
        <nav className="admin-toc" aria-label={t('admin.toc')}>
          {SECTIONS.map(([id, key]) => (
            <a key={id} href={`#${id}`}>
              {t(key)}
            </a>
          ))}
        </nav>
        {state.lockedSettings.length > 0 && <p className="banner banner--info">{t('admin.lockedSummary', { n: state.lockedSettings.length })}</p>}
        {remoteChanged && (
          <div className="banner banner--warning" role="alert">
            <span>{t('admin.remoteChanged')}</span>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                setBase(state.settings);
                setForm(fromSettings(state.settings));
                setRemoteChanged(false);
              }}
            >
              {t('admin.loadRemote')}
            </button>
          </div>
        )}
        <div className="admin-grid">
          <div className="admin-main">
            <RecordRulesSection />
            <SubjectTagsSection />
            <CrmSection />
            <CustomFieldsSection />
            <CustomDataSection />
            <StatusSyncSection />
            <RulesPreview settings={settings} />
          </div>
        </div>
        <div className="save-bar" role="region" aria-label={t('admin.saveBar')}>
          <div className="save-bar__status" role="status" data-testid="save-status">
            {save.phase === 'saving' && t('admin.saving')}
            {save.phase === 'saved' && t('admin.saved')}
            {save.phase === 'idle' && (dirty ? t('admin.unsaved') : t('admin.noChanges'))}
            {save.phase === 'invalid' && <span className="error">{t('admin.fixErrors', { n: errorCount })}</span>}
          </div>
          {save.phase === 'failed' && (
            <p className="error" role="alert" data-testid="save-error">
              {t('admin.saveFailed', { error: save.message })}
            </p>
          )}
          {errorCount > 0 && save.phase !== 'invalid' && <span className="error">{t('admin.errorCount', { n: errorCount })}</span>}
          <button
            type="button"
            className="btn btn--ghost"
            disabled={!dirty || save.phase === 'saving'}
            onClick={() => {
              setForm(fromSettings(base));
              setSave({ phase: 'idle' });
            }}
          >
            {t('admin.discard')}
          </button>
          <button type="button" className="btn btn--primary" disabled={save.phase === 'saving' || !dirty} onClick={() => void doSave()} data-testid="save-settings">
            {t('admin.save')}
          </button>
        </div>
      </section>
    </AdminContext.Provider>
  );
}
