import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { AuthUser } from '../api/auth';
import { appRoutes } from '../app/router';
import { useAuthStore } from '../stores/auth';

export const testUsers = {
  admin: { id: 'u-admin', email: 'valentina@andes.cl', name: 'Valentina Soto', role: 'ADMIN', brokerId: 'b-1', brokerSlug: 'andes' },
  agent: { id: 'u-agent', email: 'tomas@andes.cl', name: 'Tomás Rojas', role: 'AGENT', brokerId: 'b-1', brokerSlug: 'andes' },
  superadmin: { id: 'u-super', email: 'admin@inmo.local', name: 'Plataforma', role: 'SUPERADMIN' },
} satisfies Record<string, AuthUser>;

/** Signs `user` in (tokens `access-1`/`refresh-1`) without calling the server. */
export function signInAs(user: AuthUser, accessToken = 'access-1', refreshToken = 'refresh-1') {
  useAuthStore.getState().setSession({ accessToken, refreshToken, user });
}

export const testQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });

/** Renders routes (the whole app's by default) at `path`, with a fresh query cache. */
export function renderRoutes(path: string, routes: RouteObject[] = appRoutes()) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = testQueryClient();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}

/** Renders one page element at `path` inside a router and a fresh query cache. */
export function renderPage(element: ReactElement, path = '/') {
  return renderRoutes(path, [{ path: '*', element }]);
}
