/** Where the server is. Both apps are served by the server itself, so '' (same origin). */
export const SERVER_ORIGIN: string = (import.meta.env.VITE_SERVER_URL as string | undefined) ?? '';
