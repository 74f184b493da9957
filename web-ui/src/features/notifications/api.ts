import { api } from '../../api/client';

/** Known kinds (`NotificationKind`); others are shown as a generic notice. */
export const NOTIFICATION_KINDS = ['lead_hot', 'lead_score_alert', 'leads_stale', 'conversation_escalated', 'llm_budget_reached'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** `NotificationResponse`; `leadId` and `readAt` absent when null. */
export interface AppNotification {
  id: string;
  kind: NotificationKind | string;
  leadId?: string;
  title: string;
  body: string;
  createdAt: string;
  readAt?: string;
}

/** `NotificationListResponse`: newest first. */
export interface NotificationPage {
  items: AppNotification[];
  nextCursor?: string;
  unreadCount: number;
}

export const PAGE_SIZE = 20;

/** The caller's own inbox: never broker-scoped. */
const own = { brokerScoped: false } as const;

export const notificationsApi = {
  list: (unread: boolean, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<NotificationPage>('/api/v1/notifications', { ...own, query: { unread: unread ? true : undefined, cursor, limit: PAGE_SIZE }, signal }),
  unreadCount: async (signal?: AbortSignal) =>
    (await api.get<NotificationPage>('/api/v1/notifications', { ...own, query: { unread: true, limit: 1 }, signal })).unreadCount,
  markRead: (id: string) => api.post<AppNotification>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, undefined, own),
  markAllRead: () => api.post<{ marked: number }>('/api/v1/notifications/read-all', undefined, own),
};

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (userId: string | undefined, unread: boolean) => ['notifications', userId, 'list', unread] as const,
  unreadCount: (userId: string | undefined) => ['notifications', userId, 'unread-count'] as const,
};
