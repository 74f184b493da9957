import type { LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Role } from '../api/types';
import { featureAllows, type FeatureId } from './feature';
import { features } from './features';

/** The features the role may open, in sidebar order. */
export const navFeatures = (role: Role) => features.filter((feature) => feature.nav && featureAllows(feature, role));

function NavItem({ id, to, end, Icon }: { id: FeatureId; to: string; end?: boolean; Icon: LucideIcon }) {
  const { t } = useTranslation(id);
  const label = String(t('nav'));
  return (
    <li>
      <NavLink to={to} end={end} className="nav-link" title={label}>
        <Icon className="nav-link__icon" aria-hidden="true" />
        <span className="nav-link__label">{label}</span>
      </NavLink>
    </li>
  );
}

/** Brand and the role-aware main navigation. */
export function Sidebar({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <NavLink to="/" className="brand" aria-label={t('app.home')}>
        <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="6" />
          <path d="M6 17 16 8l10 9v9H6z" />
        </svg>
        <span className="brand__name">{t('app.name')}</span>
      </NavLink>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {navFeatures(role).map((feature) =>
            feature.nav ? <NavItem key={feature.id} id={feature.id} to={feature.nav.to} end={feature.nav.end} Icon={feature.nav.icon} /> : null,
          )}
        </ul>
      </nav>
    </aside>
  );
}
