import { defineMessages } from '../../i18n/types';

/** Messages of the conversations feature: `useTranslation('conversations')`. */
export const conversationsMessages = defineMessages({
  es: {
    nav: 'Conversaciones',
    conversationsPage: { title: 'Conversaciones' },
  },
  en: {
    nav: 'Conversations',
    conversationsPage: { title: 'Conversations' },
  },
});

declare module 'i18next' {
  interface ResourceNamespaceMap {
    conversations: typeof conversationsMessages.es;
  }
}
