import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Query } from '../../api/client';
import { Download, Plus, Upload, Users } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../api/client';
import { EmptyState, ErrorState, notify, PageHeader, Skeleton, Spinner } from '../../components/ui';
import { useDebouncedLiveEvent } from '../../live/events';
import { useAuthStore } from '../../stores/auth';
import { useActiveBrokerId } from '../../stores/broker';
import { downloadExport, fetchLeads, leadKeys } from './api';
import { BulkAssignBar } from './BulkAssignBar';
import { CreateLeadDialog } from './CreateLeadDialog';
import { activeFilterCount, toApiQuery, useLeadFilters } from './filters';
import { ImportDialog } from './ImportDialog';
import { LeadFiltersBar } from './LeadFiltersBar';
import { LeadsTable } from './LeadsTable';
import { useLeadSelection } from './selection';
import { useAssigneeName, useStaff } from './useStaff';
import './leads.css';

/** Lead events come in bursts (imports, rescoring): refetch once they settle. */
export const LIVE_REFETCH_MS = 1_500;

function PageActions({ manager, query, onCreate, onImport }: { manager: boolean; query: Query; onCreate: () => void; onImport: () => void }) {
  const { t } = useTranslation('leads');
  const exporting = useMutation({
    mutationFn: () => downloadExport(query),
    onSuccess: (file) => notify(t('leadsPage.exported', { file })),
    onError: (error) => notify(userMessage(error), 'error'),
  });
  return (
    <>
      {manager && (
        <>
          <button type="button" className="button button--secondary" onClick={onImport}>
            <Upload className="button__icon" aria-hidden="true" />
            {t('leadsPage.import')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => exporting.mutate()}
            disabled={exporting.isPending}
            aria-busy={exporting.isPending}
            title={t('leadsPage.exportHint')}
          >
            <Download className="button__icon" aria-hidden="true" />
            {exporting.isPending ? t('leadsPage.exporting') : t('leadsPage.export')}
          </button>
        </>
      )}
      <button type="button" className="button" onClick={onCreate}>
        <Plus className="button__icon" aria-hidden="true" />
        {t('leadsPage.create')}
      </button>
    </>
  );
}

/** `/leads`: the lead book as a filterable, searchable table, with bulk assignment, import and export. */
export default function LeadsPage() {
  const { t } = useTranslation('leads');
  const brokerId = useActiveBrokerId();
  const userId = useAuthStore((state) => state.user?.id);
  const queryClient = useQueryClient();
  const { filters, update, reset } = useLeadFilters();
  const staff = useStaff();
  const assigneeName = useAssigneeName(staff.users);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);

  const query = useMemo(() => toApiQuery(filters, { userId }), [filters, userId]);
  const leads = useInfiniteQuery({
    queryKey: leadKeys.list(brokerId, query),
    queryFn: ({ pageParam, signal }) => fetchLeads(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });

  useDebouncedLiveEvent(['lead', 'resync'], () => void queryClient.invalidateQueries({ queryKey: leadKeys.lists(brokerId) }), LIVE_REFETCH_MS);

  // picked rows belong to the list they were picked in
  const clearSelection = useLeadSelection((state) => state.clear);
  const retain = useLeadSelection((state) => state.retain);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    clearSelection();
  }, [queryKey, brokerId, clearSelection]);
  useEffect(() => () => clearSelection(), [clearSelection]);
  const rows = useMemo(() => leads.data?.pages.flatMap((page) => page.items) ?? [], [leads.data]);
  useEffect(() => {
    if (leads.data) retain(rows.map((lead) => lead.id));
  }, [rows, leads.data, retain]);

  const filtered = activeFilterCount(filters) > 0 || Boolean(filters.q);
  const selectable = rows.length > 0;

  return (
    <>
      <PageHeader
        title={t('leadsPage.title')}
        description={staff.manager ? t('leadsPage.description') : t('leadsPage.descriptionAgent')}
        actions={<PageActions manager={staff.manager} query={query} onCreate={() => setDialog('create')} onImport={() => setDialog('import')} />}
      />
      <div className="leads-page">
        <LeadFiltersBar filters={filters} onChange={update} onReset={reset} users={staff.manager ? staff.assignable : []} />
        <BulkAssignBar manager={staff.manager} assignable={staff.assignable} />

        <section className="card leads-page__list" aria-busy={leads.isFetching}>
          {leads.isPending ? (
            <Skeleton lines={8} />
          ) : leads.isError && rows.length === 0 ? (
            <ErrorState error={leads.error} onRetry={() => void leads.refetch()} retrying={leads.isFetching} />
          ) : rows.length === 0 ? (
            filtered ? (
              <EmptyState
                icon={Users}
                title={t('table.noMatchTitle')}
                action={
                  <button type="button" className="button button--secondary" onClick={reset}>
                    {t('filters.clear')}
                  </button>
                }
              >
                {t('table.noMatchText')}
              </EmptyState>
            ) : (
              <EmptyState
                icon={Users}
                title={t('table.emptyTitle')}
                action={
                  <button type="button" className="button" onClick={() => setDialog('create')}>
                    {t('leadsPage.create')}
                  </button>
                }
              >
                {staff.manager ? t('table.emptyText') : t('table.emptyAgent')}
              </EmptyState>
            )
          ) : (
            <>
              <LeadsTable leads={rows} sort={filters.sort} onSort={(sort) => update({ sort })} selectable={selectable} assigneeName={assigneeName} />
              <footer className="leads-page__footer">
                <p className="muted" aria-live="polite">
                  {t('table.shown', { count: rows.length })}
                  {leads.hasNextPage && ` · ${t('table.more')}`}
                </p>
                {leads.isFetching && !leads.isFetchingNextPage && <Spinner compact label={t('table.refreshing')} />}
                {leads.isFetchNextPageError && <p className="leads-field__error">{userMessage(leads.error)}</p>}
                {leads.hasNextPage && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void leads.fetchNextPage()}
                    disabled={leads.isFetchingNextPage}
                    aria-busy={leads.isFetchingNextPage}
                  >
                    {leads.isFetchingNextPage ? t('table.loadingMore') : t('table.loadMore')}
                  </button>
                )}
              </footer>
            </>
          )}
        </section>
        <p className="muted leads-page__live">{t('leadsPage.live')}</p>
      </div>

      <CreateLeadDialog open={dialog === 'create'} onClose={() => setDialog(null)} manager={staff.manager} assignable={staff.assignable} />
      {staff.manager && <ImportDialog open={dialog === 'import'} onClose={() => setDialog(null)} />}
    </>
  );
}
