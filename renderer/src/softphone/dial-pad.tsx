// Outbound dialling (call:dial). KUS-1 click-to-call lands here through softphone.dialRequest:
// the number is put in the field (never dialled by itself) and the field is focused.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAppState, useT } from '../app/context.js';
import { useDeskUi } from '../app/desk-ui.js';
import { useShortcut } from '../app/shortcuts.js';
import { useReportFailure } from '../ui/feedback.js';
import { Keypad } from './keypad.js';
import { usePhone } from './phone-context.js';
import { dialNumberProblem } from './dial-number.js';

export function DialPad({ disabledReason }: { disabledReason: string | null }) {
  const t = useT();
  const id = useId();
  const state = useAppState();
  const { phone } = usePhone();
  const report = useReportFailure();
  const { dialNumber, setDialNumber, dialFocus, focusDialPad, setView } = useDeskUi();
  const [queueId, setQueueId] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fromCrm, setFromCrm] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const lastNonce = useRef<number | null>(null);
  const request = state.softphone.dialRequest;

  useEffect(() => {
    if (!request || request.nonce === lastNonce.current) return;
    lastNonce.current = request.nonce;
    setDialNumber(request.number);
    setFromCrm(true);
    setView('desk');
    focusDialPad();
  }, [request, setDialNumber, focusDialPad, setView]);

  useEffect(() => {
    if (dialFocus > 0) input.current?.focus();
  }, [dialFocus]);

  useShortcut('dialpad', () => {
    setView('desk');
    focusDialPad();
  });

  const problem = dialNumberProblem(dialNumber);
  const showProblem = touched && problem !== null && dialNumber.length > 0;
  const queues = state.queues.filter((q) => q.leaf);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem || !phone || disabledReason) return;
    setBusy(true);
    const r = await phone.dial(dialNumber.trim(), queueId ? { queueId } : undefined);
    setBusy(false);
    if (!r.ok) report('dial.failed', r.error);
    else {
      setDialNumber('');
      setFromCrm(false);
      setTouched(false);
    }
  };

  return (
    <form className="dial-pad" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="dial-pad">
      <h3 id={`${id}-title`}>{t('dial.title')}</h3>
      <div className="field">
        <label htmlFor="dial-number">{t('dial.number')}</label>
        <div className="row">
          <input
            ref={input}
            id="dial-number"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={dialNumber}
            aria-invalid={showProblem}
            aria-describedby={`${id}-help`}
            onChange={(e) => {
              setDialNumber(e.target.value);
              setFromCrm(false);
            }}
            onBlur={() => setTouched(true)}
          />
          <button type="button" className="btn btn--ghost" aria-label={t('dial.backspace')} disabled={!dialNumber} onClick={() => setDialNumber(dialNumber.slice(0, -1))}>
            ⌫
          </button>
        </div>
        <p id={`${id}-help`} className={showProblem ? 'error' : 'hint'}>
          {showProblem ? t(problem) : fromCrm ? t('dial.fromCrm') : t('dial.help')}
        </p>
      </div>
      {/* While a call is on, the pad shrinks to the number field: a click-to-call number can still land here. */}
      {!disabledReason && <Keypad label={t('dial.keypad')} onKey={(k) => setDialNumber(dialNumber + k)} />}
      {queues.length > 0 && !disabledReason && (
        <label className="field">
          <span>{t('dial.queue')}</span>
          <select value={queueId} onChange={(e) => setQueueId(e.target.value)}>
            <option value="">{t('dial.queueDefault')}</option>
            {queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.path.join(' > ') || q.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {disabledReason && <p className="hint">{disabledReason}</p>}
      <button type="submit" className="btn btn--answer btn--wide" disabled={busy || !phone || disabledReason !== null || !dialNumber.trim()}>
        {t('dial.call')}
      </button>
    </form>
  );
}
