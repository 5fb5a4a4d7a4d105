// Form controls of the admin screens: labelled, described, showing errors and warnings, and
// disabled with a note when IT locked the setting.
import type { ReactNode } from 'react';
import { useT } from '../app/context.js';
import { useAdmin, useIssues } from './admin-context.js';

export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function LockNote({ path }: { path: string }) {
  const t = useT();
  const { locked } = useAdmin();
  if (!locked(path)) return null;
  return (
    <p id={`${fieldId(path)}-lock`} className="lock-note">
      <span aria-hidden="true">🔒 </span>
      {t('admin.locked')}
    </p>
  );
}

export function IssueList({ path }: { path: string }) {
  const t = useT();
  const { errors, warnings } = useIssues(path);
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div id={`${fieldId(path)}-issues`} className="issues" data-testid={`issues-${path}`}>
      {errors.map((e, i) => (
        <p key={`e${i}`} className="error">
          <span className="sr-only">{t('severity.error')}: </span>
          {t(e.key, e.params)}
        </p>
      ))}
      {warnings.map((w, i) => (
        <p key={`w${i}`} className="warning">
          <span className="sr-only">{t('severity.warning')}: </span>
          {t(w.key, w.params)}
        </p>
      ))}
    </div>
  );
}

export function describedBy(path: string, locked: boolean, hasIssues: boolean, extra?: string): string | undefined {
  const ids = [extra, hasIssues ? `${fieldId(path)}-issues` : null, locked ? `${fieldId(path)}-lock` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function useFieldState(path: string) {
  const { locked } = useAdmin();
  const { errors, warnings } = useIssues(path);
  const isLocked = locked(path);
  return { isLocked, invalid: errors.length > 0, hasIssues: errors.length + warnings.length > 0 };
}

export function SwitchField({
  path,
  label,
  help,
  checked,
  onChange,
  disabled = false,
  children,
}: {
  path: string;
  label: string;
  help?: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const id = fieldId(path);
  const { isLocked, hasIssues } = useFieldState(path);
  return (
    <div className="setting">
      <div className="setting__row">
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="switch"
          checked={checked}
          disabled={disabled || isLocked}
          aria-describedby={describedBy(path, isLocked, hasIssues && !children, help ? `${id}-help` : undefined)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id} className="setting__label">
          {label}
        </label>
      </div>
      {help && (
        <p id={`${id}-help`} className="hint setting__help">
          {help}
        </p>
      )}
      <LockNote path={path} />
      {children}
      {!children && <IssueList path={path} />}
    </div>
  );
}

export function NumberField({
  path,
  label,
  value,
  onChange,
  min,
  max,
  unit,
  disabled = false,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  min: number;
  max: number;
  unit?: string;
  disabled?: boolean;
}) {
  const id = `${fieldId(path)}-n`;
  const { isLocked, invalid, hasIssues } = useFieldState(path);
  return (
    <div className="setting__number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        disabled={disabled || isLocked}
        aria-invalid={invalid}
        aria-describedby={describedBy(path, isLocked, hasIssues)}
        onChange={(e) => onChange(e.target.value)}
      />
      {unit && <span className="muted">{unit}</span>}
      <IssueList path={path} />
    </div>
  );
}

export function TextField({
  path,
  label,
  value,
  onChange,
  help,
  disabled = false,
  placeholder,
  multiline = false,
  inputRef,
  nested = false,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  help?: string;
  disabled?: boolean;
  placeholder?: string;
  multiline?: boolean;
  inputRef?: (el: HTMLInputElement | HTMLTextAreaElement | null) => void;
  /** Inside a SwitchField of the same setting: own id, and the switch shows the lock note. */
  nested?: boolean;
}) {
  const id = nested ? `${fieldId(path)}-t` : fieldId(path);
  const { isLocked, invalid, hasIssues } = useFieldState(path);
  const common = {
    id,
    value,
    disabled: disabled || isLocked,
    placeholder,
    'aria-invalid': invalid,
    'aria-describedby': describedBy(path, isLocked, hasIssues, help ? `${id}-help` : undefined),
  };
  return (
    <div className="setting field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} ref={inputRef} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" autoComplete="off" ref={inputRef} onChange={(e) => onChange(e.target.value)} />
      )}
      {help && (
        <p id={`${id}-help`} className="hint">
          {help}
        </p>
      )}
      {!nested && <LockNote path={path} />}
      <IssueList path={path} />
    </div>
  );
}

export function RadioGroup<V extends string>({
  path,
  legend,
  value,
  options,
  onChange,
  disabled = false,
}: {
  path: string;
  legend: string;
  value: V;
  options: { value: V; label: string; help?: string }[];
  onChange: (v: V) => void;
  disabled?: boolean;
}) {
  const id = fieldId(path);
  const { isLocked, hasIssues } = useFieldState(path);
  return (
    <fieldset className="setting radios" aria-describedby={describedBy(path, isLocked, hasIssues)}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.value} className="radios__option">
          <input
            id={`${id}-${o.value}`}
            type="radio"
            name={id}
            value={o.value}
            checked={value === o.value}
            disabled={disabled || isLocked}
            aria-describedby={o.help ? `${id}-${o.value}-help` : undefined}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.help && (
            <p id={`${id}-${o.value}-help`} className="hint">
              {o.help}
            </p>
          )}
        </div>
      ))}
      <LockNote path={path} />
      <IssueList path={path} />
    </fieldset>
  );
}
