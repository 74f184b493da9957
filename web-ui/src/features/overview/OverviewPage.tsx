import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, PageHeader, Skeleton } from '../../components/ui';
import { useFormat } from '../../i18n/format';
import { useDebouncedLiveEvent } from '../../live/events';
import { useActiveBrokerId } from '../../stores/broker';
import { fetchHotLeads, fetchMetrics, HOT_LEADS_LIMIT, overviewKeys } from './api';
import { FunnelChart } from './FunnelChart';
import { HotLeads } from './HotLeads';
import { IntakeChart } from './IntakeChart';
import { summarize } from './summary';

export const PERIODS = [4, 8, 12, 26] as const;
const DEFAULT_WEEKS = 12;
/** Lead events come in bursts (imports, rescoring): refetch once they settle. */
export const LIVE_REFETCH_MS = 1_500;

function usePeriod(): [number, (weeks: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('weeks'));
  const weeks = (PERIODS as readonly number[]).includes(asked) ? asked : DEFAULT_WEEKS;
  const set = (value: number) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === DEFAULT_WEEKS) next.delete('weeks');
        else next.set('weeks', String(value));
        return next;
      },
      { replace: true },
    );
  return [weeks, set];
}

function PeriodSelect({ weeks, onChange }: { weeks: number; onChange: (weeks: number) => void }) {
  const { t } = useTranslation('overview');
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('period.label')}</label>
      <select id={id} className="select" value={weeks} onChange={(event) => onChange(Number(event.target.value))}>
        {PERIODS.map((value) => (
          <option key={value} value={value}>
            {t('period.weeks', { count: value })}
          </option>
        ))}
      </select>
    </div>
  );
}

function Kpi({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="kpi">
      <dt className="kpi__label">{label}</dt>
      <dd className="kpi__value">{value}</dd>
      <dd className="kpi__hint muted">{hint}</dd>
    </div>
  );
}

/** `/`: how the brokerage is doing, updated live as leads change. */
export default function OverviewPage() {
  const { t } = useTranslation(['overview', 'common']);
  const format = useFormat();
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const [weeks, setWeeks] = usePeriod();

  const metrics = useQuery({
    queryKey: overviewKeys.metrics(brokerId, weeks),
    queryFn: ({ signal }) => fetchMetrics(weeks, signal),
    placeholderData: (previous) => previous,
  });
  const hot = useQuery({ queryKey: overviewKeys.hot(brokerId), queryFn: ({ signal }) => fetchHotLeads(signal) });

  useDebouncedLiveEvent(
    ['lead', 'resync'],
    () => void queryClient.invalidateQueries({ queryKey: overviewKeys.all }),
    LIVE_REFETCH_MS,
  );

  const summary = metrics.data ? summarize(metrics.data) : undefined;
  const hotCount = hot.data
    ? hot.data.nextCursor
      ? t('kpi.hotLeadsMore', { count: HOT_LEADS_LIMIT })
      : format.number(hot.data.items.length)
    : format.number(0);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<PeriodSelect weeks={weeks} onChange={setWeeks} />} />

      {metrics.isError && !summary ? (
        <section className="card">
          <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} retrying={metrics.isFetching} />
        </section>
      ) : (
        <div className="overview">
          <section className="overview__kpis" aria-label={t('kpi.label')}>
            {summary ? (
              <dl className="kpi-grid">
                <Kpi
                  label={t('kpi.newLeads')}
                  value={format.number(summary.newLeads)}
                  hint={`${t('kpi.newLeadsHint', { count: weeks })} · ${t('kpi.thisWeek', { formatted: format.number(summary.newThisWeek) })}`}
                />
                <Kpi label={t('kpi.hotLeads')} value={hot.isPending ? '…' : hot.isError ? t('common:format.empty') : hotCount} hint={t('kpi.hotLeadsHint')} />
                <Kpi
                  label={t('kpi.firstResponse')}
                  value={summary.medianFirstResponseSeconds !== undefined ? format.duration(summary.medianFirstResponseSeconds) : t('common:format.empty')}
                  hint={summary.medianFirstResponseSeconds !== undefined ? t('kpi.firstResponseHint') : t('kpi.firstResponseNone')}
                />
                <Kpi
                  label={t('kpi.conversion')}
                  value={summary.conversion !== undefined ? format.percent(summary.conversion, 1) : t('common:format.empty')}
                  hint={
                    summary.conversion !== undefined
                      ? t('kpi.conversionHint', { won: format.number(summary.won), total: format.number(summary.total) })
                      : t('kpi.conversionNone')
                  }
                />
              </dl>
            ) : (
              <div className="kpi-grid">
                {[0, 1, 2, 3].map((index) => (
                  <div key={index} className="kpi">
                    <Skeleton lines={2} />
                  </div>
                ))}
              </div>
            )}
          </section>

          <section className="card overview__funnel" aria-labelledby="overview-funnel">
            <h2 id="overview-funnel">{t('funnel.title')}</h2>
            <p className="muted card__description">{t('funnel.description')}</p>
            {!summary ? (
              <Skeleton lines={6} />
            ) : summary.total === 0 ? (
              <EmptyState title={t('funnel.empty')} />
            ) : (
              <>
                <FunnelChart steps={summary.funnel} />
                {summary.lost > 0 && <p className="muted funnel__lost">{t('funnel.lost', { count: summary.lost, formatted: format.number(summary.lost) })}</p>}
              </>
            )}
          </section>

          <section className="card overview__hot" aria-labelledby="overview-hot">
            <h2 id="overview-hot">{t('hot.title')}</h2>
            <p className="muted card__description">{t('hot.description')}</p>
            {hot.isPending ? (
              <Skeleton lines={5} />
            ) : hot.isError ? (
              <ErrorState error={hot.error} onRetry={() => void hot.refetch()} retrying={hot.isFetching} />
            ) : (
              <HotLeads leads={hot.data.items} />
            )}
          </section>

          <section className="card overview__intake" aria-labelledby="overview-intake">
            <h2 id="overview-intake">{t('intake.title')}</h2>
            <p className="muted card__description">{t('intake.description')}</p>
            {!summary ? (
              <Skeleton lines={5} />
            ) : summary.newLeads === 0 ? (
              <EmptyState title={t('intake.empty')} />
            ) : (
              <IntakeChart weeks={metrics.data?.weeklyIntake ?? []} />
            )}
          </section>
        </div>
      )}
      <p className="muted overview__live">{t('live')}</p>
    </>
  );
}
