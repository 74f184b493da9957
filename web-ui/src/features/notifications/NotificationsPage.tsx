import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../components/ui';

/** Placeholder until the notifications feature is built. */
export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  return <PlaceholderPage title={t('notificationsPage.title')} />;
}
