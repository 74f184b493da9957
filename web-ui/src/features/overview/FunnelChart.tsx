import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { FunnelStep } from './summary';

/**
 * The funnel as horizontal bars in a list (no SVG needed): each row says its stage, how many leads
 * reached it and what share of the previous stage carried over, so it reads well without the bars.
 */
export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  const { t } = useTranslation(['overview', 'common']);
  const format = useFormat();
  const max = Math.max(1, ...steps.map((step) => step.reached));
  return (
    <ol className="funnel" aria-label={t('funnel.chartLabel')}>
      {steps.map((step) => (
        <li key={step.stage} className="funnel__row">
          <span className="funnel__stage">{t(`common:stage.${step.stage}`)}</span>
          <span className="funnel__bar-track" aria-hidden="true">
            <span className={`funnel__bar funnel__bar--${step.stage}`} style={{ width: `${(step.reached / max) * 100}%` }} />
          </span>
          <span className="funnel__count">{t('funnel.reached', { count: step.reached, formatted: format.number(step.reached) })}</span>
          <span className="funnel__rate muted">
            {step.rate !== undefined ? t('funnel.ofPrevious', { rate: format.percent(step.rate) }) : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
