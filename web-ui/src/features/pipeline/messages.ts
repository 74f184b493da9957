import { defineMessages } from '../../i18n/types';

/** Messages of the pipeline feature: `useTranslation('pipeline')`. */
export const pipelineMessages = defineMessages({
  es: {
    nav: 'Pipeline',
    pipelinePage: { title: 'Pipeline' },
  },
  en: {
    nav: 'Pipeline',
    pipelinePage: { title: 'Pipeline' },
  },
});

declare module 'i18next' {
  interface ResourceNamespaceMap {
    pipeline: typeof pipelineMessages.es;
  }
}
