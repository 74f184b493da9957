import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../components/ui';

/** Placeholder until the leads feature is built. */
export default function LeadDetailPage() {
  const { t } = useTranslation('leads');
  return <PlaceholderPage title={t('leadDetailPage.title')} />;
}
