import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../components/ui';

/** Placeholder until the settings feature is built. */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  return <PlaceholderPage title={t('settingsPage.title')} />;
}
