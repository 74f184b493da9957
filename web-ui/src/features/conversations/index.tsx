import { MessagesSquare } from 'lucide-react';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { conversationsMessages } from './messages';

const ConversationsPage = lazy(() => import('./ConversationsPage'));

export const conversationsFeature = defineFeature({
  id: 'conversations',
  messages: conversationsMessages,
  nav: { to: '/conversations', icon: MessagesSquare },
  routes: [
    { path: 'conversations', element: <ConversationsPage /> },
  ],
});
