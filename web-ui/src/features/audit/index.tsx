import { ScrollText } from 'lucide-react';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { auditMessages } from './messages';

const AuditPage = lazy(() => import('./AuditPage'));

export const auditFeature = defineFeature({
  id: 'audit',
  messages: auditMessages,
  nav: { to: '/audit', icon: ScrollText },
  roles: ['SUPERADMIN', 'ADMIN'],
  routes: [{ path: 'audit', element: <AuditPage /> }],
});
