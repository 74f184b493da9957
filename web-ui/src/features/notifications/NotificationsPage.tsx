import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { BellOff, CheckCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { userMessage } from '../../api/client';
import { EmptyState, ErrorState, notify, PageHeader, Skeleton, Spinner } from '../../components/ui';
import { useFormat } from '../../i18n/format';
import { useAuthStore } from '../../stores/auth';
import { notificationKeys, notificationsApi, type AppNotification, type NotificationPage } from './api';
import { isKnownKind, kindIcon, notificationTarget } from './kinds';
import { useLiveNotifications } from './useLiveNotifications';
import './notifications.css';

type Pages = InfiniteData<NotificationPage, string | undefined>;

/** Marks `ids` (or all) read in every cached list, so the page answers at once. */
function markCached(data: Pages | undefined, ids: readonly string[] | 'all', unreadOnly: boolean): Pages | undefined {
  if (!data) return data;
  const now = new Date().toISOString();
  const hit = (n: AppNotification) => !n.readAt && (ids === 'all' || ids.includes(n.id));
  const marked = data.pages.reduce((sum, page) => sum + page.items.filter(hit).length, 0);
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      unreadCount: Math.max(0, page.unreadCount - marked),
      items: unreadOnly ? page.items.filter((n) => !hit(n)) : page.items.map((n) => (hit(n) ? { ...n, readAt: now } : n)),
    })),
  };
}

function NotificationItem({ notification, onRead, busy }: { notification: AppNotification; onRead: (id: string) => void; busy: boolean }) {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const Icon = kindIcon(notification.kind);
  const unread = !notification.readAt;
  const target = notificationTarget(notification);
  const kindLabel = isKnownKind(notification.kind) ? t(`kinds.${notification.kind}`) : t('kinds.other');
  return (
    <li className={`notification${unread ? ' notification--unread' : ''} notification--${notification.kind}`}>
      <span className="notification__icon" aria-hidden="true">
        <Icon />
      </span>
      <div className="notification__main">
        <p className="notification__meta">
          <span className="notification__kind">{kindLabel}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={notification.createdAt} title={format.dateTime(notification.createdAt)}>
            {format.relative(notification.createdAt)}
          </time>
          {unread && <span className="notification__unread">{t('unread')}</span>}
        </p>
        <p className="notification__title">
          {target ? (
            <Link to={target} onClick={() => unread && onRead(notification.id)}>
              {notification.title}
            </Link>
          ) : (
            notification.title
          )}
        </p>
        <p className="notification__body muted">{notification.body}</p>
      </div>
      {unread && (
        <button type="button" className="button button--ghost notification__read" onClick={() => onRead(notification.id)} disabled={busy} aria-label={t('markReadLabel', { title: notification.title })}>
          {t('markRead')}
        </button>
      )}
    </li>
  );
}

/** `/notifications`: the signed-in user's alerts, newest first. */
export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const userId = useAuthStore((state) => state.user?.id);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('filter') === 'unread';
  useLiveNotifications();

  const key = notificationKeys.list(userId, unreadOnly);
  const list = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => notificationsApi.list(unreadOnly, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

  const settle = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({
    mutationFn: (id: string) => notificationsApi.markRead(id),
    onMutate: (id) => {
      queryClient.setQueryData<Pages>(key, (data) => markCached(data, [id], unreadOnly));
      queryClient.setQueryData<number>(notificationKeys.unreadCount(userId), (count) => (count ? count - 1 : count));
    },
    onError: (error) => notify(userMessage(error), 'error'),
    onSettled: settle,
  });
  const markAll = useMutation({
    mutationFn: () => notificationsApi.markAllRead(),
    onMutate: () => {
      queryClient.setQueryData<Pages>(key, (data) => markCached(data, 'all', unreadOnly));
      queryClient.setQueryData<number>(notificationKeys.unreadCount(userId), 0);
    },
    onSuccess: (result) => notify(t('markedAll', { count: result.marked })),
    onError: (error) => notify(userMessage(error), 'error'),
    onSettled: settle,
  });

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;
  const setFilter = (unread: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (unread) next.set('filter', 'unread');
        else next.delete('filter');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('title')}
        description={list.data ? t('summary', { count: unreadCount }) : t('description')}
        actions={
          <>
            <div className="segmented" role="group" aria-label={t('filter.label')}>
              <button type="button" className="segmented__option" aria-pressed={!unreadOnly} onClick={() => setFilter(false)}>
                {t('filter.all')}
              </button>
              <button type="button" className="segmented__option" aria-pressed={unreadOnly} onClick={() => setFilter(true)}>
                {t('filter.unread')}
              </button>
            </div>
            <button type="button" className="button button--secondary" onClick={() => markAll.mutate()} disabled={unreadCount === 0 || markAll.isPending}>
              <CheckCheck className="button__icon" aria-hidden="true" />
              {t('markAll')}
            </button>
          </>
        }
      />
      <section className="card" aria-label={unreadOnly ? t('filter.unread') : t('filter.all')}>
        {list.isPending ? (
          <Skeleton lines={6} label={t('loading')} />
        ) : list.isError && items.length === 0 ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : items.length === 0 ? (
          <EmptyState icon={BellOff} title={unreadOnly ? t('emptyUnread') : t('empty')}>
            {t('emptyHint')}
          </EmptyState>
        ) : (
          <>
            <ul className="notification-list">
              {items.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} onRead={(id) => markRead.mutate(id)} busy={markRead.isPending && markRead.variables === notification.id} />
              ))}
            </ul>
            {list.hasNextPage && (
              <div className="notification-list__more">
                <button type="button" className="button button--secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                  {list.isFetchingNextPage ? <Spinner compact /> : null}
                  {t('more')}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}
