import { Bell } from 'lucide-react';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { notificationsMessages } from './messages';

const NotificationsPage = lazy(() => import('./NotificationsPage'));

export const notificationsFeature = defineFeature({
  id: 'notifications',
  messages: notificationsMessages,
  nav: { to: '/notifications', icon: Bell },
  brokerScoped: false,
  routes: [{ path: 'notifications', element: <NotificationsPage /> }],
});
