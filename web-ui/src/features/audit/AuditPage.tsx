import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../components/ui';

/** Placeholder until the audit feature is built. */
export default function AuditPage() {
  const { t } = useTranslation('audit');
  return <PlaceholderPage title={t('auditPage.title')} />;
}
