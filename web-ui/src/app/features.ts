import { auditFeature } from '../features/audit';
import { conversationsFeature } from '../features/conversations';
import { leadsFeature } from '../features/leads';
import { notificationsFeature } from '../features/notifications';
import { overviewFeature } from '../features/overview';
import { pipelineFeature } from '../features/pipeline';
import { settingsFeature } from '../features/settings';
import type { Feature } from './feature';

/**
 * Every page area of the signed-in dashboard, in sidebar order. Adding a feature = one folder under
 * `src/features/<id>/` (index.tsx with `defineFeature`, messages.ts, its pages) and one line here:
 * its routes, sidebar entry, role check and translations follow from this list.
 */
export const features: readonly Feature[] = [
  overviewFeature,
  leadsFeature,
  pipelineFeature,
  conversationsFeature,
  notificationsFeature,
  settingsFeature,
  auditFeature,
];
