import type { QueryClient } from '@tanstack/react-query';
import { stopLiveEvents } from '../live/events';
import { useAuthStore } from '../stores/auth';
import { useBrokerScope } from '../stores/broker';

/**
 * What ends with a session (sign-out, or a refresh the server refused): the cached data, the picked
 * brokerage and the live stream. Returns the unsubscribe function.
 */
export function clearOnSignOut(queryClient: QueryClient): () => void {
  return useAuthStore.subscribe((state, previous) => {
    if (previous.accessToken !== null && state.accessToken === null) {
      stopLiveEvents();
      queryClient.clear();
      useBrokerScope.getState().select(null);
    }
  });
}
