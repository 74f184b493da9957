import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../stores/auth';
import { useActiveBrokerId } from '../../stores/broker';
import { fetchUsers, leadKeys, type StaffUser } from './api';

/** Whether the signed-in user manages the brokerage (sees every lead, assigns, imports, exports). */
export function useIsManager(): boolean {
  const role = useAuthStore((state) => state.user?.role);
  return role === 'ADMIN' || role === 'SUPERADMIN';
}

/**
 * The brokerage's staff, for names and assignment pickers. Only managers may list users (an AGENT
 * gets 403), so for agents this stays idle and names fall back to "Tú" / "Otro usuario".
 */
export function useStaff() {
  const brokerId = useActiveBrokerId();
  const manager = useIsManager();
  const query = useQuery({
    queryKey: leadKeys.users(brokerId),
    queryFn: ({ signal }) => fetchUsers(signal),
    enabled: manager,
    staleTime: 5 * 60_000,
  });
  const users: StaffUser[] = query.data ?? [];
  /** Active admins and agents: who a lead may be assigned to. */
  const assignable = users.filter((user) => user.active && (user.role === 'ADMIN' || user.role === 'AGENT'));
  return { ...query, users, assignable, manager };
}

/** A user's name as the leads pages show it: "Tú", their name, or "Otro usuario". */
export function useAssigneeName(users: readonly StaffUser[]): (id: string | undefined) => string {
  const { t } = useTranslation('leads');
  const me = useAuthStore((state) => state.user?.id);
  return (id) => {
    if (!id) return t('table.unassigned');
    if (id === me) return t('table.you');
    return users.find((user) => user.id === id)?.name ?? t('table.someone');
  };
}
