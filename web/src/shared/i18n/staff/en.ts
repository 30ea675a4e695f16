/** English sentences of the dashboard (the reference catalogue; see common/en.ts). */
export const dashboardEn = {} as const;
