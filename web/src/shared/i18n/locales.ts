/**
 * Which languages we have and how a page picks one. No catalogue in here: the embed loader imports
 * this and must stay tiny.
 */

/** The languages we have catalogues for; English is the fallback and is always bundled. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's own name, for the dashboard's language choice. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export const RTL: ReadonlySet<Locale> = new Set(['ar']);

/** A supported language from a tag such as "de-AT" or "pt-BR" (its primary subtag), else null. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : null;
}

/** The first supported language of the candidates (an explicit choice first, then the browser's). */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const found = supportedLocale(candidate);
    if (found) return found;
  }
  return 'en';
}

/** The browser's languages in order of preference (navigator.languages, else navigator.language). */
export function browserLanguages(): string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? [...navigator.languages] : [navigator.language];
}
