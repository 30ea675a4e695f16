import type { Catalogue } from '../i18n';

export const dashboardDe: Catalogue = {};
