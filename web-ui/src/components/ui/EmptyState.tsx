import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface EmptyStateProps {
  title?: string;
  children?: ReactNode;
  icon?: LucideIcon;
  /** A button or link that gets the user going (e.g. "Crear lead"). */
  action?: ReactNode;
}

/** What a list or panel shows when it has nothing yet, and what to do about it. */
export function EmptyState({ title, children, icon: Icon, action }: EmptyStateProps) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      {Icon && <Icon className="empty-state__icon" aria-hidden="true" />}
      <p className="empty-state__title">{title ?? t('states.emptyTitle')}</p>
      {children && <div className="muted empty-state__text">{children}</div>}
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
