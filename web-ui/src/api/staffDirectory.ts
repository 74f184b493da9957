import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useAuthStore } from '../stores/auth';
import { useActiveBrokerId } from '../stores/broker';
import { api } from './client';
import type { Role } from './types';

/** `UsersResource.UserResponse`, the fields the pages need to name staff. */
export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: Exclude<Role, 'SUPERADMIN'>;
  active: boolean;
}

export const fetchStaff = (signal?: AbortSignal) => api.get<{ items: StaffUser[] }>('/api/v1/users', { signal });

export interface StaffDirectory {
  /** The brokerage's users (ADMIN, SUPERADMIN); only the signed-in user for an AGENT, who may not list users. */
  users: StaffUser[];
  /** A user's name by id; undefined when unknown (another agent, seen by an agent). */
  nameOf: (id: string | undefined) => string | undefined;
  /** Whether the full list is available (false for agents and while loading or failed). */
  complete: boolean;
}

/**
 * Who works at the brokerage, to show names instead of ids (assignees, staff replies). `GET
 * /api/v1/users` is for ADMIN and SUPERADMIN; an AGENT knows only themselves.
 */
export function useStaffDirectory(): StaffDirectory {
  const user = useAuthStore((state) => state.user);
  const brokerId = useActiveBrokerId();
  const mayList = user?.role === 'ADMIN' || (user?.role === 'SUPERADMIN' && brokerId !== null);
  const query = useQuery({
    queryKey: ['staff-directory', brokerId],
    queryFn: ({ signal }) => fetchStaff(signal),
    enabled: mayList,
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const users: StaffUser[] = query.data?.items ?? [];
    const names = new Map(users.map((item) => [item.id, item.name]));
    if (user && user.role !== 'SUPERADMIN' && !names.has(user.id)) names.set(user.id, user.name);
    return {
      users,
      nameOf: (id) => (id ? names.get(id) : undefined),
      complete: mayList && query.isSuccess,
    };
  }, [query.data, query.isSuccess, user, mayList]);
}
