/** The widget's long-lived objects: storage, session, REST client and access (one per page). */
import { createApiClient, type ApiClient } from '../shared/api/client';
import { Session } from '../shared/api/session';
import { SERVER_ORIGIN } from '../shared/config';
import { createSafeStorage, type KeyValueStore } from '../shared/storage';
import { WidgetAccess } from './access';

export interface WidgetServices {
  storage: KeyValueStore;
  api: ApiClient;
  access: WidgetAccess;
}

const SESSION_KEY = 'support-chat.widget.session';

export function createWidgetServices(): WidgetServices {
  const storage = createSafeStorage();
  const session = new Session(storage, SESSION_KEY);
  // Another tab (or the widget on another page of the host site) signed in or out.
  window.addEventListener('storage', (event) => {
    if (event.key === SESSION_KEY) session.reload();
  });
  const api = createApiClient({ baseUrl: SERVER_ORIGIN, session });
  const access = new WidgetAccess(api, storage, {
    language: navigator.language,
    timeZone: localTimeZone(),
  });
  return { storage, api, access };
}

function localTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
