import type { Catalogue } from '../i18n';

export const dashboardFr: Catalogue = {};
