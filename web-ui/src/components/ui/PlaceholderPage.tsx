import { Construction } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';

/** A page that is not built yet: its title and a clear "en construcción". */
export function PlaceholderPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <section className="card placeholder">
        <Construction className="placeholder__icon" aria-hidden="true" />
        <p className="placeholder__badge">{t('placeholder.badge')}</p>
        <p className="muted">{t('placeholder.text')}</p>
      </section>
    </>
  );
}
