import { useQueryClient } from '@tanstack/react-query';
import { useDebouncedLiveEvent } from '../../live/events';
import { notificationKeys } from './api';

/** Alerts are written when leads change or conversations escalate: read the inbox again then. */
export const NOTIFICATION_REFETCH_MS = 2_000;

/**
 * The live stream has no notification event (API gap): refetch the inbox after lead and
 * conversation events settle, and after a resync.
 */
export function useLiveNotifications() {
  const queryClient = useQueryClient();
  useDebouncedLiveEvent(
    ['lead', 'conversation', 'resync'],
    () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    NOTIFICATION_REFETCH_MS,
  );
}
