import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, Spinner, StageBadge, StatusBadge } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, type LeadConfigRequest, type SampleLead } from '../api';
import { useDebouncedValue } from '../useDebouncedValue';

/** Typing waits this long before asking the server again. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The sample lead's score under the settings being edited (`POST /api/v1/leads/score-preview`,
 * nothing saved), asked again once the form settles.
 */
export function ScorePreviewPanel({ sample, settings }: { sample: SampleLead; settings: LeadConfigRequest }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const brokerId = useActiveBrokerId();
  const input = useDebouncedValue(JSON.stringify({ sample, settings }), PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: ['settings', brokerId, 'score-preview', input],
    queryFn: ({ signal }) => {
      const parsed = JSON.parse(input) as { sample: SampleLead; settings: LeadConfigRequest };
      return settingsApi.scorePreview(parsed.sample, parsed.settings, signal);
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = preview.data;
  const busy = preview.isFetching;

  return (
    <div className="score-preview" aria-busy={busy}>
      <div className="score-preview__head">
        <h3>{t('scoring.preview.title')}</h3>
        {busy && <Spinner compact label={t('scoring.preview.updating')} />}
      </div>
      {preview.isError ? (
        <ErrorState error={preview.error} title={t('scoring.preview.error')} onRetry={() => void preview.refetch()} retrying={busy} />
      ) : !data ? (
        <Spinner label={t('scoring.preview.computing')} />
      ) : (
        <div aria-live="polite" aria-atomic="true" className={preview.isPlaceholderData ? 'score-preview__body score-preview__body--stale' : 'score-preview__body'}>
          <div className="score-preview__summary">
            <div className={`score-dial score-dial--${data.status}`} role="img" aria-label={t('scoring.preview.scoreLabel', { score: data.score })}>
              <span className="score-dial__value" data-testid="preview-score">
                {format.number(data.score)}
              </span>
              <span className="score-dial__max" aria-hidden="true">
                /100
              </span>
            </div>
            <dl className="score-preview__facts">
              <div>
                <dt>{t('scoring.preview.status')}</dt>
                <dd>
                  <StatusBadge status={data.status} />
                </dd>
              </div>
              <div>
                <dt>{t('scoring.preview.qualification')}</dt>
                <dd>{data.qualification ? t(`scoring.qualification.${data.qualification as 'QUALIFIED'}`) : t('scoring.qualification.none')}</dd>
              </div>
              <div>
                <dt>{t('scoring.preview.stage')}</dt>
                <dd>
                  <StageBadge stage={data.stage} />
                </dd>
              </div>
            </dl>
          </div>
          <h4 className="score-preview__reasons-title">{t('scoring.preview.reasons')}</h4>
          {data.scoreComponents.length === 0 ? (
            <p className="muted">{t('scoring.preview.noReasons')}</p>
          ) : (
            <ul className="score-reasons">
              {data.scoreComponents.map((component, index) => (
                <li key={`${component.factor}-${index}`} className={component.points > 0 ? 'score-reasons__item' : 'score-reasons__item score-reasons__item--zero'}>
                  <span className="score-reasons__points">{component.points > 0 ? `+${format.number(component.points)}` : format.number(component.points)}</span>
                  <span>{component.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
