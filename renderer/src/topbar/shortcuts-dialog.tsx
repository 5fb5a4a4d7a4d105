// The keyboard shortcuts, documented where the agent looks for them.
import { useEffect, useRef, useState } from 'react';
import { useAppState, useT } from '../app/context.js';
import { useCommand } from '../ui/feedback.js';
import { isMac } from '../app/shortcuts.js';
import { SHORTCUTS, shortcutText } from '../app/shortcut-keys.js';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal() focuses the first field; start on Close so Enter/Escape simply close.
    closeButton.current?.focus();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={onClose} data-testid="shortcuts-dialog">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <p className="muted">{t('shortcuts.intro')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>
                <kbd>{shortcutText(s.id, isMac)}</kbd>
              </td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Enter</kbd> / <kbd>Shift+Enter</kbd>
            </td>
            <td>{t('shortcuts.chatEnter')}</td>
          </tr>
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>{t('shortcuts.escape')}</td>
          </tr>
        </tbody>
      </table>
      <GlobalShortcuts />
      <form method="dialog">
        <button ref={closeButton} type="submit" className="btn">
          {t('common.close')}
        </button>
      </form>
    </dialog>
  );
}

const ACCELERATOR = /^[A-Za-z0-9+]{0,64}$/;

/** The core's global shortcuts (Electron accelerators, working while AgentDesk is in the background). */
function GlobalShortcuts() {
  const t = useT();
  const run = useCommand();
  const prefs = useAppState().prefs;
  const [answer, setAnswer] = useState(prefs?.shortcuts.answer ?? '');
  const [hangUp, setHangUp] = useState(prefs?.shortcuts.hangUp ?? '');
  const [saved, setSaved] = useState(false);
  if (!prefs) return null;
  const valid = ACCELERATOR.test(answer) && ACCELERATOR.test(hangUp);
  return (
    <form
      className="global-shortcuts"
      aria-labelledby="global-shortcuts-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!valid) return;
        const r = await run('prefs:set', { shortcuts: { answer, hangUp } }, 'shortcuts.globalFailed');
        setSaved(r.ok);
      }}
    >
      <h3 id="global-shortcuts-title">{t('shortcuts.globalTitle')}</h3>
      <p className="hint" id="global-shortcuts-help">
        {t('shortcuts.globalHelp')}
      </p>
      <div className="row wrap">
        <label className="field">
          <span>{t('shortcuts.globalAnswer')}</span>
          <input type="text" value={answer} aria-invalid={!ACCELERATOR.test(answer)} aria-describedby="global-shortcuts-help" onChange={(e) => {
              setAnswer(e.target.value.trim());
              setSaved(false);
            }} />
        </label>
        <label className="field">
          <span>{t('shortcuts.globalHangUp')}</span>
          <input type="text" value={hangUp} aria-invalid={!ACCELERATOR.test(hangUp)} aria-describedby="global-shortcuts-help" onChange={(e) => {
              setHangUp(e.target.value.trim());
              setSaved(false);
            }} />
        </label>
      </div>
      {!valid && <p className="error">{t('shortcuts.globalInvalid')}</p>}
      <div className="row">
        <button type="submit" className="btn" disabled={!valid}>
          {t('shortcuts.globalSave')}
        </button>
        <span role="status">{saved ? t('shortcuts.globalSaved') : ''}</span>
      </div>
    </form>
  );
}
