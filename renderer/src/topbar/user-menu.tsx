// The account button in the top bar: who is signed in, and "Sign out". A disclosure (a button and
// a small panel), not a menu: Escape or leaving it closes it, and focus returns to the button.
// Signing out says first what happens to live sessions and unfinished CRM writes.
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useAppState, useT } from '../app/context.js';
import { useCommand } from '../ui/feedback.js';

export function UserMenu() {
  const t = useT();
  const state = useAppState();
  const run = useCommand();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const email = state.agent?.email ?? state.auth?.email ?? '';
  const name = state.agent?.name || email;
  if (!name) return null;
  const live = state.sessions.filter((s) => s.phase === 'ringing' || s.phase === 'connected').length;

  const close = (focusButton = true) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
  };
  const signOut = async () => {
    if (busy) return;
    setBusy(true);
    await run('auth:signOut', {}, 'user.signOutFailed');
    setBusy(false);
  };

  return (
    <div className="user-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--ghost"
        aria-label={t('user.menu', { name })}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => (open ? close() : setOpen(true))}
        data-testid="user-menu"
      >
        {name} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={`${id}-panel`} className="popover user-menu__panel" role="group" aria-label={t('user.menu', { name })} data-testid="user-menu-panel">
          <p>{t('user.signedInAs', { email })}</p>
          {live > 0 && <p className="warning">{t('user.liveSessions', { count: live })}</p>}
          {state.pendingWrites > 0 && <p className="muted">{t('user.pendingWrites', { count: state.pendingWrites })}</p>}
          <p className="hint">{t('user.forget')}</p>
          <button type="button" className="btn btn--danger" aria-disabled={busy || undefined} onClick={() => void signOut()}>
            {t('user.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
