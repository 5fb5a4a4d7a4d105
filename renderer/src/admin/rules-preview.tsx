// ADMIN-1 rules preview: what the core would do to the CRM for a sample session under the
// edited, unsaved settings (admin:previewRules). Nothing is written.
import { useState } from 'react';
import type { IpcResponse } from '../../../common/ipc/contract.js';
import type { Settings } from '../../../common/protocol/settings.js';
import { useApi, useAppState, useLocale, useT } from '../app/context.js';
import { localizedError } from '../ui/feedback.js';
import { CRM_NAME_KEY } from '../ui/labels.js';
import { buildSample, SAMPLE_KINDS, SAMPLE_LABEL, STEP_LABEL, TAKES_MESSAGES, TAKES_SHORT, type Sample, type SampleKind } from './samples.js';

type Result = IpcResponse<'admin:previewRules'>;

export function RulesPreview({ settings }: { settings: Settings | null }) {
  const t = useT();
  const api = useApi();
  const locale = useLocale();
  const state = useAppState();
  const [kind, setKind] = useState<SampleKind>('webChat');
  const [messages, setMessages] = useState(2);
  const [short, setShort] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ sample: Sample; result: Result } | { error: string } | null>(null);
  const crm = t(CRM_NAME_KEY[settings?.crm.kind ?? state.settings.crm.kind]);

  const runPreview = async () => {
    if (!settings) return;
    const sample = buildSample(kind, { consumerMessages: messages, shortAbandon: short, queue: state.queues.find((q) => q.leaf) ?? null });
    setBusy(true);
    try {
      const r = await api.invoke('admin:previewRules', { settings, sample });
      setOutcome(r.ok ? { sample, result: r.value } : { error: localizedError(r.error, locale).message });
    } catch (e) {
      setOutcome({ error: e instanceof Error ? e.message : String(e) });
    }
    setBusy(false);
  };

  const stepLabel = (sample: Sample, step: number) => {
    const s = sample.steps[step];
    return s ? t('preview.stepN', { n: step + 1, event: t(STEP_LABEL[s.event]) }) : t('preview.stepN', { n: step + 1, event: '—' });
  };

  return (
    <section className="admin-section" aria-labelledby="adm-preview" id="admin-preview" data-testid="rules-preview">
      <h2 id="adm-preview">{t('preview.title')}</h2>
      <p className="hint">{t('preview.intro', { crm })}</p>
      <div className="row wrap">
        <label className="field field--inline">
          <span>{t('preview.sample')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as SampleKind)} data-testid="preview-sample">
            {SAMPLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(SAMPLE_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
        {TAKES_MESSAGES.has(kind) && (
          <label className="field field--inline">
            <span>{t('preview.messages')}</span>
            <input type="number" min={0} max={20} value={messages} onChange={(e) => setMessages(Math.max(0, Math.min(20, Number(e.target.value) || 0)))} />
          </label>
        )}
        {TAKES_SHORT.has(kind) && (
          <label className="check">
            <input type="checkbox" checked={short} onChange={(e) => setShort(e.target.checked)} />
            {t('preview.short')}
          </label>
        )}
        <button type="button" className="btn btn--primary" disabled={busy || !settings} onClick={() => void runPreview()} data-testid="run-preview">
          {t('preview.run')}
        </button>
      </div>
      {!settings && <p className="warning">{t('preview.fixErrors')}</p>}
      <div aria-live="polite" data-testid="preview-result">
        {busy && <p className="muted">{t('preview.running')}</p>}
        {!busy && outcome && 'error' in outcome && (
          <p className="error" role="alert">
            {t('preview.failed', { error: outcome.error })}
          </p>
        )}
        {!busy && outcome && 'result' in outcome && (
          <>
            <h3>{t('preview.steps')}</h3>
            <ol className="preview-steps">
              {outcome.sample.steps.map((s, i) => (
                <li key={i}>{t(STEP_LABEL[s.event])}</li>
              ))}
            </ol>
            <h3>{t('preview.operations', { crm })}</h3>
            {outcome.result.operations.length === 0 ? (
              <p data-testid="preview-nothing">{t('preview.nothing', { crm })}</p>
            ) : (
              <table className="table" data-testid="preview-operations">
                <thead>
                  <tr>
                    <th scope="col">{t('preview.colStep')}</th>
                    <th scope="col">{t('preview.colKind')}</th>
                    <th scope="col">{t('preview.colSummary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.result.operations.map((o, i) => (
                    <tr key={i}>
                      <td>{stepLabel(outcome.sample, o.step)}</td>
                      <td>
                        <code>{o.kind}</code>
                      </td>
                      <td>{o.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {outcome.result.trace.length > 0 && (
              <details className="disclosure">
                <summary>{t('preview.trace', { n: outcome.result.trace.length })}</summary>
                <ul className="trace">
                  {outcome.result.trace.map((x, i) => (
                    <li key={i}>
                      <span className="muted">{stepLabel(outcome.sample, x.step)}:</span> {x.rule}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
    </section>
  );
}
