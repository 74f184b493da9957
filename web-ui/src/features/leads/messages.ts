import { defineMessages } from '../../i18n/types';

/** Messages of the leads feature: `useTranslation('leads')`. */
export const leadsMessages = defineMessages({
  es: {
    nav: 'Leads',
    leadsPage: { title: 'Leads' },
    leadDetailPage: { title: 'Ficha del lead' },
  },
  en: {
    nav: 'Leads',
    leadsPage: { title: 'Leads' },
    leadDetailPage: { title: 'Lead details' },
  },
});

declare module 'i18next' {
  interface ResourceNamespaceMap {
    leads: typeof leadsMessages.es;
  }
}
