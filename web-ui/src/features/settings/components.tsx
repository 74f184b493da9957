import { Eye, EyeOff, Info, KeyRound, Lock } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { isMasked } from './api';

/** A titled card of one settings sub-page (its h2, a line under it, the content). */
export function Panel({ title, description, actions, children, id }: { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string }) {
  const generated = useId();
  const headingId = id ?? generated;
  return (
    <section className="card settings-panel" aria-labelledby={headingId}>
      <div className="settings-panel__heading">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {description && <p className="muted card__description">{description}</p>}
      {children}
    </section>
  );
}

/** "Solo lectura": why the form cannot be changed by this role. */
export function ReadOnlyNotice() {
  const { t } = useTranslation('settings');
  return (
    <p className="notice settings-notice">
      <Lock className="notice__icon" aria-hidden="true" />
      <span>{t('form.readOnly')}</span>
    </p>
  );
}

export function Hint({ children }: { children: ReactNode }) {
  return (
    <p className="notice settings-notice">
      <Info className="notice__icon" aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}

/** A failed save in words (the server's Spanish detail), with its field problems. */
export function SaveError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {userMessage(error)}
    </p>
  );
}

/** The form's footer: save / discard and when it was last changed. */
export function SaveBar({ dirty, saving, updatedAt, onReset, label }: { dirty: boolean; saving: boolean; updatedAt?: string; onReset: () => void; label?: string }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  return (
    <div className="save-bar">
      <span className="muted save-bar__status" aria-live="polite">
        {dirty ? t('form.unsaved') : updatedAt ? t('form.updated', { when: format.dateTime(updatedAt) }) : ''}
      </span>
      <button type="button" className="button button--secondary" onClick={onReset} disabled={!dirty || saving}>
        {t('form.discard')}
      </button>
      <button type="submit" className="button" disabled={!dirty || saving} aria-busy={saving}>
        {saving ? t('form.saving') : (label ?? t('form.save'))}
      </button>
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'url' | 'tel' | 'number' | 'time' | 'password';
  readOnly?: boolean;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  maxLength?: number;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  className?: string;
}

/** A labelled input with an optional hint under it. */
export function TextField({ label, value, onChange, hint, readOnly, className, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        readOnly={readOnly}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="muted field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A labelled textarea with a character count. */
export function TextArea({ label, value, onChange, hint, readOnly, maxLength, rows = 5 }: { label: string; value: string; onChange: (value: string) => void; hint?: ReactNode; readOnly?: boolean; maxLength?: number; rows?: number }) {
  const id = useId();
  const format = useFormat();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={rows}
        onChange={(event) => onChange(event.target.value)}
        readOnly={readOnly}
        maxLength={maxLength}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="muted field__hint">
        {hint}
        {hint && maxLength ? ' · ' : ''}
        {maxLength ? `${format.number(value.length)} / ${format.number(maxLength)}` : ''}
      </p>
    </div>
  );
}

/** A labelled checkbox. */
export function Checkbox({ label, checked, onChange, hint, disabled }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: ReactNode; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="checkbox-field">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} disabled={disabled} aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="muted field__hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** A labelled select. */
export function SelectField<V extends string>({ label, value, options, onChange, hint, disabled }: { label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void; hint?: ReactNode; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value as V)} disabled={disabled} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="muted field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A write-only credential. The API shows a stored one masked (`••••1234`); the field shows that,
 * and sends it back untouched (the server then keeps the stored value) unless the user types a new
 * one or clears it. The typed value can be shown while typing; the stored one never arrives.
 */
export function SecretField({ label, value, stored, onChange, hint, readOnly }: { label: string; value: string; stored?: string; onChange: (value: string) => void; hint?: ReactNode; readOnly?: boolean }) {
  const { t } = useTranslation('settings');
  const id = useId();
  const [visible, setVisible] = useState(false);
  const keeping = isMasked(value) && value === stored;
  const state = keeping ? t('secret.kept') : stored && !value ? t('secret.willClear') : value && value !== stored ? t('secret.willReplace') : t('secret.none');
  return (
    <div className="field secret-field">
      <label htmlFor={id}>
        <KeyRound className="secret-field__icon" aria-hidden="true" />
        {label}
      </label>
      <div className="secret-field__row">
        <input
          id={id}
          type={visible && !keeping ? 'text' : 'password'}
          value={value}
          autoComplete="off"
          spellCheck={false}
          readOnly={readOnly}
          onFocus={(event) => {
            if (keeping && !readOnly) event.target.select();
          }}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={`${id}-state`}
        />
        {!keeping && value && (
          <button type="button" className="icon-button" onClick={() => setVisible((shown) => !shown)} aria-label={visible ? t('secret.hide') : t('secret.show')} aria-pressed={visible}>
            {visible ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
          </button>
        )}
        {stored && !readOnly && (
          <button type="button" className="button button--ghost" onClick={() => onChange(value === stored ? '' : stored)}>
            {value === stored ? t('secret.clear') : t('secret.restore')}
          </button>
        )}
      </div>
      <p id={`${id}-state`} className="muted field__hint">
        {keeping ? t('secret.storedAs', { masked: stored }) + ' · ' : ''}
        {state}
        {hint ? <> · {hint}</> : null}
      </p>
    </div>
  );
}
