import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { notify } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import { useActiveBrokerId } from '../../../stores/broker';
import { LLM_PROVIDERS, settingsApi, settingsKeys, type LlmConfig, type LlmConfigRequest, type LlmProvider } from '../api';
import { Hint, Panel, SaveBar, SaveError, SecretField, SelectField, TextField } from '../components';
import { usd } from './usd';

/** `server` = the server's chain (provider null). */
type Mode = 'server' | 'offline' | LlmProvider;
const MAX_FALLBACKS = 3;

interface LlmForm {
  mode: Mode;
  model: string;
  baseUrl: string;
  fallbacks: string[];
  apiKeys: Partial<Record<LlmProvider, string>>;
  budget: string;
}

const toForm = (config: LlmConfig): LlmForm => ({
  mode: config.provider ?? 'server',
  model: config.model ?? '',
  baseUrl: config.baseUrl ?? '',
  fallbacks: config.fallbacks,
  apiKeys: { ...config.apiKeys },
  budget: config.monthlyBudgetUsd !== undefined ? String(config.monthlyBudgetUsd) : '',
});

const isProvider = (mode: Mode): mode is LlmProvider => (LLM_PROVIDERS as readonly string[]).includes(mode);
const providerOf = (fallback: string) => fallback.split(':')[0]?.trim() as LlmProvider;

/** The providers whose key the chain needs (ollama usually needs none, but may take one). */
export function chainProviders(form: Pick<LlmForm, 'mode' | 'fallbacks'>): LlmProvider[] {
  const providers = new Set<LlmProvider>();
  if (isProvider(form.mode)) providers.add(form.mode);
  for (const fallback of form.fallbacks) {
    const provider = providerOf(fallback);
    if (isProvider(provider)) providers.add(provider);
  }
  return [...providers];
}

const parseBudget = (text: string): number | null => {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (!cleaned) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
};

/**
 * The PUT body. Keys shown masked go back as they are (kept); emptied ones as null (cleared); keys
 * of providers the chain no longer names are left alone.
 */
export function toLlmRequest(form: LlmForm): LlmConfigRequest {
  const provider = form.mode === 'server' ? null : form.mode;
  const usesModel = isProvider(form.mode);
  const apiKeys: LlmConfigRequest['apiKeys'] = {};
  for (const [key, value] of Object.entries(form.apiKeys) as [LlmProvider, string][]) {
    apiKeys[key] = value.trim() ? value.trim() : null;
  }
  return {
    provider,
    model: usesModel && form.model.trim() ? form.model.trim() : null,
    baseUrl: usesModel && form.baseUrl.trim() ? form.baseUrl.trim() : null,
    fallbacks: usesModel ? form.fallbacks.map((fallback) => fallback.trim()).filter(Boolean) : [],
    apiKeys,
    monthlyBudgetUsd: parseBudget(form.budget),
  };
}

/** A friendlier sentence for the AI config's own error codes. */
function llmError(error: unknown, t: (key: 'ai.errors.credentials' | 'ai.errors.endpoint') => string): unknown {
  if (error instanceof ApiError && error.code === 'broker.llm_credentials_missing' && !error.problem?.detail) return new ApiError(t('ai.errors.credentials'), error.status, error.problem);
  if (error instanceof ApiError && error.code === 'broker.llm_endpoint_not_allowed' && !error.problem?.detail) return new ApiError(t('ai.errors.endpoint'), error.status, error.problem);
  return error;
}

