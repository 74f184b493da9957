import { Building, Compass, Lock, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, PageHeader } from '../components/ui';
import { BrokerPicker } from './TopBar';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <section className="card">
        <EmptyState icon={Compass} title={t('notFound.text')} action={<Link className="button" to="/">{t('notFound.home')}</Link>} />
      </section>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <section className="card">
        <EmptyState icon={Lock} title={t('forbidden.text')} action={<Link className="button" to="/">{t('notFound.home')}</Link>} />
      </section>
    </>
  );
}

/** A SUPERADMIN on a broker-data page before picking a brokerage. */
export function BrokerRequiredPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('broker.requiredTitle')} />
      <section className="card">
        <EmptyState icon={Building} title={t('broker.requiredText')} action={<BrokerPicker />} />
      </section>
    </>
  );
}

/** A page that crashed while rendering: words and a reload, never a stack trace. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <section className="card route-error" role="alert">
      <TriangleAlert className="error-state__icon" aria-hidden="true" />
      <h1>{t('errors.crashTitle')}</h1>
      <p className="muted">{t('errors.crashText')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </button>
    </section>
  );
}
