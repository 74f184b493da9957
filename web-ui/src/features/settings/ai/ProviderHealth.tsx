import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchReadiness } from '../../../api/health';

/**
 * Whether the server's AI providers answer (the `llm` check of /health/ready, ADR 0018): degraded
 * while a provider's circuit breaker is open; the detail names the links, never a key.
 */
export function ProviderHealth() {
  const { t } = useTranslation('settings');
  const readiness = useQuery({
    queryKey: ['health', 'ready'],
    queryFn: ({ signal }) => fetchReadiness(signal),
    refetchInterval: 30_000,
  });
  const llm = readiness.data?.checks.find((check) => check.name === 'llm');
  let tone = 'unknown';
  let text = t('ai.health.unknown');
  if (readiness.isError) {
    tone = 'bad';
    text = t('ai.health.error');
  } else if (llm?.status === 'up') {
    tone = 'ok';
    text = t('ai.health.up');
  } else if (llm) {
    tone = 'warn';
    text = t('ai.health.degraded');
  }
  return (
    <section className="card" aria-labelledby="llm-health-title" aria-busy={readiness.isPending}>
      <div className="card-heading">
        <h2 id="llm-health-title">{t('ai.health.title')}</h2>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => void readiness.refetch()}
          disabled={readiness.isFetching}
        >
          {t('ai.health.refresh')}
        </button>
      </div>
      {!readiness.isPending && (
        <ul className="status-list" aria-live="polite">
          <li className={`status-row status-row--${tone}`}>
            <span className="status-dot" aria-hidden="true" />
            <span>{text}</span>
          </li>
          {llm?.detail && llm.status !== 'up' && (
            <li className="muted" data-testid="llm-health-detail">
              {llm.detail}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
