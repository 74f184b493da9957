import { Settings } from 'lucide-react';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { settingsMessages } from './messages';

const SettingsPage = lazy(() => import('./SettingsPage'));

export const settingsFeature = defineFeature({
  id: 'settings',
  messages: settingsMessages,
  nav: { to: '/settings', icon: Settings },
  roles: ['SUPERADMIN', 'ADMIN'],
  routes: [
    { path: 'settings/*', element: <SettingsPage /> },
  ],
});
