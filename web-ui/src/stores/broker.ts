import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useAuthStore } from './auth';

export const BROKER_STORAGE_KEY = 'inmo.broker';

interface BrokerScopeState {
  /** The brokerage a SUPERADMIN is looking at (staff always see their own). */
  selectedBrokerId: string | null;
  select: (brokerId: string | null) => void;
}

/**
 * The brokerage a SUPERADMIN has picked: the API needs it as `?brokerId=` on broker data (leads,
 * pipeline, events…), since a SUPERADMIN belongs to no brokerage. Kept for the tab's lifetime.
 */
export const useBrokerScope = create<BrokerScopeState>()(
  persist(
    (set) => ({
      selectedBrokerId: null,
      select: (selectedBrokerId) => set({ selectedBrokerId }),
    }),
    { name: BROKER_STORAGE_KEY, storage: createJSONStorage(() => sessionStorage) },
  ),
);

/** `?brokerId=` to add to broker-data calls: the picked brokerage for a SUPERADMIN, else none. */
export function brokerQueryId(): string | undefined {
  const user = useAuthStore.getState().user;
  if (user?.role !== 'SUPERADMIN') return undefined;
  return useBrokerScope.getState().selectedBrokerId ?? undefined;
}

/**
 * The brokerage whose data the pages show: the user's own, or the one a SUPERADMIN picked (null
 * until they pick one). Use it in query keys so that switching brokerage refetches.
 */
export function useActiveBrokerId(): string | null {
  const user = useAuthStore((state) => state.user);
  const selected = useBrokerScope((state) => state.selectedBrokerId);
  if (!user) return null;
  return user.role === 'SUPERADMIN' ? selected : (user.brokerId ?? null);
}
