import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { UsageDay } from '../api';
import { usd } from './usd';

const WIDTH = 640;
const HEIGHT = 160;
const GAP = 2;

/** Estimated cost per day as bars, with the same figures as a table for screen readers. */
export function CostChart({ days }: { days: UsageDay[] }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const max = Math.max(...days.map((day) => day.costUsd ?? 0), 0);
  const barWidth = days.length ? WIDTH / days.length : WIDTH;
  const first = days[0];
  const last = days[days.length - 1];
  const label = first && last ? t('ai.usage.chartLabel', { from: format.date(`${first.day}T12:00:00`), to: format.date(`${last.day}T12:00:00`), max: usd(format, max) }) : '';
  return (
    <div className="cost-chart">
      <svg className="cost-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label}>
        {days.map((day, index) => {
          const cost = day.costUsd ?? 0;
          const height = max > 0 ? Math.max(cost > 0 ? 2 : 0, (cost / max) * (HEIGHT - 4)) : 0;
          return (
            <rect key={day.day} className={day.failed > 0 ? 'cost-chart__bar cost-chart__bar--failed' : 'cost-chart__bar'} x={index * barWidth + GAP / 2} y={HEIGHT - height} width={Math.max(1, barWidth - GAP)} height={height}>
              <title>{`${format.date(`${day.day}T12:00:00`)}: ${usd(format, cost)} · ${t('ai.usage.callsCount', { count: day.calls, formatted: format.number(day.calls) })}`}</title>
            </rect>
          );
        })}
      </svg>
      {first && last && (
        <div className="cost-chart__axis muted" aria-hidden="true">
          <span>{format.date(`${first.day}T12:00:00`, { day: 'numeric', month: 'short' })}</span>
          <span>{t('ai.usage.max', { max: usd(format, max) })}</span>
          <span>{format.date(`${last.day}T12:00:00`, { day: 'numeric', month: 'short' })}</span>
        </div>
      )}
      <div className="visually-hidden">
        <table>
          <caption>{t('ai.usage.perDay')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ai.usage.day')}</th>
              <th scope="col">{t('ai.usage.calls')}</th>
              <th scope="col">{t('ai.usage.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{format.date(`${day.day}T12:00:00`)}</th>
                <td>{format.number(day.calls)}</td>
                <td>{day.costUsd !== undefined ? usd(format, day.costUsd) : t('ai.usage.noPrice')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
