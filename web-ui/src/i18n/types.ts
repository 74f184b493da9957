/** A feature's messages: nested keys, string leaves (i18next's `{{name}}` interpolation, `_one`/`_other` plurals). */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/** Another language's copy of `T`: the very same keys, any wording. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};

/** The Spanish (default) messages of a feature and their English translation. */
export interface FeatureMessages<T extends MessageTree> {
  readonly es: T;
  readonly en: Translation<T>;
}

/**
 * Declares a feature's messages; the compiler checks that English has exactly Spanish's keys.
 *
 * ```ts
 * export const messages = defineMessages({ es: { title: 'Leads' }, en: { title: 'Leads' } });
 * ```
 */
export function defineMessages<T extends MessageTree>(messages: FeatureMessages<T>): FeatureMessages<T> {
  return messages;
}

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The `Intl` locale each UI language formats with. */
export const LOCALES: Record<Language, string> = { es: 'es-CL', en: 'en-US' };
