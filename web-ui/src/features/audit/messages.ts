import { defineMessages } from '../../i18n/types';

/** Messages of the audit feature: `useTranslation('audit')`. */
export const auditMessages = defineMessages({
  es: {
    nav: 'Auditoría',
    auditPage: { title: 'Registro de auditoría' },
  },
  en: {
    nav: 'Audit log',
    auditPage: { title: 'Audit log' },
  },
});

declare module 'i18next' {
  interface ResourceNamespaceMap {
    audit: typeof auditMessages.es;
  }
}
