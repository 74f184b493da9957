import { Pencil } from 'lucide-react';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../api/types';
import { fieldProblem } from '../errors';
import { amountText, parseAmount } from '../money';

export type FieldValue = string | number | Money;

export type FieldSpec =
  | { kind: 'text' | 'email' | 'tel' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'enum'; options: readonly { value: string; label: string }[] }
  /** `currency` fixes it (income and debts are in CLP); otherwise UF or CLP is chosen. */
  | { kind: 'money'; currency?: Money['currency'] };

interface Props {
  label: string;
  value: FieldValue | undefined;
  /** The value as shown (formatted), or the "unknown" text. */
  display: string;
  spec: FieldSpec;
  editable: boolean;
  /** Saves a new value, or clears it with null; rejects with the API's error. */
  onSave: (value: FieldValue | null) => Promise<unknown>;
}

const isMoney = (value: FieldValue | undefined): value is Money => typeof value === 'object' && value !== null;

function initialText(value: FieldValue | undefined, language: string): string {
  if (value === undefined) return '';
  if (isMoney(value)) return amountText(value.amount, language);
  return String(value);
}

/**
 * One fact of the lead as a term and its value, editable in place: "Editar" turns the value into a
 * field with Guardar / Cancelar (Esc) / Borrar; the server's objection appears under the field.
 */
export function InlineField({ label, value, display, spec, editable, onSave }: Props) {
  const { t, i18n } = useTranslation('leads');
  const id = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [currency, setCurrency] = useState<Money['currency']>('UF');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const open = () => {
    setText(initialText(value, i18n.language));
    setCurrency(isMoney(value) ? value.currency : spec.kind === 'money' ? (spec.currency ?? 'UF') : 'UF');
    setError(null);
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const parse = (): { ok: true; value: FieldValue | null } | { ok: false; message: string } => {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: true, value: null };
    switch (spec.kind) {
      case 'int': {
        const number = Number(trimmed);
        return Number.isInteger(number) && number >= spec.min && number <= spec.max
          ? { ok: true, value: number }
          : { ok: false, message: t('edit.invalidNumber', { min: spec.min, max: spec.max }) };
      }
      case 'money': {
        const chosen = spec.currency ?? currency;
        const amount = parseAmount(trimmed, chosen);
        return amount === null ? { ok: false, message: t('edit.invalidAmount') } : { ok: true, value: { amount, currency: chosen } };
      }
      default:
        return { ok: true, value: trimmed };
    }
  };

  const save = async (next: FieldValue | null) => {
    setSaving(true);
    setError(null);
    try {
      await onSave(next);
      close();
    } catch (cause) {
      setError(fieldProblem(cause).message);
      // the buttons were disabled while saving: give the focus back to the field to fix it
      requestAnimationFrame(() => input.current?.focus());
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parse();
    if (!parsed.ok) {
      setError(parsed.message);
      input.current?.focus();
      return;
    }
    void save(parsed.value);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !saving) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  if (!editing) {
    return (
      <div className="lead-fact">
        <dt className="lead-fact__label">{label}</dt>
        <dd className={value === undefined ? 'lead-fact__value muted' : 'lead-fact__value'}>
          <span>{display}</span>
          {editable && (
            <button ref={editButton} type="button" className="icon-button lead-fact__edit" onClick={open} aria-label={t('edit.edit', { field: label })} title={t('edit.edit', { field: label })}>
              <Pencil aria-hidden="true" />
            </button>
          )}
        </dd>
      </div>
    );
  }

  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div className="lead-fact lead-fact--editing">
      <dt className="lead-fact__label">
        <label htmlFor={id}>{label}</label>
      </dt>
      <dd className="lead-fact__value">
        <form className="lead-fact__form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
          <div className="lead-fact__inputs">
            {spec.kind === 'enum' ? (
              <select ref={input} id={id} className="select select--compact" value={text} onChange={(event) => setText(event.target.value)} autoFocus aria-describedby={describedBy}>
                <option value="">{t('edit.choose')}</option>
                {spec.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                ref={input}
                id={id}
                className="leads-input leads-input--compact"
                type={spec.kind === 'email' ? 'email' : spec.kind === 'tel' ? 'tel' : 'text'}
                inputMode={spec.kind === 'int' ? 'numeric' : spec.kind === 'money' ? 'decimal' : undefined}
                value={text}
                onChange={(event) => setText(event.target.value)}
                autoFocus
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
              />
            )}
            {spec.kind === 'money' &&
              (spec.currency ? (
                <span className="lead-fact__currency">{spec.currency}</span>
              ) : (
                <select className="select select--compact" value={currency} onChange={(event) => setCurrency(event.target.value as Money['currency'])} aria-label={t('edit.currency')}>
                  <option value="UF">UF</option>
                  <option value="CLP">CLP</option>
                </select>
              ))}
          </div>
          {error && (
            <span id={`${id}-error`} className="leads-field__error" role="alert">
              {error}
            </span>
          )}
          <div className="lead-fact__actions">
            <button type="submit" className="button button--compact" disabled={saving} aria-busy={saving}>
              {saving ? t('edit.saving') : t('edit.save')}
            </button>
            <button type="button" className="button button--secondary button--compact" onClick={close} disabled={saving}>
              {t('edit.cancel')}
            </button>
            {value !== undefined && (
              <button type="button" className="button button--ghost button--compact" onClick={() => void save(null)} disabled={saving} aria-label={t('edit.clearField', { field: label })}>
                {t('edit.clear')}
              </button>
            )}
          </div>
        </form>
      </dd>
    </div>
  );
}
