// REC-7 subject template with a live preview and warnings; REC-8/REC-9 tags previewed in the
// configured CRM's own format. The preview uses the engine's own pure code (common/record-rules).
import { useRef, useState } from 'react';
import { useAppState, useT } from '../app/context.js';
import { recordTags, renderSubject, subjectValues, SUBJECT_VARIABLES } from '../../../common/record-rules/index.js';
import { CRM_NAME_KEY } from '../ui/labels.js';
import { useAdmin } from './admin-context.js';
import { PATHS } from './admin-form.js';
import { SwitchField, TextField } from './fields.js';
import { buildSample, SAMPLE_LABEL, type SampleKind } from './samples.js';

const PREVIEW_KINDS: SampleKind[] = ['ivrCall', 'appCall', 'outboundCall', 'webChat', 'voicemail'];

export function SubjectTagsSection() {
  const t = useT();
  const state = useAppState();
  const { form, update, locked } = useAdmin();
  const rc = form.rc;
  const set = (patch: Partial<typeof rc>) => update((f) => ({ ...f, rc: { ...f.rc, ...patch } }));
  const [kind, setKind] = useState<SampleKind>('ivrCall');
  const templateEl = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const crmKind = form.crm.kind;
  const crm = t(CRM_NAME_KEY[crmKind]);
  const sample = buildSample(kind, { consumerMessages: 2, shortAbandon: false, queue: state.queues.find((q) => q.leaf) ?? null });
  const subject = renderSubject(rc.subjectTemplate, subjectValues(sample.session), crmKind);
  const tags = recordTags(sample.session.type, crmKind, { sessionTypeTag: rc.sessionTypeTag, platformTag: rc.platformTagOn ? rc.platformTag : null });
  const templateLocked = locked(PATHS.subjectTemplate);

  const insert = (name: string) => {
    const el = templateEl.current;
    const token = `{${name}}`;
    const start = el?.selectionStart ?? rc.subjectTemplate.length;
    const end = el?.selectionEnd ?? start;
    set({ subjectTemplate: rc.subjectTemplate.slice(0, start) + token + rc.subjectTemplate.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <section className="admin-section" aria-labelledby="adm-subject" id="admin-subject">
      <h2 id="adm-subject">{t('admin.subject.title')}</h2>
      <TextField
        path={PATHS.subjectTemplate}
        label={t('admin.rec7.label')}
        help={t('admin.rec7.help')}
        value={rc.subjectTemplate}
        onChange={(v) => set({ subjectTemplate: v })}
        inputRef={(el) => {
          templateEl.current = el;
        }}
      />
      <div className="variables" role="group" aria-label={t('admin.rec7.insert')}>
        <span className="muted">{t('admin.rec7.insert')}</span>
        {SUBJECT_VARIABLES.map((v) => (
          <button key={v} type="button" className="btn btn--small btn--ghost" disabled={templateLocked} onClick={() => insert(v)}>
            {`{${v}}`}
          </button>
        ))}
      </div>
      <div className="preview-box" data-testid="subject-preview">
        <label className="field field--inline">
          <span>{t('admin.preview.sample')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as SampleKind)}>
            {PREVIEW_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(SAMPLE_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
        <p>
          <span className="muted">{t('admin.preview.subject', { crm })}</span>{' '}
          <output className="preview-value" aria-live="polite">
            {subject}
          </output>
        </p>
        <p>
          <span className="muted">{t('admin.preview.tags', { crm })}</span>{' '}
          <output className="preview-value" aria-live="polite" data-testid="tag-preview">
            {tags.length === 0 ? t('admin.preview.noTags') : tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}
          </output>
        </p>
        {crmKind === 'salesforce' && tags.length > 0 && (
          <p className="hint">{form.crm.tagField.trim() ? t('admin.preview.salesforceField', { field: form.crm.tagField.trim() }) : t('admin.warn.salesforceTagField')}</p>
        )}
      </div>
      <SwitchField path={PATHS.sessionTypeTag} label={t('admin.rec8.label')} help={t('admin.rec8.help')} checked={rc.sessionTypeTag} onChange={(v) => set({ sessionTypeTag: v })} />
      <SwitchField path={PATHS.platformTag} label={t('admin.rec9.label')} help={t('admin.rec9.help')} checked={rc.platformTagOn} onChange={(v) => set({ platformTagOn: v })}>
        {rc.platformTagOn && <TextField nested path={PATHS.platformTag} label={t('admin.rec9.tag')} value={rc.platformTag} onChange={(v) => set({ platformTag: v })} />}
      </SwitchField>
    </section>
  );
}
