import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, Skeleton } from '../../../components/ui';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, settingsKeys } from '../api';
import { SectionGate } from '../SettingsLayout';
import { LlmConfigForm } from './LlmConfigForm';
import { ProviderHealth } from './ProviderHealth';
import { UsagePanel } from './UsagePanel';

function AiSettings() {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const config = useQuery({ queryKey: settingsKeys.llm(brokerId), queryFn: ({ signal }) => settingsApi.llm(brokerId, signal) });
  return (
    <div className="settings-stack">
      <UsagePanel />
      <ProviderHealth />
      {config.isPending ? (
        <Skeleton lines={8} label={t('ai.loading')} />
      ) : config.isError ? (
        <ErrorState error={config.error} onRetry={() => void config.refetch()} retrying={config.isFetching} />
      ) : (
        <LlmConfigForm key={config.data.updatedAt ?? 'initial'} config={config.data} />
      )}
    </div>
  );
}

/** `/settings/ai`: which AI answers, its keys and monthly budget, and what it costs. */
export default function AiSettingsPage() {
  return (
    <SectionGate id="ai">
      <AiSettings />
    </SectionGate>
  );
}
