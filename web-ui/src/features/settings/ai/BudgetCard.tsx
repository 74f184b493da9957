import { CircleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { Budget } from '../api';
import { usd } from './usd';

/** This calendar month's AI cost against the monthly budget. */
export function BudgetCard({ budget }: { budget: Budget }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const month = format.date(`${budget.month}-01T12:00:00`, { month: 'long', year: 'numeric' });
  const limit = budget.monthlyBudgetUsd;
  const ratio = limit ? Math.min(1, budget.spentUsd / limit) : 0;
  const tone = budget.reached ? 'reached' : ratio >= 0.8 ? 'near' : 'ok';
  return (
    <div className={`budget budget--${tone}`} data-testid="budget">
      <p className="budget__month">{t('ai.budget.month', { month })}</p>
      {limit ? (
        <>
          <p className="budget__figures">
            <strong>{usd(format, budget.spentUsd)}</strong> {t('ai.budget.of', { budget: usd(format, limit) })}
          </p>
          <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(ratio * 100)} aria-label={t('ai.budget.meterLabel')} aria-valuetext={format.percent(ratio)}>
            <span className="meter__fill" style={{ width: `${ratio * 100}%` }} />
          </div>
          <p className="muted budget__percent">{t('ai.budget.used', { percent: format.percent(ratio) })}</p>
        </>
      ) : (
        <p className="budget__figures">
          <strong>{usd(format, budget.spentUsd)}</strong> {t('ai.budget.noLimit')}
        </p>
      )}
      {budget.reached && (
        <p className="budget__reached" role="alert">
          <CircleAlert className="notice__icon" aria-hidden="true" />
          <span>
            {t('ai.budget.reached')}
            {budget.reachedAt ? ` (${format.dateTime(budget.reachedAt)})` : ''}
          </span>
        </p>
      )}
    </div>
  );
}
