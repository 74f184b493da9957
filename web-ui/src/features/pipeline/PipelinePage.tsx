import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../components/ui';

/** Placeholder until the pipeline feature is built. */
export default function PipelinePage() {
  const { t } = useTranslation('pipeline');
  return <PlaceholderPage title={t('pipelinePage.title')} />;
}
