import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, notify, Skeleton } from '../../../components/ui';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, settingsKeys, VOICE_PROVIDERS, type VoiceConfig, type VoiceConfigRequest } from '../api';
import { Hint, Panel, SaveBar, SaveError, SecretField, SelectField, TextField } from '../components';
import { SectionGate } from '../SettingsLayout';

interface VoiceForm {
  provider: string;
  /** Every stored credential (masked) plus `api_key`, by key. */
  credentials: Record<string, string>;
  phoneNumberId: string;
  assistantIdDefault: string;
  callingHoursStart: string;
  callingHoursEnd: string;
  maxConcurrentCalls: number;
}

const toForm = (config: VoiceConfig): VoiceForm => ({
  provider: config.provider ?? '',
  credentials: { api_key: '', ...config.providerCredentials },
  phoneNumberId: config.phoneNumberId ?? '',
  assistantIdDefault: config.assistantIdDefault ?? '',
  callingHoursStart: config.callingHoursStart,
  callingHoursEnd: config.callingHoursEnd,
  maxConcurrentCalls: config.maxConcurrentCalls,
});

const orNull = (value: string) => (value.trim() ? value.trim() : null);

const toRequest = (form: VoiceForm): VoiceConfigRequest => ({
  provider: orNull(form.provider),
  providerCredentials: Object.fromEntries(Object.entries(form.credentials).map(([key, value]) => [key, orNull(value)])),
  phoneNumberId: orNull(form.phoneNumberId),
  assistantIdDefault: orNull(form.assistantIdDefault),
  callingHoursStart: form.callingHoursStart,
  callingHoursEnd: form.callingHoursEnd,
  maxConcurrentCalls: form.maxConcurrentCalls,
});

function VoiceFormView({ config }: { config: VoiceConfig }) {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const initial = toForm(config);
  const [form, setForm] = useState(initial);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const set = <K extends keyof VoiceForm>(key: K, value: VoiceForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: (body: VoiceConfigRequest) => settingsApi.saveVoice(brokerId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.voice(brokerId), saved);
      notify(t('voice.saved'));
    },
  });
  const hoursValid = form.callingHoursStart < form.callingHoursEnd;
  return (
    <Panel title={t('voice.title')} description={t('voice.description')}>
      <p className={`agent-now agent-now--${config.configured ? 'broker' : 'offline'}`}>{config.configured ? t('voice.configured') : t('voice.notConfigured')}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (hoursValid) save.mutate(toRequest(form));
        }}
      >
        <SelectField
          label={t('voice.provider')}
          value={form.provider}
          options={[{ value: '', label: t('voice.none') }, ...VOICE_PROVIDERS.map((provider) => ({ value: provider, label: t(`voice.providers.${provider}`) }))]}
          onChange={(value) => set('provider', value)}
        />
        {form.provider && (
          <>
            <div className="form-row">
              {Object.keys(form.credentials).map((key) => (
                <SecretField
                  key={key}
                  label={key === 'api_key' ? t('voice.apiKey') : key}
                  value={form.credentials[key] ?? ''}
                  stored={config.providerCredentials[key]}
                  onChange={(value) => set('credentials', { ...form.credentials, [key]: value })}
                />
              ))}
            </div>
            <div className="form-row">
              <TextField label={t('voice.phoneNumberId')} value={form.phoneNumberId} onChange={(value) => set('phoneNumberId', value)} autoComplete="off" />
              <TextField label={t('voice.assistantId')} value={form.assistantIdDefault} onChange={(value) => set('assistantIdDefault', value)} autoComplete="off" />
            </div>
          </>
        )}
        <div className="form-row form-row--3">
          <TextField label={t('voice.hoursStart')} type="time" value={form.callingHoursStart} onChange={(value) => set('callingHoursStart', value)} required />
          <TextField label={t('voice.hoursEnd')} type="time" value={form.callingHoursEnd} onChange={(value) => set('callingHoursEnd', value)} required />
          <TextField label={t('voice.maxCalls')} type="number" min={1} value={String(form.maxConcurrentCalls)} onChange={(value) => set('maxConcurrentCalls', Math.max(1, Number.parseInt(value, 10) || 1))} />
        </div>
        {!hoursValid && (
          <p className="form-error" role="alert">
            {t('voice.hoursInvalid')}
          </p>
        )}
        <Hint>{t('voice.hint')}</Hint>
        <SaveError error={save.error} />
        <SaveBar dirty={dirty} saving={save.isPending} updatedAt={config.updatedAt} onReset={() => setForm(initial)} />
      </form>
    </Panel>
  );
}

function VoiceSettings() {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const voice = useQuery({ queryKey: settingsKeys.voice(brokerId), queryFn: ({ signal }) => settingsApi.voice(brokerId, signal) });
  if (voice.isPending) return <Skeleton lines={8} label={t('voice.loading')} />;
  if (voice.isError) return <ErrorState error={voice.error} onRetry={() => void voice.refetch()} retrying={voice.isFetching} />;
  return <VoiceFormView key={voice.data.updatedAt ?? 'initial'} config={voice.data} />;
}

/** `/settings/voice`: the voice-call provider, its credentials and calling hours. */
export default function VoiceSettingsPage() {
  return (
    <SectionGate id="voice">
      <VoiceSettings />
    </SectionGate>
  );
}
