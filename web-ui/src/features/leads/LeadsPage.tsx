import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../components/ui';

/** Placeholder until the leads feature is built. */
export default function LeadsPage() {
  const { t } = useTranslation('leads');
  return <PlaceholderPage title={t('leadsPage.title')} />;
}
