/**
 * The widget's (and shared parts') catalogue per language, fetched on demand: each language is its
 * own chunk, so a page downloads only the one it shows. English is bundled.
 */
import { commonEn } from './common/en';
import type { Catalogue, Locale } from './i18n';

export { commonEn };

export async function loadCommon(locale: Locale): Promise<Catalogue> {
  switch (locale) {
    case 'de':
      return (await import('./common/de')).commonDe;
    case 'fr':
      return (await import('./common/fr')).commonFr;
    case 'es':
      return (await import('./common/es')).commonEs;
    case 'ar':
      return (await import('./common/ar')).commonAr;
    default:
      return commonEn;
  }
}
