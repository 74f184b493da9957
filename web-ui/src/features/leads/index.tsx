import { Users } from 'lucide-react';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { leadsMessages } from './messages';

const LeadsPage = lazy(() => import('./LeadsPage'));
const LeadDetailPage = lazy(() => import('./LeadDetailPage'));

export const leadsFeature = defineFeature({
  id: 'leads',
  messages: leadsMessages,
  nav: { to: '/leads', icon: Users },
  routes: [
    { path: 'leads', element: <LeadsPage /> },
    { path: 'leads/:id', element: <LeadDetailPage /> },
  ],
});
