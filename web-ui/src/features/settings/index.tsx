import { Settings } from 'lucide-react';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { settingsMessages } from './messages';

const SettingsLayout = lazy(() => import('./SettingsLayout'));
const SettingsIndex = lazy(() => import('./SettingsLayout').then((module) => ({ default: module.SettingsIndex })));
const AgentSettingsPage = lazy(() => import('./agent/AgentSettingsPage'));
const ScoringSettingsPage = lazy(() => import('./scoring/ScoringSettingsPage'));
const ChannelsSettingsPage = lazy(() => import('./channels/ChannelsSettingsPage'));
const AiSettingsPage = lazy(() => import('./ai/AiSettingsPage'));
const VoiceSettingsPage = lazy(() => import('./voice/VoiceSettingsPage'));
const BrokerageSettingsPage = lazy(() => import('./brokerage/BrokerageSettingsPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const PlatformCostsPage = lazy(() => import('./platform/PlatformCostsPage'));

/**
 * `/settings/*`. Every role opens it: an AGENT reads the agent persona, scoring and brokerage
 * (read-only); the rest is for ADMIN and SUPERADMIN (see `sections.ts`). Not broker-scoped as a
 * whole: the platform cost page needs no brokerage; each sub-page asks for one itself.
 */
export const settingsFeature = defineFeature({
  id: 'settings',
  messages: settingsMessages,
  nav: { to: '/settings', icon: Settings },
  brokerScoped: false,
  routes: [
    {
      path: 'settings',
      element: <SettingsLayout />,
      children: [
        { index: true, element: <SettingsIndex /> },
        { path: 'agent', element: <AgentSettingsPage /> },
        { path: 'scoring', element: <ScoringSettingsPage /> },
        { path: 'channels', element: <ChannelsSettingsPage /> },
        { path: 'ai', element: <AiSettingsPage /> },
        { path: 'voice', element: <VoiceSettingsPage /> },
        { path: 'brokerage', element: <BrokerageSettingsPage /> },
        { path: 'users', element: <UsersPage /> },
        { path: 'platform-costs', element: <PlatformCostsPage /> },
      ],
    },
  ],
});
