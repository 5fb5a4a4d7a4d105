// The sign-in screen, shown while nobody is signed in (AppState.auth). The agent pastes the token
// their contact center issued (e.g. on its SSO page), optionally the softphone password, chooses
// whether this computer remembers them, and signs in; the core answers once the contact center
// greeted them (or refused), and the desk replaces this screen. Errors come from the core in both
// languages; the form works from the keyboard alone (labels, Enter submits, focus on the field).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { IpcError } from '../../../common/ipc/contract.js';
import { useApi, useAppState, useLocale, useT } from '../app/context.js';
import { localizedError } from '../ui/feedback.js';
import { LanguageButtons } from '../ui/language-buttons.js';

function LanguageChoice() {
  const api = useApi();
  const locale = useLocale();
  return <LanguageButtons locale={locale} onPick={(l) => void api.invoke('app:setLocale', { locale: l }).catch(() => undefined)} />;
}

export function SignInScreen() {
  const t = useT();
  const api = useApi();
  const locale = useLocale();
  const { auth } = useAppState();
  const ids = useId();
  const [token, setToken] = useState('');
  const [showToken, setShowToken] = useState(false);
  const [sipPassword, setSipPassword] = useState('');
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  // Typing again puts the core's last error (AppState.auth.error) away.
  const [edited, setEdited] = useState(false);
  // The failure of this screen's own request (also one the core could not put in the state).
  const [failure, setFailure] = useState<IpcError | null>(null);
  const tokenRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    tokenRef.current?.focus();
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('auth.pageTitle');
  }, [locale, t]);

  const signingIn = busy || auth?.state === 'signing-in';
  const stateError = auth?.state === 'failed' && auth.error && !edited ? auth.error.text[locale] : null;
  const requestError = failure ? (failure.text ? localizedError(failure, locale).message : t('auth.failed', { error: failure.message })) : null;
  const error = missing ? t('auth.tokenMissing') : (requestError ?? stateError);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (signingIn) return;
    const value = token.trim();
    if (!value) {
      setMissing(true);
      setFailure(null);
      tokenRef.current?.focus();
      return;
    }
    setMissing(false);
    setFailure(null);
    setEdited(false);
    setBusy(true);
    let error: IpcError | null = null;
    try {
      const r = await api.invoke('auth:signIn', { token: value, remember, ...(sipPassword ? { sipPassword } : {}) });
      if (!r.ok) error = r.error;
    } catch (x) {
      error = { code: 'unavailable', message: x instanceof Error ? x.message : String(x) };
    }
    setBusy(false);
    if (error) {
      setFailure(error);
      tokenRef.current?.focus();
      tokenRef.current?.select();
    }
  };

  const errorId = `${ids}-error`;
  const rememberText = api.host === 'browser' ? t('auth.rememberBrowser') : remember ? t('auth.rememberOn') : t('auth.rememberOff');
  return (
    <main className="signin" id="main" data-testid="sign-in">
      <form className="signin__card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-title`} aria-busy={signingIn}>
        <div className="signin__head">
          <h1 id={`${ids}-title`}>{t('auth.title')}</h1>
          <LanguageChoice />
        </div>
        <p className="muted">{t('auth.intro')}</p>
        <p className="signin__cc">
          <span className="muted">{t('auth.contactCenter')}</span> <code data-testid="sign-in-cc">{auth?.contactCenterUrl ?? ''}</code>
        </p>
        {error && (
          <div id={errorId} role="alert" className="signin__error" data-testid="sign-in-error">
            {error}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${ids}-token`}>{t('auth.token')}</label>
          <input
            ref={tokenRef}
            id={`${ids}-token`}
            type={showToken ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            value={token}
            readOnly={signingIn}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${ids}-token-help${error ? ` ${errorId}` : ''}`}
            onChange={(e) => {
              setToken(e.target.value);
              setMissing(false);
              setFailure(null);
              setEdited(true);
            }}
          />
          <p id={`${ids}-token-help`} className="hint">
            {t('auth.tokenHelp')}
          </p>
          <label className="check">
            <input type="checkbox" checked={showToken} onChange={(e) => setShowToken(e.target.checked)} />
            {t('auth.showToken')}
          </label>
        </div>
        {auth?.sipServer && (
          <div className="field">
            <label htmlFor={`${ids}-sip`}>{t('auth.sipPassword')}</label>
            <input id={`${ids}-sip`} type="password" autoComplete="off" value={sipPassword} readOnly={signingIn} aria-describedby={`${ids}-sip-help`} onChange={(e) => setSipPassword(e.target.value)} />
            <p id={`${ids}-sip-help`} className="hint">
              {t('auth.sipPasswordHelp')}
            </p>
          </div>
        )}
        <div className="field">
          <label className="check">
            <input type="checkbox" checked={remember} aria-describedby={`${ids}-remember-help`} onChange={(e) => setRemember(e.target.checked)} />
            {t('auth.remember')}
          </label>
          <p id={`${ids}-remember-help`} className="hint" data-testid="sign-in-remember-help">
            {rememberText}
          </p>
        </div>
        <button type="submit" className="btn btn--primary btn--wide" aria-disabled={signingIn || undefined}>
          {signingIn ? t('auth.signingIn') : t('auth.signIn')}
        </button>
        <p className="sr-only" role="status">
          {signingIn ? t('auth.signingIn') : ''}
        </p>
      </form>
    </main>
  );
}
