import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem';

/** Retries a failed read twice, unless the server said no (4xx: retrying would not help). */
const retry = (failures: number, error: unknown) =>
  failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

/** Server state cache (TanStack Query): loading/error states, refetches, dedupe, invalidation. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
