import { defineMessages } from '../../i18n/types';

/** Messages of the notifications feature: `useTranslation('notifications')`. */
export const notificationsMessages = defineMessages({
  es: {
    nav: 'Notificaciones',
    notificationsPage: { title: 'Notificaciones' },
  },
  en: {
    nav: 'Notifications',
    notificationsPage: { title: 'Notifications' },
  },
});

declare module 'i18next' {
  interface ResourceNamespaceMap {
    notifications: typeof notificationsMessages.es;
  }
}
