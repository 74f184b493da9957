import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { WeekIntake } from './api';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 20, right: 8, bottom: 28, left: 8 };

/** The week's Monday as a local date (the API sends `2026-11-30`, no time zone). */
const monday = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
};

/**
 * Weekly intake as an SVG column chart. The SVG is a picture (`role="img"` with a summary); the same
 * figures are in a table for screen readers, so no number is only in the drawing.
 */
export function IntakeChart({ weeks }: { weeks: WeekIntake[] }) {
  const { t } = useTranslation('overview');
  const format = useFormat();
  const titleId = useId();
  if (weeks.length === 0) return null;

  const max = Math.max(1, ...weeks.map((week) => week.leads));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / weeks.length;
  const barWidth = Math.max(4, Math.min(40, slot * 0.6));
  const labelEvery = Math.ceil(weeks.length / 8);
  const short = (iso: string) => format.date(monday(iso), { day: 'numeric', month: 'short' });
  const first = weeks[0]!;
  const last = weeks.at(-1)!;

  return (
    <figure className="intake-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="intake-chart__svg">
        <title id={titleId}>{t('intake.chartLabel', { from: short(first.weekStart), to: short(last.weekStart) })}</title>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} className="intake-chart__axis" />
        {weeks.map((week, index) => {
          const height = (week.leads / max) * plotHeight;
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          const y = HEIGHT - PAD.bottom - height;
          return (
            <g key={week.weekStart}>
              <rect x={x} y={y} width={barWidth} height={Math.max(height, week.leads > 0 ? 2 : 0)} rx={3} className="intake-chart__bar">
                <title>{`${short(week.weekStart)}: ${format.number(week.leads)}`}</title>
              </rect>
              {week.leads > 0 && weeks.length <= 16 && (
                <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" className="intake-chart__value">
                  {format.number(week.leads)}
                </text>
              )}
              {index % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" className="intake-chart__label">
                  {short(week.weekStart)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="visually-hidden">
        <table>
          <caption>{t('intake.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intake.week')}</th>
              <th scope="col">{t('intake.leads')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{format.date(monday(week.weekStart))}</th>
                <td>{format.number(week.leads)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
