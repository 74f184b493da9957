import { useQuery } from '@tanstack/react-query';
import { Bell } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAuthStore } from '../../stores/auth';
import { notificationKeys, notificationsApi } from './api';
import { useLiveNotifications } from './useLiveNotifications';
import './notifications.css';

/** The top bar's bell: how many notifications are unread; opens the inbox. */
export function UnreadBadge() {
  const { t } = useTranslation('notifications');
  const userId = useAuthStore((state) => state.user?.id);
  useLiveNotifications();
  const count = useQuery({
    queryKey: notificationKeys.unreadCount(userId),
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    staleTime: 30_000,
  });
  const unread = count.data ?? 0;
  const label = unread > 0 ? t('badge.unread', { count: unread }) : t('badge.none');
  return (
    <NavLink to="/notifications" className="unread-badge" aria-label={label} title={label}>
      <Bell className="unread-badge__icon" aria-hidden="true" />
      {unread > 0 && (
        <span className="unread-badge__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
