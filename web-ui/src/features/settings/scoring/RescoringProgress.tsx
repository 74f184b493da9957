import { useQuery } from '@tanstack/react-query';
import { CircleCheck, CircleX, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { useFormat } from '../../../i18n/format';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, settingsKeys, type RescoringRun } from '../api';

/** While a run is open, its progress is read again this often. */
export const RESCORING_POLL_MS = 1_000;

const isOpen = (run: RescoringRun | undefined) => run?.status === 'pending' || run?.status === 'running';

/**
 * The background rescoring a saved lead config starts (`GET /api/v1/broker/rescoring`): a bar while
 * it runs, then how many leads changed. Nothing when the brokerage never rescored.
 */
export function RescoringProgress() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const brokerId = useActiveBrokerId();
  const run = useQuery({
    queryKey: settingsKeys.rescoring(brokerId),
    queryFn: async ({ signal }) => {
      try {
        return await settingsApi.rescoring(signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: (query) => (isOpen(query.state.data ?? undefined) ? RESCORING_POLL_MS : false),
  });
  const data = run.data;
  if (!data) return null;
  const percent = data.percent ?? 0;
  const open = isOpen(data);
  return (
    <div className={`rescoring rescoring--${data.status}`} role="status">
      {open ? (
        <>
          <div className="rescoring__line">
            <RefreshCw className="rescoring__icon rescoring__icon--spin" aria-hidden="true" />
            <span>
              {data.status === 'pending'
                ? t('scoring.rescoring.pending')
                : t('scoring.rescoring.running', {
                    processed: format.number(data.processed),
                    total: data.total !== undefined ? format.number(data.total) : '…',
                  })}
            </span>
          </div>
          <progress className="progress" max={100} value={percent} aria-label={t('scoring.rescoring.progressLabel')}>
            {format.percent(percent / 100)}
          </progress>
        </>
      ) : (
        <div className="rescoring__line">
          {data.status === 'failed' ? <CircleX className="rescoring__icon" aria-hidden="true" /> : <CircleCheck className="rescoring__icon" aria-hidden="true" />}
          <span>
            {data.status === 'done'
              ? t('scoring.rescoring.done', {
                  changed: format.number(data.changed),
                  total: format.number(data.total ?? data.processed),
                  when: data.finishedAt ? format.relative(data.finishedAt) : '',
                })
              : data.status === 'failed'
                ? t('scoring.rescoring.failed')
                : t('scoring.rescoring.superseded')}
          </span>
        </div>
      )}
    </div>
  );
}
