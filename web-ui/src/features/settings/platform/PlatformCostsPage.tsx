import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import { useBrokerScope } from '../../../stores/broker';
import { settingsApi, settingsKeys } from '../api';
import { periodStart, UsagePeriodSelect } from '../ai/UsagePanel';
import { usd } from '../ai/usd';
import { Panel } from '../components';
import { SectionGate } from '../SettingsLayout';

function PlatformCosts() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const select = useBrokerScope((state) => state.select);
  const [days, setDays] = useState<number>(30);
  const from = periodStart(days);
  const usage = useQuery({
    queryKey: settingsKeys.platformUsage(from),
    queryFn: ({ signal }) => settingsApi.platformUsage({ from }, signal),
    placeholderData: (previous) => previous,
  });
  const data = usage.data;
  return (
    <Panel
      title={t('platform.title')}
      description={t('platform.description')}
      actions={
        <UsagePeriodSelect days={days} onChange={setDays} />
      }
    >
      {usage.isPending ? (
        <Skeleton lines={6} />
      ) : usage.isError && !data ? (
        <ErrorState error={usage.error} onRetry={() => void usage.refetch()} retrying={usage.isFetching} />
      ) : data && data.brokers.length === 0 ? (
        <EmptyState title={t('platform.empty')} />
      ) : data ? (
        <>
          <dl className="kpi-grid usage-figures">
            <div className="kpi">
              <dt className="kpi__label">{t('ai.usage.totalCost')}</dt>
              <dd className="kpi__value">{data.costUsd !== undefined ? usd(format, data.costUsd) : t('ai.usage.noPrice')}</dd>
            </div>
            <div className="kpi">
              <dt className="kpi__label">{t('ai.usage.calls')}</dt>
              <dd className="kpi__value">{format.number(data.calls)}</dd>
              <dd className="kpi__hint muted">{t('ai.usage.failed', { count: data.failed, formatted: format.number(data.failed) })}</dd>
            </div>
            <div className="kpi">
              <dt className="kpi__label">{t('platform.tokens')}</dt>
              <dd className="kpi__value">{format.number(data.tokensIn + data.tokensOut)}</dd>
            </div>
          </dl>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('platform.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('platform.broker')}</th>
                  <th scope="col" className="num">{t('ai.usage.calls')}</th>
                  <th scope="col" className="num">{t('ai.usage.failedShort')}</th>
                  <th scope="col" className="num">{t('ai.usage.tokensIn')}</th>
                  <th scope="col" className="num">{t('ai.usage.tokensOut')}</th>
                  <th scope="col" className="num">{t('ai.usage.cost')}</th>
                </tr>
              </thead>
              <tbody>
                {data.brokers.map((broker) => (
                  <tr key={broker.brokerId}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => select(broker.brokerId)} title={t('platform.open')}>
                        {broker.name}
                      </button>{' '}
                      <span className="muted">{broker.slug}</span>
                    </th>
                    <td className="num">{format.number(broker.calls)}</td>
                    <td className="num">{format.number(broker.failed)}</td>
                    <td className="num">{format.number(broker.tokensIn)}</td>
                    <td className="num">{format.number(broker.tokensOut)}</td>
                    <td className="num">{broker.costUsd !== undefined ? usd(format, broker.costUsd) : t('ai.usage.noPrice')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted field__hint">{t('platform.hint')}</p>
        </>
      ) : null}
    </Panel>
  );
}

/** `/settings/platform-costs` (SUPERADMIN): every brokerage's AI cost. */
export default function PlatformCostsPage() {
  return (
    <SectionGate id="platformCosts">
      <PlatformCosts />
    </SectionGate>
  );
}
