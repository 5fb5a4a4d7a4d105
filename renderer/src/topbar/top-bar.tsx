// The top bar: connection, status, "why", navigation, shortcuts, language, the account (sign out).
import { useId, useRef, useState } from 'react';
import { useAppState, useSelector, useT } from '../app/context.js';
import { useDeskUi, type View } from '../app/desk-ui.js';
import { useShortcut } from '../app/shortcuts.js';
import { canAdminister, canSupervise } from '../store/selectors.js';
import { useCommand } from '../ui/feedback.js';
import { CONNECTION_KEY } from '../ui/labels.js';
import { LanguageButtons } from '../ui/language-buttons.js';
import { AuditPanel } from './audit-panel.js';
import { ShortcutsDialog } from './shortcuts-dialog.js';
import { StatusMenu } from './status-menu.js';
import { UserMenu } from './user-menu.js';

function Connection() {
  const t = useT();
  const { connection } = useAppState();
  return (
    <div className={`connection connection--${connection.contactCenter}`} data-testid="connection">
      <span className="connection__dot" aria-hidden="true" />
      <span>
        {t(CONNECTION_KEY[connection.contactCenter])}
        {connection.detail && <span className="muted connection__detail"> · {connection.detail}</span>}
      </span>
    </div>
  );
}

function LanguageSwitch() {
  const { locale } = useAppState();
  const run = useCommand();
  return <LanguageButtons locale={locale} onPick={(l) => void run('app:setLocale', { locale: l }, 'language.failed')} />;
}

function Nav() {
  const t = useT();
  const { view, setView } = useDeskUi();
  const admin = useSelector(canAdminister);
  const supervisor = useSelector(canSupervise);
  const items: { view: View; label: string; show: boolean }[] = [
    { view: 'desk', label: t('nav.desk'), show: true },
    { view: 'supervisor', label: t('nav.supervisor'), show: supervisor },
    { view: 'admin', label: t('nav.admin'), show: admin },
  ];
  if (!admin && !supervisor) return null;
  return (
    <nav aria-label={t('nav.label')} className="nav">
      {items
        .filter((i) => i.show)
        .map((i) => (
          <button key={i.view} type="button" className="nav__item" aria-current={view === i.view ? 'page' : undefined} onClick={() => setView(i.view)}>
            {i.label}
          </button>
        ))}
    </nav>
  );
}

export function TopBar() {
  const t = useT();
  const auditId = useId();
  const [auditOpen, setAuditOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const auditButton = useRef<HTMLButtonElement>(null);
  const helpButton = useRef<HTMLButtonElement>(null);
  useShortcut('help', () => setHelpOpen((o) => !o));
  return (
    <header className="topbar">
      <div className="topbar__brand">AgentDesk</div>
      <Connection />
      <UserMenu />
      <StatusMenu />
      <div className="topbar__audit">
        <button
          ref={auditButton}
          type="button"
          className="btn btn--ghost"
          aria-expanded={auditOpen}
          aria-controls={auditOpen ? auditId : undefined}
          onClick={() => setAuditOpen((o) => !o)}
        >
          {t('audit.open')}
        </button>
        {auditOpen && (
          <AuditPanel
            id={auditId}
            onClose={() => {
              setAuditOpen(false);
              auditButton.current?.focus();
            }}
          />
        )}
      </div>
      <div className="topbar__spacer" />
      <Nav />
      <button ref={helpButton} type="button" className="btn btn--ghost" onClick={() => setHelpOpen(true)} aria-haspopup="dialog">
        {t('shortcuts.open')}
      </button>
      <LanguageSwitch />
      {helpOpen && (
        <ShortcutsDialog
          onClose={() => {
            setHelpOpen(false);
            helpButton.current?.focus();
          }}
        />
      )}
    </header>
  );
}
