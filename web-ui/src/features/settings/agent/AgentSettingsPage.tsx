import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, notify, Skeleton } from '../../../components/ui';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, settingsKeys, type PromptConfig, type PromptConfigRequest } from '../api';
import { Checkbox, Panel, ReadOnlyNotice, SaveBar, SaveError, TextArea, TextField } from '../components';
import { SectionGate, useCanEdit } from '../SettingsLayout';
import { PromptPreview } from './PromptPreview';

const MAX_TEXT = 20_000;
const MAX_NAME = 100;

const toRequest = (config: PromptConfig): PromptConfigRequest => ({
  agentName: config.agentName,
  identityPrompt: config.identityPrompt ?? '',
  businessContext: config.businessContext ?? '',
  agentRules: config.agentRules ?? '',
  language: config.language,
  enableAppointmentBooking: config.enableAppointmentBooking,
});

/** Blank texts go as null: the server stores "no extra instructions". */
const cleaned = (form: PromptConfigRequest): PromptConfigRequest => ({
  ...form,
  agentName: form.agentName.trim(),
  language: form.language.trim(),
  identityPrompt: form.identityPrompt?.trim() || undefined,
  businessContext: form.businessContext?.trim() || undefined,
  agentRules: form.agentRules?.trim() || undefined,
});

function PromptForm({ config }: { config: PromptConfig }) {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit('agent');
  const initial = toRequest(config);
  const [form, setForm] = useState(initial);
  const leadConfig = useQuery({ queryKey: settingsKeys.lead(brokerId), queryFn: ({ signal }) => settingsApi.lead(brokerId, signal) });
  const save = useMutation({
    mutationFn: (body: PromptConfigRequest) => settingsApi.savePrompt(brokerId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.prompt(brokerId), saved);
      notify(t('agent.saved'));
    },
  });
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const set = <K extends keyof PromptConfigRequest>(key: K, value: PromptConfigRequest[K]) => setForm((current) => ({ ...current, [key]: value }));
  const readOnly = !canEdit;

  return (
    <div className="settings-grid settings-grid--wide-aside">
      <Panel title={t('agent.title')} description={t('agent.description')}>
        {readOnly && <ReadOnlyNotice />}
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!readOnly) save.mutate(cleaned(form));
          }}
        >
          <div className="form-row">
            <TextField label={t('agent.agentName')} value={form.agentName} onChange={(value) => set('agentName', value)} required maxLength={MAX_NAME} readOnly={readOnly} hint={t('agent.agentNameHint')} />
            <TextField label={t('agent.language')} value={form.language} onChange={(value) => set('language', value)} required readOnly={readOnly} hint={t('agent.languageHint')} />
          </div>
          <TextArea label={t('agent.identity')} value={form.identityPrompt ?? ''} onChange={(value) => set('identityPrompt', value)} maxLength={MAX_TEXT} readOnly={readOnly} hint={t('agent.identityHint')} />
          <TextArea label={t('agent.businessContext')} value={form.businessContext ?? ''} onChange={(value) => set('businessContext', value)} maxLength={MAX_TEXT} readOnly={readOnly} hint={t('agent.businessContextHint')} />
          <TextArea label={t('agent.rules')} value={form.agentRules ?? ''} onChange={(value) => set('agentRules', value)} maxLength={MAX_TEXT} readOnly={readOnly} hint={t('agent.rulesHint')} />
          <Checkbox label={t('agent.booking')} checked={form.enableAppointmentBooking} onChange={(value) => set('enableAppointmentBooking', value)} disabled={readOnly} hint={t('agent.bookingHint')} />
          <SaveError error={save.error} />
          {!readOnly && <SaveBar dirty={dirty} saving={save.isPending} updatedAt={config.updatedAt} onReset={() => setForm(initial)} />}
        </form>
      </Panel>
      <PromptPreview prompt={cleaned(form)} fieldPriority={leadConfig.data?.fieldPriority} />
    </div>
  );
}

function AgentSettings() {
  const brokerId = useActiveBrokerId();
  const { t } = useTranslation('settings');
  const prompt = useQuery({ queryKey: settingsKeys.prompt(brokerId), queryFn: ({ signal }) => settingsApi.prompt(brokerId, signal) });
  if (prompt.isPending) return <Skeleton lines={8} label={t('agent.loading')} />;
  if (prompt.isError) return <ErrorState error={prompt.error} onRetry={() => void prompt.refetch()} retrying={prompt.isFetching} />;
  return <PromptForm key={prompt.data.updatedAt ?? 'initial'} config={prompt.data} />;
}

/** `/settings/agent`: the AI agent's persona and the prompt it is given. */
export default function AgentSettingsPage() {
  return (
    <SectionGate id="agent">
      <AgentSettings />
    </SectionGate>
  );
}
