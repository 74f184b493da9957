import { LayoutDashboard } from 'lucide-react';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { overviewMessages } from './messages';

const OverviewPage = lazy(() => import('./OverviewPage'));

export const overviewFeature = defineFeature({
  id: 'overview',
  messages: overviewMessages,
  nav: { to: '/', icon: LayoutDashboard, end: true },
  routes: [{ index: true, element: <OverviewPage /> }],
});
