// The status dropdown: the contact center's statuses grouped by kind. System statuses are shown
// (the agent sees where the system may put them) but cannot be chosen. A menu button with a
// listbox, because a native <select> would change status on every arrow key.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useAppState, useNow, useSelector, useT } from '../app/context.js';
import { useShortcut, useShortcutText } from '../app/shortcuts.js';
import { formatClock, elapsedSeconds } from '../i18n/format.js';
import { currentStatus, statusOptions, type StatusOption } from '../store/selectors.js';
import { useCommand } from '../ui/feedback.js';
import { CRM_NAME_KEY, STATUS_KIND_KEY, STATUS_SOURCE_KEY } from '../ui/labels.js';

export function StatusMenu() {
  const t = useT();
  const state = useAppState();
  const current = useSelector(currentStatus);
  const groups = useSelector(statusOptions);
  const run = useCommand();
  const now = useNow();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const flat: StatusOption[] = groups.flatMap((g) => g.options);
  const crm = t(CRM_NAME_KEY[state.settings.crm.kind]);
  const shortcut = useShortcutText('status');

  const openMenu = () => {
    setActive(current?.id ?? flat.find((o) => o.selectable)?.id ?? null);
    setOpen(true);
    requestAnimationFrame(() => listRef.current?.focus());
  };
  const close = (focusButton = true) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };
  useShortcut('status', () => {
    if (open) close();
    else {
      buttonRef.current?.focus();
      openMenu();
    }
  });

  const choose = async (o: StatusOption | undefined) => {
    if (!o || !o.selectable) return;
    close();
    if (o.id === current?.id) return;
    setBusy(true);
    await run('status:set', { statusId: o.id }, 'status.setFailed');
    setBusy(false);
  };

  const move = (delta: number) => {
    if (flat.length === 0) return;
    const i = flat.findIndex((o) => o.id === active);
    const next = flat[(i + delta + flat.length) % flat.length];
    if (next) setActive(next.id);
  };

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        move(-1);
        break;
      case 'Home':
        e.preventDefault();
        setActive(flat[0]?.id ?? null);
        break;
      case 'End':
        e.preventDefault();
        setActive(flat[flat.length - 1]?.id ?? null);
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        void choose(flat.find((o) => o.id === active));
        break;
      case 'Escape':
        e.preventDefault();
        close();
        break;
      case 'Tab':
        close(false);
        break;
      default:
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const start = flat.findIndex((o) => o.id === active);
          const order = [...flat.slice(start + 1), ...flat.slice(0, start + 1)];
          const hit = order.find((o) => o.name.toLowerCase().startsWith(e.key.toLowerCase()));
          if (hit) setActive(hit.id);
        }
    }
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu();
    }
  };

  const kind = current?.kind ?? 'unavailable';
  const sourceText = current?.source ? t(STATUS_SOURCE_KEY[current.source], { crm }) : null;

  return (
    <div className="status-menu">
      <button
        ref={buttonRef}
        type="button"
        className={`status-menu__button status--${kind}`}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? `${id}-list` : undefined}
        aria-busy={busy}
        aria-keyshortcuts={shortcut.replace('Option', 'Alt')}
        onClick={() => (open ? close() : openMenu())}
        onKeyDown={onButtonKey}
        data-testid="status-button"
      >
        <span className="status-dot" aria-hidden="true" />
        <span className="sr-only">{t('status.label')}: </span>
        <span className="status-menu__name">{current?.name ?? t('status.none')}</span>
        <span aria-hidden="true" className="caret">▾</span>
      </button>
      <div className="status-menu__meta" data-testid="status-meta">
        {sourceText && <span>{t('status.setBy', { source: sourceText })}</span>}
        {current?.since && (
          <span>
            {t('status.timeIn')} <time dateTime={current.since}>{formatClock(elapsedSeconds(current.since, now))}</time>
          </span>
        )}
        {state.status.crmStatus && <span>{t('status.crmShows', { crm, status: state.status.crmStatus })}</span>}
      </div>
      {open && (
        <ul
          ref={listRef}
          id={`${id}-list`}
          role="listbox"
          tabIndex={-1}
          className="status-menu__list"
          aria-label={t('status.choose')}
          aria-activedescendant={active ? `${id}-opt-${active}` : undefined}
          onKeyDown={onListKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget !== buttonRef.current) setOpen(false);
          }}
        >
          {groups.map((g) => (
            <li key={g.kind} role="presentation">
              <ul role="group" aria-labelledby={`${id}-g-${g.kind}`} className="status-menu__group">
                <li role="presentation" id={`${id}-g-${g.kind}`} className="status-menu__group-label">
                  {t(STATUS_KIND_KEY[g.kind])}
                  {g.kind === 'system' && <span className="muted"> · {t('status.systemHint')}</span>}
                </li>
                {g.options.map((o) => (
                  <li
                    key={o.id}
                    id={`${id}-opt-${o.id}`}
                    role="option"
                    aria-selected={o.current}
                    aria-disabled={!o.selectable || undefined}
                    className={`status-menu__option status--${o.kind}${o.id === active ? ' is-active' : ''}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => void choose(o)}
                    onMouseEnter={() => setActive(o.id)}
                  >
                    <span className="status-dot" aria-hidden="true" />
                    {o.name}
                    {o.current && <span className="status-menu__check" aria-hidden="true">✓</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
