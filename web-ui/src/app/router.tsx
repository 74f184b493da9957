import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { AppLayout, FeatureGate, RequireAuth } from './AppLayout';
import { features } from './features';
import { NotFoundPage, RouteErrorPage } from './pages';

/**
 * The route table: `/login` signed out; everything else inside the signed-in layout, one gated
 * group per feature (see `features.ts`), and a not-found page.
 */
export function appRoutes(): RouteObject[] {
  return [
    { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        ...features.map((feature) => ({
          id: `feature-${feature.id}`,
          element: <FeatureGate feature={feature} />,
          errorElement: <RouteErrorPage />,
          children: feature.routes,
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export const createAppRouter = () => createBrowserRouter(appRoutes());
