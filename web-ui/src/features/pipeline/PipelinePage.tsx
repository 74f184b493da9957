import { SquareKanban } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useStaffDirectory } from '../../api/staffDirectory';
import { PIPELINE_STAGES, type Lead, type PipelineStage } from '../../api/types';
import { EmptyState, ErrorState, notify, PageHeader, Skeleton } from '../../components/ui';
import { useDebouncedLiveEvent } from '../../live/events';
import { useAuthStore } from '../../stores/auth';
import { useActiveBrokerId } from '../../stores/broker';
import { hasFilters, type BoardFilters as Filters } from './api';
import { BoardFilters } from './BoardFilters';
import { useBoardStore } from './boardStore';
import { CloseReasonDialog, type CloseChoice } from './CloseReasonDialog';
import type { ClosedStage } from './closeReasons';
import { leadName } from './LeadCard';
import { PipelineBoard } from './PipelineBoard';
import { planMove } from './plan';
import { ReopenDialog } from './ReopenDialog';
import './pipeline.css';

/** Lead events come in bursts (imports, rescoring, a chat turn): refetch once they settle. */
export const LIVE_REFETCH_MS = 1_500;

function useFilters(): [Filters, (filters: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<Filters>(() => ({ assignedTo: params.get('agent') ?? '', q: params.get('q') ?? '' }), [params]);
  const set = useCallback(
    (next: Filters) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          for (const [key, value] of [
            ['agent', next.assignedTo],
            ['q', next.q.trim()],
          ] as const) {
            if (value) updated.set(key, value);
            else updated.delete(key);
          }
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, set];
}

/** `/pipeline`: the leads by stage, moved by drag and drop (pointer or keyboard). */
export default function PipelinePage() {
  const { t } = useTranslation(['pipeline', 'common']);
  const user = useAuthStore((state) => state.user);
  const brokerId = useActiveBrokerId();
  const staff = useStaffDirectory();
  const [filters, setFilters] = useFilters();
  const { status, error, columns, load, refresh, loadMore, move } = useBoardStore();
  const [closing, setClosing] = useState<{ lead: Lead; stage: ClosedStage } | null>(null);
  const [reopening, setReopening] = useState<{ lead: Lead; to: PipelineStage } | null>(null);

  useEffect(() => {
    void load(filters);
  }, [load, filters, brokerId]);

  useEffect(() => () => useBoardStore.getState().reset(), []);

  useDebouncedLiveEvent(['lead', 'resync'], () => void refresh(), LIVE_REFETCH_MS);

  const stage = (value: PipelineStage) => t(`common:stage.${value}`);
  const agentLabel = (lead: Lead) => {
    if (!lead.assignedTo) return t('card.unassigned');
    if (lead.assignedTo === user?.id) return t('card.you');
    return staff.nameOf(lead.assignedTo) ?? t('card.otherAgent');
  };

  const handleDrop = (lead: Lead, to: PipelineStage) => {
    switch (planMove(lead, to, user?.role)) {
      case 'move':
        void move(lead.id, { stage: to, reason: t('board.reasonMove', { from: stage(lead.stage), to: stage(to) }) });
        return;
      case 'close':
        setClosing({ lead, stage: to as ClosedStage });
        return;
      case 'reopen':
        setReopening({ lead, to });
        return;
      case 'reopenDenied':
        notify(t('board.closedLocked'), 'error');
        return;
      case 'closedToClosed':
        notify(t('board.closedToClosed'), 'info');
        return;
      case 'none':
        return;
    }
  };

  const confirmClose = ({ closeReason, detail }: CloseChoice) => {
    if (!closing) return;
    const { lead, stage: to } = closing;
    setClosing(null);
    void move(lead.id, { stage: to, closeReason, reason: detail || t(`close.reasons.${closeReason}`) });
  };

  const confirmReopen = (reason: string) => {
    if (!reopening) return;
    const { lead, to } = reopening;
    setReopening(null);
    void move(lead.id, { stage: to, reason: reason || t('board.reasonReopen', { from: stage(lead.stage), to: stage(to) }) });
  };

  // stable objects: the dialogs start a fresh form when their request changes
  const closeRequest = useMemo(() => (closing ? { name: leadName(closing.lead, t('card.unnamed')), stage: closing.stage } : null), [closing, t]);
  const reopenRequest = useMemo(
    () => (reopening ? { name: leadName(reopening.lead, t('card.unnamed')), from: reopening.lead.stage, to: reopening.to } : null),
    [reopening, t],
  );

  const filtered = hasFilters(filters);
  const total = PIPELINE_STAGES.reduce((sum, key) => sum + columns[key].items.length, 0);

  return (
    <>
      <PageHeader
        title={t('pipelinePage.title')}
        description={t('pipelinePage.description')}
        actions={<BoardFilters filters={filters} user={user} staff={staff.users} onChange={setFilters} />}
      />
      {status === 'error' ? (
        <section className="card">
          <ErrorState error={error} onRetry={() => void load()} />
        </section>
      ) : status !== 'ready' ? (
        <div className="board board--loading">
          {PIPELINE_STAGES.map((key) => (
            <div key={key} className="board-column">
              <Skeleton lines={4} height="3.5rem" />
            </div>
          ))}
        </div>
      ) : (
        <>
          {filtered && <p className="muted board-note">{t('filters.filtered')}</p>}
          {total === 0 && (
            <EmptyState icon={SquareKanban} title={filtered ? t('board.emptyFilteredTitle') : t('board.emptyTitle')}>
              {filtered ? t('board.emptyFilteredText') : t('board.emptyText')}
            </EmptyState>
          )}
          <PipelineBoard
            columns={columns}
            role={user?.role}
            agentLabel={agentLabel}
            onDrop={handleDrop}
            onLoadMore={(key) => void loadMore(key)}
          />
        </>
      )}
      <p className="muted board-note">{t('pipelinePage.live')}</p>
      <CloseReasonDialog
        request={closeRequest}
        onConfirm={confirmClose}
        onCancel={() => setClosing(null)}
      />
      <ReopenDialog
        request={reopenRequest}
        onConfirm={confirmReopen}
        onCancel={() => setReopening(null)}
      />
    </>
  );
}
