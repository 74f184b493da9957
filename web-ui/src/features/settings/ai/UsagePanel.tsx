import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, settingsKeys, type LlmUsage } from '../api';
import { Panel } from '../components';
import { BudgetCard } from './BudgetCard';
import { CostChart } from './CostChart';
import { usd } from './usd';

export const USAGE_PERIODS = [7, 30, 90] as const;

/** `from` for the last `days` days, today included (local date). */
/** The period picker of the cost views: the last 7, 30 or 90 days. */
export function UsagePeriodSelect({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  const { t } = useTranslation('settings');
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('ai.usage.period')}</label>
      <select id={id} className="select select--compact" value={days} onChange={(event) => onChange(Number(event.target.value))}>
        {USAGE_PERIODS.map((value) => (
          <option key={value} value={value}>
            {t('ai.usage.lastDays', { count: value })}
          </option>
        ))}
      </select>
    </div>
  );
}

export function periodStart(days: number, today = new Date()): string {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
}

function Figures({ usage }: { usage: LlmUsage }) {
  const { t } = useTranslation(['settings', 'common']);
  const format = useFormat();
  const cost = usage.costUsd !== undefined ? usd(format, usage.costUsd) : t('ai.usage.noPrice');
  return (
    <dl className="kpi-grid usage-figures">
      <div className="kpi">
        <dt className="kpi__label">{t('ai.usage.totalCost')}</dt>
        <dd className="kpi__value">{cost}</dd>
        <dd className="kpi__hint muted">{t('ai.usage.tokens', { in: format.number(usage.tokensIn), out: format.number(usage.tokensOut) })}</dd>
      </div>
      <div className="kpi">
        <dt className="kpi__label">{t('ai.usage.perQualified')}</dt>
        <dd className="kpi__value">{usage.costPerQualifiedLeadUsd !== undefined ? usd(format, usage.costPerQualifiedLeadUsd) : t('common:format.empty')}</dd>
        <dd className="kpi__hint muted">{t('ai.usage.qualifiedLeads', { count: usage.qualifiedLeads, formatted: format.number(usage.qualifiedLeads) })}</dd>
      </div>
      <div className="kpi">
        <dt className="kpi__label">{t('ai.usage.calls')}</dt>
        <dd className="kpi__value">{format.number(usage.calls)}</dd>
        <dd className="kpi__hint muted">{t('ai.usage.failed', { count: usage.failed, formatted: format.number(usage.failed) })}</dd>
      </div>
    </dl>
  );
}

function ModelTable({ usage }: { usage: LlmUsage }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t('ai.usage.perModel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ai.usage.model')}</th>
            <th scope="col" className="num">{t('ai.usage.calls')}</th>
            <th scope="col" className="num">{t('ai.usage.failedShort')}</th>
            <th scope="col" className="num">{t('ai.usage.tokensIn')}</th>
            <th scope="col" className="num">{t('ai.usage.tokensOut')}</th>
            <th scope="col" className="num">{t('ai.usage.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {usage.models.map((model) => (
            <tr key={`${model.provider}:${model.model}`}>
              <th scope="row">
                <span className="model-name">{model.model}</span> <span className="muted">{t(`ai.providers.${model.provider as 'openai'}`, { defaultValue: model.provider })}</span>
              </th>
              <td className="num">{format.number(model.calls)}</td>
              <td className="num">{format.number(model.failed)}</td>
              <td className="num">{format.number(model.tokensIn)}</td>
              <td className="num">{format.number(model.tokensOut)}</td>
              <td className="num">{model.costUsd !== undefined ? usd(format, model.costUsd) : t('ai.usage.noPrice')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the AI cost: this month against the budget, cost per day and per model, per qualified lead. */
export function UsagePanel() {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const [days, setDays] = useState<number>(30);
  const from = periodStart(days);
  const usage = useQuery({
    queryKey: settingsKeys.usage(brokerId, from),
    queryFn: ({ signal }) => settingsApi.usage({ from }, signal),
    placeholderData: (previous) => previous,
  });
  const data = usage.data;
  return (
    <Panel
      title={t('ai.usage.title')}
      description={t('ai.usage.description')}
      actions={
        <UsagePeriodSelect days={days} onChange={setDays} />
      }
    >
      {usage.isPending ? (
        <Skeleton lines={6} label={t('ai.usage.loading')} />
      ) : usage.isError && !data ? (
        <ErrorState error={usage.error} onRetry={() => void usage.refetch()} retrying={usage.isFetching} />
      ) : data ? (
        <div className="usage">
          <BudgetCard budget={data.budget} />
          <Figures usage={data} />
          <h3 className="settings-subtitle">{t('ai.usage.perDay')}</h3>
          {data.calls === 0 ? <EmptyState title={t('ai.usage.empty')}>{t('ai.usage.emptyHint')}</EmptyState> : <CostChart days={data.days} />}
          {data.models.length > 0 && (
            <>
              <h3 className="settings-subtitle">{t('ai.usage.perModel')}</h3>
              <ModelTable usage={data} />
            </>
          )}
          <p className="muted field__hint">{t('ai.usage.estimate')}</p>
        </div>
      ) : null}
    </Panel>
  );
}
