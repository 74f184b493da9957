import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, Ban, Hourglass, Mail, MessagesSquare, Phone, SearchX } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import type { Lead } from '../../api/types';
import { ChannelBadge, EmptyState, ErrorState, PageHeader, Skeleton, StageBadge, StatusBadge } from '../../components/ui';
import { useFormat } from '../../i18n/format';
import { useLiveEvent } from '../../live/events';
import { useActiveBrokerId } from '../../stores/broker';
import { addNote, fetchActivity, fetchConversation, fetchLead, leadKeys } from './api';
import { FactsCard } from './detail/FactsCard';
import { AssignmentCard, NotesCard, ScoreCard, StageCard } from './detail/SideCards';
import { Timeline } from './detail/Timeline';
import { useLeadUpdate } from './detail/useLeadUpdate';
import { leadLabel } from './LeadsTable';
import { useAssigneeName, useStaff } from './useStaff';
import './leads.css';

/** Events about one lead come in small bursts (a message, its score, its stage): refetch once. */
export const DETAIL_LIVE_MS = 400;

function BackLink() {
  const { t } = useTranslation('leads');
  return (
    <Link to="/leads" className="lead-back">
      <ArrowLeft aria-hidden="true" />
      {t('leadDetailPage.back')}
    </Link>
  );
}

/** `hasConversation`: the lead ever chatted (else the inbox would only say it found nothing). */
function LeadHeader({ lead, hasConversation }: { lead: Lead; hasConversation: boolean }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const channels = [...new Set(lead.identities.map((identity) => identity.channel))];
  return (
    <>
      <PageHeader
        title={leadLabel(lead, t('leadDetailPage.unnamed'))}
        description={
          <span className="lead-header__meta">
            <span>{t('leadDetailPage.created', { when: format.relative(lead.createdAt) })}</span>
            {lead.lastContactedAt && <span>{t('leadDetailPage.lastContact', { when: format.relative(lead.lastContactedAt) })}</span>}
          </span>
        }
        actions={
          hasConversation && (
            <Link to={`/conversations?lead=${encodeURIComponent(lead.id)}`} className="button button--secondary">
              <MessagesSquare className="button__icon" aria-hidden="true" />
              {t('leadDetailPage.conversation')}
            </Link>
          )
        }
      />
      <div className="card lead-header">
        <div className="lead-header__score" title={t('leadDetailPage.score')}>
          <span className="visually-hidden">{t('leadDetailPage.score')}: </span>
          {format.number(lead.score)}
        </div>
        <div className="lead-header__badges">
          <StatusBadge status={lead.status} />
          <StageBadge stage={lead.stage} />
          {channels.length > 0 && (
            <span className="lead-header__channels" aria-label={t('leadDetailPage.identities')}>
              {channels.map((channel) => (
                <ChannelBadge key={channel} channel={channel} />
              ))}
            </span>
          )}
        </div>
        <div className="lead-header__contact">
          {lead.phone && (
            <a href={`tel:${lead.phone}`} className="lead-header__link">
              <Phone aria-hidden="true" />
              {lead.phone}
            </a>
          )}
          {lead.email && (
            <a href={`mailto:${lead.email}`} className="lead-header__link">
              <Mail aria-hidden="true" />
              {lead.email}
            </a>
          )}
        </div>
      </div>
      {lead.optedOutAt && (
        <p className="notice lead-warning" role="note">
          <Ban className="notice__icon" aria-hidden="true" />
          {t('leadDetailPage.optedOut', { when: format.date(lead.optedOutAt) })}
        </p>
      )}
      {lead.staleSince && (
        <p className="notice lead-warning lead-warning--stale" role="note">
          <Hourglass className="notice__icon" aria-hidden="true" />
          {t('leadDetailPage.staleSince', { when: format.date(lead.staleSince) })}
        </p>
      )}
    </>
  );
}

