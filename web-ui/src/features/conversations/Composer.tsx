import { Send } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateMessage } from './api';
import type { ReplyOutcome } from './inboxStore';

interface ComposerProps {
  /** The lead whose conversation this is: a new lead starts a fresh composer. */
  leadId: string;
  disabled: boolean;
  onReply: (text: string) => Promise<ReplyOutcome>;
  onTemplate: (template: TemplateMessage) => Promise<ReplyOutcome>;
}

const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;

/**
 * The reply box. On WhatsApp, more than 24 hours after the lead last wrote, the API answers 409
 * `conversation.outside_window`: the composer then offers the template form instead.
 */
export function Composer({ leadId, disabled, onReply, onTemplate }: ComposerProps) {
  const { t } = useTranslation('conversations');
  const id = useId();
  const [mode, setMode] = useState<'text' | 'template'>('text');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('es');
  const [parameters, setParameters] = useState('');

  useEffect(() => {
    setMode('text');
    setText('');
    setName('');
    setLanguage('es');
    setParameters('');
  }, [leadId]);

  const submitText = async (event?: FormEvent) => {
    event?.preventDefault();
    const reply = text.trim();
    if (!reply || busy || disabled) return;
    setBusy(true);
    const outcome = await onReply(reply);
    setBusy(false);
    if (outcome === 'sent') setText('');
    if (outcome === 'outside_window') setMode('template');
  };

  const submitTemplate = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || disabled || !TEMPLATE_NAME.test(name.trim())) return;
    setBusy(true);
    const outcome = await onTemplate({
      name: name.trim(),
      language: language.trim() || 'es',
      parameters: parameters
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    });
    setBusy(false);
    if (outcome === 'sent') {
      setMode('text');
      setText('');
      setParameters('');
    }
  };

  if (mode === 'template') {
    const nameInvalid = name.trim() !== '' && !TEMPLATE_NAME.test(name.trim());
    return (
      <form className="composer composer--template" onSubmit={(event) => void submitTemplate(event)} aria-labelledby={`${id}-template-title`}>
        <h3 id={`${id}-template-title`} className="composer__title">
          {t('template.title')}
        </h3>
        <p className="notice">{t('template.explain')}</p>
        <div className="composer__grid">
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('template.name')}</label>
            <input
              id={`${id}-name`}
              value={name}
              required
              autoComplete="off"
              aria-invalid={nameInvalid || undefined}
              aria-describedby={`${id}-name-hint`}
              onChange={(event) => setName(event.target.value)}
            />
            <p id={`${id}-name-hint`} className="field__hint muted">
              {t('template.nameHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('template.language')}</label>
            <input id={`${id}-language`} value={language} required aria-describedby={`${id}-language-hint`} onChange={(event) => setLanguage(event.target.value)} />
            <p id={`${id}-language-hint`} className="field__hint muted">
              {t('template.languageHint')}
            </p>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-parameters`}>{t('template.parameters')}</label>
          <textarea
            id={`${id}-parameters`}
            rows={3}
            value={parameters}
            aria-describedby={`${id}-parameters-hint`}
            onChange={(event) => setParameters(event.target.value)}
          />
          <p id={`${id}-parameters-hint`} className="field__hint muted">
            {t('template.parametersHint')}
          </p>
        </div>
        <div className="composer__actions">
          <button type="button" className="button button--secondary" onClick={() => setMode('text')} disabled={busy}>
            {t('template.back')}
          </button>
          <button type="submit" className="button" disabled={busy || disabled || !TEMPLATE_NAME.test(name.trim())} aria-busy={busy}>
            <Send className="button__icon" aria-hidden="true" />
            {t('template.send')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form className="composer" onSubmit={(event) => void submitText(event)}>
      <div className="field">
        <label htmlFor={`${id}-text`} className="visually-hidden">
          {t('composer.label')}
        </label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          maxLength={4096}
          disabled={disabled}
          placeholder={t('composer.placeholder')}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submitText();
          }}
        />
      </div>
      <div className="composer__actions">
        <p id={`${id}-hint`} className="composer__hint muted">
          {t('composer.hint')}
        </p>
        <button type="submit" className="button" disabled={disabled || busy || text.trim() === ''} aria-busy={busy}>
          <Send className="button__icon" aria-hidden="true" />
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}