export function LlmConfigForm({ config }: { config: LlmConfig }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const initial = toForm(config);
  const [form, setForm] = useState(initial);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const save = useMutation({
    mutationFn: (body: LlmConfigRequest) => settingsApi.saveLlm(brokerId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.llm(brokerId), saved);
      void queryClient.invalidateQueries({ queryKey: ['settings', brokerId, 'usage'] });
      notify(t('ai.saved'));
    },
  });
  const set = <K extends keyof LlmForm>(key: K, value: LlmForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const usesModel = isProvider(form.mode);
  const keyProviders = [...new Set([...chainProviders(form), ...(Object.keys(config.apiKeys) as LlmProvider[])])];
  const modes: Mode[] = ['server', 'offline', ...LLM_PROVIDERS];
  const budget = parseBudget(form.budget);
  const budgetInvalid = form.budget.trim() !== '' && (budget === null || budget <= 0);

  return (
    <Panel title={t('ai.config.title')} description={t('ai.config.description')}>
      <p className={`agent-now agent-now--${config.agent}`}>
        <strong>{t('ai.config.agentNow')}</strong> {t(`ai.agent.${config.agent}`)}
      </p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!budgetInvalid) save.mutate(toLlmRequest(form));
        }}
      >
        <SelectField label={t('ai.config.provider')} value={form.mode} options={modes.map((mode) => ({ value: mode, label: t(`ai.providers.${mode}`) }))} onChange={(mode) => set('mode', mode)} hint={t(`ai.modeHint.${usesModel ? 'provider' : form.mode === 'offline' ? 'offline' : 'server'}`)} />
        {usesModel && (
          <div className="form-row">
            <TextField label={t('ai.config.model')} value={form.model} onChange={(value) => set('model', value)} required placeholder={t(`ai.modelExample.${form.mode as LlmProvider}`)} hint={t('ai.config.modelHint')} autoComplete="off" />
            <TextField
              label={t('ai.config.baseUrl')}
              type="url"
              value={form.baseUrl}
              onChange={(value) => set('baseUrl', value)}
              required={form.mode === 'openai_compatible'}
              placeholder={form.mode === 'ollama' ? 'http://ollama:11434' : 'https://…'}
              hint={form.mode === 'openai_compatible' ? t('ai.config.baseUrlRequired') : t('ai.config.baseUrlHint')}
            />
          </div>
        )}
        {usesModel && (
          <fieldset className="fallbacks">
            <legend>{t('ai.config.fallbacks')}</legend>
            <p className="muted field__hint">{t('ai.config.fallbacksHint')}</p>
            {form.fallbacks.map((fallback, index) => (
              <div key={index} className="fallbacks__row">
                <TextField
                  label={t('ai.config.fallback', { n: index + 1 })}
                  value={fallback}
                  onChange={(value) => set('fallbacks', form.fallbacks.map((item, i) => (i === index ? value : item)))}
                  placeholder="anthropic:claude-haiku-4-5"
                  autoComplete="off"
                />
                <button type="button" className="icon-button" onClick={() => set('fallbacks', form.fallbacks.filter((_, i) => i !== index))} aria-label={t('ai.config.removeFallback', { n: index + 1 })}>
                  <Trash2 aria-hidden="true" />
                </button>
              </div>
            ))}
            {form.fallbacks.length < MAX_FALLBACKS && (
              <button type="button" className="button button--secondary" onClick={() => set('fallbacks', [...form.fallbacks, ''])}>
                <Plus className="button__icon" aria-hidden="true" />
                {t('ai.config.addFallback')}
              </button>
            )}
          </fieldset>
        )}
        {keyProviders.length > 0 && (
          <fieldset className="api-keys">
            <legend>{t('ai.config.apiKeys')}</legend>
            {keyProviders.map((provider) => (
              <SecretField
                key={provider}
                label={t('ai.config.apiKey', { provider: t(`ai.providers.${provider}`) })}
                value={form.apiKeys[provider] ?? ''}
                stored={config.apiKeys[provider]}
                onChange={(value) => set('apiKeys', { ...form.apiKeys, [provider]: value })}
              />
            ))}
          </fieldset>
        )}
        <TextField
          label={t('ai.config.budget')}
          inputMode="decimal"
          value={form.budget}
          onChange={(value) => set('budget', value)}
          placeholder={t('ai.config.budgetPlaceholder')}
          hint={budget ? t('ai.config.budgetHintSet', { amount: usd(format, budget) }) : t('ai.config.budgetHint')}
        />
        {budgetInvalid && (
          <p className="form-error" role="alert">
            {t('ai.config.budgetInvalid')}
          </p>
        )}
        {form.mode === 'server' && <Hint>{t('ai.config.serverHint')}</Hint>}
        <SaveError error={llmError(save.error, t)} />
        <SaveBar dirty={dirty} saving={save.isPending} updatedAt={config.updatedAt} onReset={() => setForm(initial)} />
      </form>
    </Panel>
  );
}
