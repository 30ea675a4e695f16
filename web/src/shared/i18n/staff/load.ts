/**
 * The dashboard's catalogue per language: its own sentences and the shared ones (widget parts it
 * reuses), each language fetched on demand as its own chunk. English is bundled.
 */
import { commonEn } from '../common/en';
import type { Catalogue, Locale } from '../i18n';
import { loadCommon } from '../load';
import { dashboardEn } from './en';

export const staffEn: Catalogue = { ...commonEn, ...dashboardEn };

async function own(locale: Locale): Promise<Catalogue> {
  switch (locale) {
    case 'de':
      return (await import('./de')).dashboardDe;
    case 'fr':
      return (await import('./fr')).dashboardFr;
    case 'es':
      return (await import('./es')).dashboardEs;
    case 'ar':
      return (await import('./ar')).dashboardAr;
    default:
      return dashboardEn;
  }
}

export async function loadStaff(locale: Locale): Promise<Catalogue> {
  const [common, dashboard] = await Promise.all([loadCommon(locale), own(locale)]);
  return { ...common, ...dashboard };
}
