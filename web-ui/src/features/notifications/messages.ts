import { defineMessages } from '../../i18n/types';

/** Messages of the notifications feature: `useTranslation('notifications')`. */
export const notificationsMessages = defineMessages({
  es: {
    nav: 'Notificaciones',
    title: 'Notificaciones',
    description: 'Avisos de leads calientes, conversaciones escaladas y más.',
    summary_zero: 'No tienes notificaciones sin leer.',
    summary_one: 'Tienes {{count}} notificación sin leer.',
    summary_other: 'Tienes {{count}} notificaciones sin leer.',
    loading: 'Cargando notificaciones…',
    filter: {
      label: 'Mostrar',
      all: 'Todas',
      unread: 'No leídas',
    },
    kinds: {
      lead_hot: 'Lead caliente',
      lead_score_alert: 'Alerta de puntaje',
      leads_stale: 'Leads sin movimiento',
      conversation_escalated: 'Conversación escalada',
      llm_budget_reached: 'Presupuesto de IA alcanzado',
      other: 'Aviso',
    },
    unread: 'No leída',
    markRead: 'Marcar como leída',
    markReadLabel: 'Marcar como leída: {{title}}',
    markAll: 'Marcar todas como leídas',
    markedAll_zero: 'No había notificaciones sin leer.',
    markedAll_one: 'Se marcó {{count}} notificación como leída.',
    markedAll_other: 'Se marcaron {{count}} notificaciones como leídas.',
    more: 'Ver más',
    empty: 'Aún no tienes notificaciones.',
    emptyUnread: 'Estás al día: no hay notificaciones sin leer.',
    emptyHint: 'Te avisaremos aquí cuando un lead se ponga caliente o una conversación necesite a una persona.',
    badge: {
      unread_one: 'Notificaciones: {{count}} sin leer',
      unread_other: 'Notificaciones: {{count}} sin leer',
      none: 'Notificaciones: ninguna sin leer',
    },
  },
  en: {
    nav: 'Notifications',
    title: 'Notifications',
    description: 'Alerts about hot leads, escalated conversations and more.',
    summary_zero: 'You have no unread notifications.',
    summary_one: 'You have {{count}} unread notification.',
    summary_other: 'You have {{count}} unread notifications.',
    loading: 'Loading notifications…',
    filter: {
      label: 'Show',
      all: 'All',
      unread: 'Unread',
    },
    kinds: {
      lead_hot: 'Hot lead',
      lead_score_alert: 'Score alert',
      leads_stale: 'Stale leads',
      conversation_escalated: 'Escalated conversation',
      llm_budget_reached: 'AI budget reached',
      other: 'Notice',
    },
    unread: 'Unread',
    markRead: 'Mark as read',
    markReadLabel: 'Mark as read: {{title}}',
    markAll: 'Mark all as read',
    markedAll_zero: 'There were no unread notifications.',
    markedAll_one: '{{count}} notification marked as read.',
    markedAll_other: '{{count}} notifications marked as read.',
    more: 'Show more',
    empty: 'You have no notifications yet.',
    emptyUnread: 'You are all caught up: no unread notifications.',
    emptyHint: 'We will let you know here when a lead turns hot or a conversation needs a person.',
    badge: {
      unread_one: 'Notifications: {{count}} unread',
      unread_other: 'Notifications: {{count}} unread',
      none: 'Notifications: none unread',
    },
  },
});

declare module 'i18next' {
  interface ResourceNamespaceMap {
    notifications: typeof notificationsMessages.es;
  }
}
