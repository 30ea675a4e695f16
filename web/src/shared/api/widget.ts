/** Widget endpoints: its settings, guest (visitor) sessions, the host's signed-in users, context. */
import type { LoginResult, WidgetConfig } from '../types';
import type { ApiClient } from './client';

export function fetchWidgetConfig(api: ApiClient): Promise<WidgetConfig> {
  return api.request<WidgetConfig>('GET', '/widget/config', { auth: false });
}

/** Starts a guest session (name and email only when the pre-chat form asked for them). */
export async function startVisitor(
  api: ApiClient,
  details: { name?: string; email?: string } = {},
): Promise<LoginResult> {
  const result = await api.request<LoginResult>('POST', '/widget/visitors', {
    body: details,
    auth: false,
  });
  api.session.start(result);
  return result;
}

/**
 * Exchanges the host's identity token for a session. With `asVisitor` the current guest's access
 * token goes along so the server merges the guest's conversation into the verified user's.
 */
export async function identify(
  api: ApiClient,
  token: string,
  asVisitor: boolean,
): Promise<LoginResult> {
  const result = await api.request<LoginResult>('POST', '/widget/identify', {
    body: { token },
    auth: asVisitor,
    retryOn401: false,
  });
  api.session.start(result);
  return result;
}

export interface ReportedContext {
  pageUrl?: string;
  pageTitle?: string;
  language?: string;
  timeZone?: string;
}

export function saveContext(api: ApiClient, context: ReportedContext): Promise<unknown> {
  return api.request('PUT', '/widget/context', { body: context });
}
