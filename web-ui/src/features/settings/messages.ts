import { defineMessages } from '../../i18n/types';

/** Messages of the settings feature: `useTranslation('settings')`. */
export const settingsMessages = defineMessages({
  es: {
    nav: 'Configuración',
    settingsPage: { title: 'Configuración' },
  },
  en: {
    nav: 'Settings',
    settingsPage: { title: 'Settings' },
  },
});

declare module 'i18next' {
  interface ResourceNamespaceMap {
    settings: typeof settingsMessages.es;
  }
}
