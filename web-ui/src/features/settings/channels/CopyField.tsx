import { Check, Copy } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value to paste somewhere else, with a copy button. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation('settings');
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      document.getElementById(id)?.focus();
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        <input id={id} value={value} readOnly onFocus={(event) => event.target.select()} aria-describedby={hint ? `${id}-hint` : undefined} />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copied ? <Check className="button__icon" aria-hidden="true" /> : <Copy className="button__icon" aria-hidden="true" />}
          <span aria-live="polite">{copied ? t('channels.copied') : t('channels.copy')}</span>
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="muted field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
