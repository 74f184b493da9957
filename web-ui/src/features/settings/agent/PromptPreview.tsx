import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadField, PromptConfigRequest } from '../api';
import { Panel } from '../components';
import { composePromptParts } from './composePrompt';

/**
 * What the agent will be told: the server's system prompt template with this form's values, for a
 * new lead. The broker's own text is highlighted; the rest is fixed by Inmo.
 */
export function PromptPreview({ prompt, fieldPriority }: { prompt: PromptConfigRequest; fieldPriority: readonly LeadField[] | undefined }) {
  const { t } = useTranslation('settings');
  const [highlight, setHighlight] = useState(true);
  const toggleId = useId();
  const parts = useMemo(() => composePromptParts(prompt, fieldPriority), [prompt, fieldPriority]);
  return (
    <Panel
      title={t('agent.preview.title')}
      description={t('agent.preview.description')}
      actions={
        <label className="inline-check" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={highlight} onChange={(event) => setHighlight(event.target.checked)} />
          {t('agent.preview.highlight')}
        </label>
      }
    >
      <pre className={`prompt-preview${highlight ? ' prompt-preview--highlight' : ''}`} tabIndex={0} aria-label={t('agent.preview.label')} data-testid="prompt-preview">
        {parts.map((part, index) =>
          part.setting ? (
            <mark key={index} className="prompt-preview__value" title={t(`agent.preview.from.${part.setting}`)}>
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </pre>
      <p className="muted field__hint">{t('agent.preview.note')}</p>
    </Panel>
  );
}
