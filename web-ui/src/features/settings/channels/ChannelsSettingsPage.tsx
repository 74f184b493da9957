import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelBadge, ErrorState, notify, Skeleton } from '../../../components/ui';
import { useActiveBrokerId } from '../../../stores/broker';
import {
  CHAT_PROVIDERS,
  settingsApi,
  settingsKeys,
  type ChatConfig,
  type ChatConfigRequest,
  type ChatProvider,
  type TelegramCredentials,
  type WhatsappCredentials,
} from '../api';
import { Checkbox, Hint, Panel, SaveBar, SaveError, SecretField, SelectField, TextField } from '../components';
import { SectionGate } from '../SettingsLayout';
import { ConnectionTest } from './ConnectionTest';
import { CopyField } from './CopyField';

type Telegram = Required<Record<keyof TelegramCredentials, string>>;
type Whatsapp = Required<Record<keyof WhatsappCredentials, string>>;

interface ChatForm {
  enabledProviders: ChatProvider[];
  defaultProvider: ChatProvider;
  telegram: Telegram;
  whatsapp: Whatsapp;
  burstWindowSeconds: number;
  takeoverIdleMinutes: number;
}

/** The form starts from the API's values; secrets as shown (masked). */
const toForm = (config: ChatConfig): ChatForm => ({
  enabledProviders: config.enabledProviders,
  defaultProvider: config.defaultProvider,
  telegram: { botToken: config.telegram.botToken ?? '', webhookSecret: config.telegram.webhookSecret ?? '' },
  whatsapp: {
    phoneNumberId: config.whatsapp.phoneNumberId ?? '',
    accessToken: config.whatsapp.accessToken ?? '',
    appSecret: config.whatsapp.appSecret ?? '',
    verifyToken: config.whatsapp.verifyToken ?? '',
  },
  burstWindowSeconds: config.burstWindowSeconds,
  takeoverIdleMinutes: config.takeoverIdleMinutes,
});

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/**
 * The PUT body: a secret left as shown goes back masked (the server keeps it), an emptied one as
 * null (cleared), a typed one as typed (replaced).
 */
export function toChatRequest(form: ChatForm): ChatConfigRequest {
  return {
    enabledProviders: form.enabledProviders,
    defaultProvider: form.enabledProviders.includes(form.defaultProvider) ? form.defaultProvider : (form.enabledProviders[0] ?? 'webchat'),
    telegram: { botToken: orNull(form.telegram.botToken), webhookSecret: orNull(form.telegram.webhookSecret) },
    whatsapp: {
      phoneNumberId: orNull(form.whatsapp.phoneNumberId),
      accessToken: orNull(form.whatsapp.accessToken),
      appSecret: orNull(form.whatsapp.appSecret),
      verifyToken: orNull(form.whatsapp.verifyToken),
    },
    burstWindowSeconds: form.burstWindowSeconds,
    takeoverIdleMinutes: form.takeoverIdleMinutes,
  };
}

const webhookUrl = (provider: 'telegram' | 'whatsapp', slug: string) => `${window.location.origin}/webhooks/${provider}/${encodeURIComponent(slug)}`;

