import i18n, { type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { features } from '../app/features';
import { authMessages } from '../features/auth/messages';
import { commonMessages } from './common';
import { LANGUAGES, LOCALES, type Language } from './types';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
  }
  // Each feature adds its own namespace next to its messages (see src/features/*/messages.ts).
  interface ResourceNamespaceMap {
    common: typeof commonMessages.es;
  }
}

/** Where the chosen language is remembered (across tabs and sessions). */
export const LANGUAGE_STORAGE_KEY = 'inmo.language';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : 'es';
  } catch {
    return 'es';
  }
}

function resources(language: Language): ResourceLanguage {
  const namespaces: ResourceLanguage = { common: commonMessages[language], auth: authMessages[language] };
  for (const feature of features) namespaces[feature.id] = feature.messages[language];
  return namespaces;
}

void i18n.use(initReactI18next).init({
  resources: { es: resources('es'), en: resources('en') },
  lng: storedLanguage(),
  fallbackLng: 'es',
  supportedLngs: [...LANGUAGES],
  ns: ['common', 'auth', ...features.map((feature) => feature.id)],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

const syncDocument = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
syncDocument(i18n.language);
i18n.on('languageChanged', syncDocument);

/** The current UI language. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'es');

/** The `Intl` locale of the current UI language (`es-CL` or `en-US`). */
export const currentLocale = (): string => LOCALES[currentLanguage()];

/** Switches the UI language and remembers the choice. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  await i18n.changeLanguage(language);
}

export { i18n };
