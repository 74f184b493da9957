import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet } from 'react-router';
import { Suspense } from 'react';
import { Building, Lock } from 'lucide-react';
import { BrokerPicker } from '../../app/TopBar';
import { EmptyState, PageHeader, Skeleton } from '../../components/ui';
import { selectRole, useAuthStore } from '../../stores/auth';
import { useActiveBrokerId } from '../../stores/broker';
import { sectionById, sectionsFor, type SectionId } from './sections';
import './settings.css';

/** `/settings/*`: the sub-page menu and the open sub-page. */
export default function SettingsLayout() {
  const { t } = useTranslation('settings');
  const role = useAuthStore(selectRole);
  if (!role) return null;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="settings">
        <nav className="settings__nav" aria-label={t('menu')}>
          <ul>
            {sectionsFor(role).map((section) => (
              <li key={section.id}>
                <NavLink to={`/settings/${section.path}`} className="settings__link">
                  <section.icon className="settings__link-icon" aria-hidden="true" />
                  <span>{t(`sections.${section.id}`)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings__page">
          <Suspense fallback={<Skeleton lines={6} />}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </>
  );
}

function NoAccess() {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('forbidden.title')}</h2>
      <EmptyState icon={Lock} title={t('forbidden.text')} />
    </section>
  );
}

function BrokerRequired() {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('broker.requiredTitle')}</h2>
      <EmptyState icon={Building} title={t('broker.requiredText')} action={<BrokerPicker />} />
    </section>
  );
}

/** `/settings`: the first sub-page the role may open. */
export function SettingsIndex() {
  const role = useAuthStore(selectRole);
  const first = role ? sectionsFor(role)[0] : undefined;
  return first ? <Navigate to={`/settings/${first.path}`} replace /> : <NoAccess />;
}

/** Opens a sub-page only for its roles and, when it needs one, with a brokerage picked. */
export function SectionGate({ id, children }: { id: SectionId; children: React.ReactNode }) {
  const role = useAuthStore(selectRole);
  const brokerId = useActiveBrokerId();
  const section = sectionById(id);
  if (!role || !section.roles.includes(role)) return <NoAccess />;
  if (section.brokerScoped && !brokerId) return <BrokerRequired />;
  return <div key={brokerId ?? 'none'}>{children}</div>;
}

/** Whether the signed-in user may change section `id` (else it is shown read-only). */
export function useCanEdit(id: SectionId): boolean {
  const role = useAuthStore(selectRole);
  return !!role && sectionById(id).editors.includes(role);
}