function ChannelsForm({ config, slug }: { config: ChatConfig; slug: string | undefined }) {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const initial = toForm(config);
  const [form, setForm] = useState(initial);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const save = useMutation({
    mutationFn: (body: ChatConfigRequest) => settingsApi.saveChat(brokerId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.chat(brokerId), saved);
      notify(t('channels.saved'));
    },
  });
  const enabled = (provider: ChatProvider) => form.enabledProviders.includes(provider);
  const toggle = (provider: ChatProvider, on: boolean) =>
    setForm((current) => ({
      ...current,
      enabledProviders: on ? CHAT_PROVIDERS.filter((p) => p === provider || current.enabledProviders.includes(p)) : current.enabledProviders.filter((p) => p !== provider),
    }));
  const setTelegram = (key: keyof Telegram, value: string) => setForm((current) => ({ ...current, telegram: { ...current.telegram, [key]: value } }));
  const setWhatsapp = (key: keyof Whatsapp, value: string) => setForm((current) => ({ ...current, whatsapp: { ...current.whatsapp, [key]: value } }));
  const noneEnabled = form.enabledProviders.length === 0;

  return (
    <form
      className="settings-stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (!noneEnabled) save.mutate(toChatRequest(form));
      }}
    >
      <Panel title={t('channels.title')} description={t('channels.description')}>
        <fieldset className="checkbox-group">
          <legend>{t('channels.enabled')}</legend>
          {CHAT_PROVIDERS.map((provider) => (
            <Checkbox key={provider} label={t(`channels.provider.${provider}`)} checked={enabled(provider)} onChange={(on) => toggle(provider, on)} hint={t(`channels.providerHint.${provider}`)} />
          ))}
        </fieldset>
        {noneEnabled && (
          <p className="form-error" role="alert">
            {t('channels.noneEnabled')}
          </p>
        )}
        <div className="form-row form-row--3">
          <SelectField
            label={t('channels.defaultProvider')}
            value={form.defaultProvider}
            options={(form.enabledProviders.length ? form.enabledProviders : CHAT_PROVIDERS).map((provider) => ({ value: provider, label: t(`channels.provider.${provider}`) }))}
            onChange={(value) => setForm((current) => ({ ...current, defaultProvider: value }))}
            hint={t('channels.defaultProviderHint')}
          />
          <TextField
            label={t('channels.burstWindow')}
            type="number"
            min={0}
            max={60}
            value={String(form.burstWindowSeconds)}
            onChange={(value) => setForm((current) => ({ ...current, burstWindowSeconds: Math.min(60, Math.max(0, Number.parseInt(value, 10) || 0)) }))}
            hint={t('channels.burstWindowHint')}
          />
          <TextField
            label={t('channels.takeoverIdle')}
            type="number"
            min={1}
            value={String(form.takeoverIdleMinutes)}
            onChange={(value) => setForm((current) => ({ ...current, takeoverIdleMinutes: Math.max(1, Number.parseInt(value, 10) || 1) }))}
            hint={t('channels.takeoverIdleHint')}
          />
        </div>
      </Panel>

      <Panel title={t('channels.telegram.title')} description={t('channels.telegram.description')} actions={<ChannelBadge channel="telegram" />}>
        {!enabled('telegram') && <Hint>{t('channels.disabledHint')}</Hint>}
        <div className="form-row">
          <SecretField label={t('channels.telegram.botToken')} value={form.telegram.botToken} stored={config.telegram.botToken} onChange={(value) => setTelegram('botToken', value)} hint={t('channels.telegram.botTokenHint')} />
          <SecretField label={t('channels.telegram.webhookSecret')} value={form.telegram.webhookSecret} stored={config.telegram.webhookSecret} onChange={(value) => setTelegram('webhookSecret', value)} hint={t('channels.telegram.webhookSecretHint')} />
        </div>
        {slug && (
          <>
            <CopyField label={t('channels.webhookUrl')} value={webhookUrl('telegram', slug)} hint={t('channels.telegram.webhookHint')} />
            <CopyField
              label={t('channels.telegram.command')}
              value={`curl -s "https://api.telegram.org/bot<TOKEN>/setWebhook" -d "url=${webhookUrl('telegram', slug)}" -d "secret_token=<SECRETO>"`}
              hint={t('channels.telegram.commandHint')}
            />
          </>
        )}
      </Panel>

      <Panel title={t('channels.whatsapp.title')} description={t('channels.whatsapp.description')} actions={<ChannelBadge channel="whatsapp" />}>
        {!enabled('whatsapp') && <Hint>{t('channels.disabledHint')}</Hint>}
        <div className="form-row">
          <TextField label={t('channels.whatsapp.phoneNumberId')} value={form.whatsapp.phoneNumberId} onChange={(value) => setWhatsapp('phoneNumberId', value)} hint={t('channels.whatsapp.phoneNumberIdHint')} autoComplete="off" />
          <SecretField label={t('channels.whatsapp.accessToken')} value={form.whatsapp.accessToken} stored={config.whatsapp.accessToken} onChange={(value) => setWhatsapp('accessToken', value)} />
        </div>
        <div className="form-row">
          <SecretField label={t('channels.whatsapp.appSecret')} value={form.whatsapp.appSecret} stored={config.whatsapp.appSecret} onChange={(value) => setWhatsapp('appSecret', value)} hint={t('channels.whatsapp.appSecretHint')} />
          <SecretField label={t('channels.whatsapp.verifyToken')} value={form.whatsapp.verifyToken} stored={config.whatsapp.verifyToken} onChange={(value) => setWhatsapp('verifyToken', value)} hint={t('channels.whatsapp.verifyTokenHint')} />
        </div>
        {slug && <CopyField label={t('channels.webhookUrl')} value={webhookUrl('whatsapp', slug)} hint={t('channels.whatsapp.webhookHint')} />}
      </Panel>

      <Panel title={t('channels.test.title')}>
        <Hint>{t('channels.test.text')}</Hint>
        <div className="form-row">
          <ConnectionTest provider="telegram" disabled={dirty || !enabled('telegram')} />
          <ConnectionTest provider="whatsapp" disabled={dirty || !enabled('whatsapp')} />
        </div>
      </Panel>

      <div className={`card settings-footer${dirty ? ' settings-footer--dirty' : ''}`}>
        <SaveError error={save.error} />
        <SaveBar dirty={dirty} saving={save.isPending} updatedAt={config.updatedAt} onReset={() => setForm(initial)} />
      </div>
    </form>
  );
}

function ChannelsSettings() {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const chat = useQuery({ queryKey: settingsKeys.chat(brokerId), queryFn: ({ signal }) => settingsApi.chat(brokerId, signal) });
  const broker = useQuery({ queryKey: settingsKeys.broker(brokerId), queryFn: ({ signal }) => settingsApi.broker(brokerId, signal) });
  if (chat.isPending) return <Skeleton lines={10} label={t('channels.loading')} />;
  if (chat.isError) return <ErrorState error={chat.error} onRetry={() => void chat.refetch()} retrying={chat.isFetching} />;
  return <ChannelsForm key={chat.data.updatedAt ?? 'initial'} config={chat.data} slug={broker.data?.slug} />;
}

/** `/settings/channels`: chat channels, their credentials (write-only) and webhook addresses. */
export default function ChannelsSettingsPage() {
  return (
    <SectionGate id="channels">
      <ChannelsSettings />
    </SectionGate>
  );
}
