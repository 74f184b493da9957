import type { ResourceNamespaceMap } from 'i18next';
import type { LucideIcon } from 'lucide-react';
import type { RouteObject } from 'react-router';
import type { Role } from '../api/types';
import type { FeatureMessages, MessageTree } from '../i18n/types';

/** A feature's id: an i18n namespace declared by the feature's messages.ts. */
export type FeatureId = Exclude<keyof ResourceNamespaceMap, 'common' | 'auth'>;

/** The feature's entry in the sidebar; its label is the feature's `nav` message. */
export interface NavEntry {
  /** Absolute path, e.g. `/leads`. */
  readonly to: string;
  readonly icon: LucideIcon;
  /** Highlight only on exactly `to` (true for `/`). */
  readonly end?: boolean;
}

/**
 * One page area of the dashboard (overview, leads, pipeline…): its routes, its sidebar entry, who may
 * open it and its messages. Every feature lives in `src/features/<id>/` and is listed once in
 * `src/app/features.ts`; routes, navigation and translations are all derived from that list.
 */
export interface Feature<M extends MessageTree & { readonly nav: string } = MessageTree & { readonly nav: string }> {
  /**
   * Also the i18n namespace of {@link messages}: `useTranslation('<id>')`. The feature's messages.ts
   * declares it (`interface ResourceNamespaceMap { <id>: typeof messages.es }`).
   */
  readonly id: FeatureId;
  readonly messages: FeatureMessages<M>;
  /**
   * Children of the signed-in layout, paths relative to `/` (`{ path: 'leads/:id', element: … }`).
   * Prefer `lazy(() => import('./SomePage'))` elements so each feature is its own bundle.
   */
  readonly routes: RouteObject[];
  readonly nav?: NavEntry;
  /** Roles that may open the feature (and see it in the sidebar); every role when absent. */
  readonly roles?: readonly Role[];
  /**
   * Whether the feature reads one brokerage's data: a SUPERADMIN must pick a brokerage first. True
   * when absent; false for pages about the signed-in user themselves (notifications).
   */
  readonly brokerScoped?: boolean;
}

/** Identity function that type-checks a feature definition. */
export function defineFeature<M extends MessageTree & { readonly nav: string }>(feature: Feature<M>): Feature<M> {
  return feature;
}

/** Whether `role` may open `feature`. */
export const featureAllows = (feature: Pick<Feature, 'roles'>, role: Role): boolean =>
  !feature.roles || feature.roles.includes(role);