/** `/leads/:id`: everything about one lead, editable where the API allows, updated live. */
export default function LeadDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('leads');
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const staff = useStaff();
  const userName = useAssigneeName(staff.users);
  const update = useLeadUpdate(id);
  const [deleted, setDeleted] = useState(false);

  const lead = useQuery({ queryKey: leadKeys.lead(brokerId, id), queryFn: ({ signal }) => fetchLead(id, signal) });
  const activity = useQuery({
    queryKey: leadKeys.activity(brokerId, id),
    queryFn: ({ signal }) => fetchActivity(id, signal),
    enabled: lead.isSuccess,
  });
  const conversation = useQuery({
    queryKey: leadKeys.conversation(brokerId, id),
    queryFn: ({ signal }) => fetchConversation(id, signal),
    enabled: lead.isSuccess,
  });

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveEvent(['lead', 'message', 'conversation', 'resync'], (event) => {
    if (event.kind !== 'resync' && event.data.leadId !== id) return;
    if (event.kind === 'lead' && event.data.deleted === 'true') setDeleted(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (event.kind === 'lead' || event.kind === 'resync') void queryClient.invalidateQueries({ queryKey: leadKeys.lead(brokerId, id) });
      void queryClient.invalidateQueries({ queryKey: leadKeys.activity(brokerId, id) });
      if (event.kind !== 'lead') void queryClient.invalidateQueries({ queryKey: leadKeys.conversation(brokerId, id) });
    }, DETAIL_LIVE_MS);
  });

  if (lead.isPending) {
    return (
      <>
        <BackLink />
        <PageHeader title={t('leadDetailPage.title')} />
        <div className="lead-layout">
          <div className="card">
            <Skeleton lines={8} />
          </div>
          <div className="card">
            <Skeleton lines={5} />
          </div>
        </div>
      </>
    );
  }

  if (lead.isError) {
    const missing = lead.error instanceof ApiError && lead.error.status === 404;
    return (
      <>
        <BackLink />
        <PageHeader title={t('leadDetailPage.title')} />
        <section className="card">
          {missing ? (
            <EmptyState
              icon={SearchX}
              title={t('leadDetailPage.notFoundTitle')}
              action={
                <Link className="button" to="/leads">
                  {t('leadDetailPage.back')}
                </Link>
              }
            >
              {t('leadDetailPage.notFoundText')}
            </EmptyState>
          ) : (
            <ErrorState error={lead.error} onRetry={() => void lead.refetch()} retrying={lead.isFetching} />
          )}
        </section>
      </>
    );
  }

  const data = lead.data;
  const save = (patch: Parameters<typeof update.mutateAsync>[0]) => update.mutateAsync(patch);
  const editable = !deleted;

  return (
    <>
      <BackLink />
      {deleted && (
        <p className="form-error lead-deleted" role="alert">
          {t('leadDetailPage.deleted')}
        </p>
      )}
      <LeadHeader lead={data} hasConversation={(conversation.data?.conversations.length ?? 0) > 0} />
      <div className="lead-layout">
        <div className="lead-layout__main">
          <FactsCard lead={data} editable={editable} save={save} />
          <Timeline
            entries={activity.data}
            loading={activity.isPending && activity.fetchStatus !== 'idle'}
            error={activity.error}
            onRetry={() => void activity.refetch()}
            messages={conversation.data?.messages ?? []}
            messagesFailed={conversation.isError}
            userName={userName}
            onAddNote={
              editable
                ? async (text: string) => {
                    await addNote(id, text);
                    await queryClient.invalidateQueries({ queryKey: leadKeys.activity(brokerId, id) });
                  }
                : undefined
            }
          />
        </div>
        <aside className="lead-layout__side">
          <ScoreCard lead={data} />
          <StageCard lead={data} activity={activity.data} />
          <AssignmentCard lead={data} manager={staff.manager && editable} assignable={staff.assignable} userName={userName} />
          <NotesCard lead={data} editable={editable} save={save} />
        </aside>
      </div>
      <p className="muted leads-page__live">{t('leadDetailPage.live')}</p>
    </>
  );
}
