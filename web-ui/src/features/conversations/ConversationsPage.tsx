import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../components/ui';

/** Placeholder until the conversations feature is built. */
export default function ConversationsPage() {
  const { t } = useTranslation('conversations');
  return <PlaceholderPage title={t('conversationsPage.title')} />;
}
