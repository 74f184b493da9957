import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../../api/client';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, type ChatTestResult } from '../api';

type Testable = 'telegram' | 'whatsapp';

/** Asks the provider whether the saved credentials work (and, for Telegram, where its webhook points). */
export function ConnectionTest({ provider, disabled }: { provider: Testable; disabled: boolean }) {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const test = useMutation<ChatTestResult>({ mutationFn: () => settingsApi.testChat(brokerId, provider) });
  const result = test.data;
  return (
    <div className="connection-test">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => test.mutate()}
        disabled={disabled || test.isPending}
        aria-busy={test.isPending}
      >
        {test.isPending ? t('channels.test.running') : t('channels.test.run', { provider: t(`channels.test.providers.${provider}`) })}
      </button>
      <div aria-live="polite">
        {test.isError && (
          <p className="field-error" role="alert">
            {userMessage(test.error)}
          </p>
        )}
        {result &&
          (result.ok ? (
            <p className="status-row status-row--ok" data-testid={`chat-test-${provider}`}>
              <span className="status-dot" aria-hidden="true" />
              <span>{t('channels.test.ok')}</span>
            </p>
          ) : (
            <p className="status-row status-row--bad" role="alert" data-testid={`chat-test-${provider}`}>
              <span className="status-dot" aria-hidden="true" />
              <span>{result.problem?.message ?? t('channels.test.failed')}</span>
            </p>
          ))}
      </div>
    </div>
  );
}
