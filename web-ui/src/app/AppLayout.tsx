import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Skeleton, ToastRegion } from '../components/ui';
import { startLiveEvents, stopLiveEvents } from '../live/events';
import { selectIsAuthenticated, selectRole, useAuthStore } from '../stores/auth';
import { useActiveBrokerId } from '../stores/broker';
import { featureAllows, type Feature } from './feature';
import { BrokerRequiredPage, ForbiddenPage } from './pages';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

/** Sends a signed-out visitor to the login page, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: React.ReactNode }) {
  const signedIn = useAuthStore(selectIsAuthenticated);
  const location = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}

/** Opens a feature's pages only for the roles it allows and, when it needs one, with a brokerage. */
export function FeatureGate({ feature }: { feature: Feature }) {
  const role = useAuthStore(selectRole);
  const brokerId = useActiveBrokerId();
  if (!role || !featureAllows(feature, role)) return <ForbiddenPage />;
  if ((feature.brokerScoped ?? true) && !brokerId) return <BrokerRequiredPage />;
  return (
    <Suspense fallback={<Skeleton lines={4} />}>
      <Outlet key={brokerId ?? 'none'} />
    </Suspense>
  );
}

/** Keeps the live stream open while a brokerage is in view (restarts when a SUPERADMIN switches). */
function useLiveStream(brokerId: string | null) {
  useEffect(() => {
    if (!brokerId) return undefined;
    startLiveEvents();
    return () => stopLiveEvents();
  }, [brokerId]);
}

/** The signed-in shell: sidebar, top bar, the page, notices. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useAuthStore((state) => state.user);
  const brokerId = useActiveBrokerId();
  const { pathname } = useLocation();
  useLiveStream(brokerId);
  useEffect(() => {
    // block body: recent Chromium returns a promise from scrollTo, which React would take for a cleanup
    window.scrollTo?.(0, 0);
  }, [pathname]);

  if (!user) return <Navigate to="/login" replace />;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <Sidebar role={user.role} />
      <div className="shell__main">
        <TopBar user={user} />
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <ToastRegion />
    </div>
  );
}
