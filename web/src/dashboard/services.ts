/** The dashboard's long-lived objects: storage, session and REST client. */
import { createApiClient, type ApiClient } from '../shared/api/client';
import { Session } from '../shared/api/session';
import { SERVER_ORIGIN } from '../shared/config';
import { createSafeStorage, type KeyValueStore } from '../shared/storage';

export interface DashboardServices {
  storage: KeyValueStore;
  api: ApiClient;
}

// Separate from the widget's key: an admin may test the widget as a user in the same browser.
const SESSION_KEY = 'support-chat.admin.session';

export function createDashboardServices(): DashboardServices {
  const storage = createSafeStorage();
  const session = new Session(storage, SESSION_KEY);
  window.addEventListener('storage', (event) => {
    if (event.key === SESSION_KEY) session.reload();
  });
  return { storage, api: createApiClient({ baseUrl: SERVER_ORIGIN, session }) };
}
