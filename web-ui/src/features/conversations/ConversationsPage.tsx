import { MessagesSquare } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, PageHeader, Skeleton } from '../../components/ui';
import { LIVE_KINDS, useLiveEvent } from '../../live/events';
import { useAuthStore } from '../../stores/auth';
import { useActiveBrokerId } from '../../stores/broker';
import { InboxList } from './InboxList';
import { lastMessage, sortedThreads, useInboxStore } from './inboxStore';
import { ThreadView } from './ThreadView';
import './conversations.css';

/** `/conversations`: the chat inbox, live through the events stream (no polling). */
export default function ConversationsPage() {
  const { t } = useTranslation('conversations');
  const userId = useAuthStore((state) => state.user?.id ?? null);
  const brokerId = useActiveBrokerId();
  const [params] = useSearchParams();
  const selected = params.get('lead');
  const { status, error, threads, missing, lastSeen, load, loadThread, markSeen, handle } = useInboxStore();

  useEffect(() => {
    void load(userId);
  }, [load, userId, brokerId]);
  useEffect(() => () => useInboxStore.getState().reset(), []);

  useLiveEvent(LIVE_KINDS, (event) => handle(event));

  const thread = selected ? threads[selected] : undefined;
  // a link to a lead that is not in the list (older, or another channel page): read it alone
  useEffect(() => {
    if (selected && status === 'ready' && !useInboxStore.getState().threads[selected]) void loadThread(selected);
  }, [selected, status, loadThread]);

  // what is on screen counts as read, including messages arriving while it is open
  const newest = thread ? lastMessage(thread)?.createdAt : undefined;
  useEffect(() => {
    if (selected && newest) markSeen(selected);
  }, [selected, newest, markSeen]);

  const list = useMemo(() => sortedThreads(threads), [threads]);

  return (
    <>
      <PageHeader title={t('conversationsPage.title')} description={t('conversationsPage.description')} />
      {status === 'error' ? (
        <section className="card">
          <ErrorState error={error} onRetry={() => void load(userId)} />
        </section>
      ) : status !== 'ready' ? (
        <div className="conversations">
          <div className="card">
            <Skeleton lines={8} />
          </div>
          <div className="card">
            <Skeleton lines={6} />
          </div>
        </div>
      ) : (
        <div className="conversations">
          <InboxList threads={list} lastSeen={lastSeen} selected={selected} />
          {selected && missing[selected] && !thread ? (
            <section className="thread card thread--none">
              <EmptyState icon={MessagesSquare} title={t('thread.missingTitle')}>
                {t('thread.missingText')}
              </EmptyState>
            </section>
          ) : selected ? (
            <ThreadView leadId={selected} thread={thread} />
          ) : (
            <section className="thread card thread--none">
              <EmptyState icon={MessagesSquare} title={t('thread.chooseTitle')}>
                {t('thread.chooseText')}
              </EmptyState>
            </section>
          )}
        </div>
      )}
      <p className="muted conversations__note">{t('conversationsPage.unreadNote')}</p>
    </>
  );
}
