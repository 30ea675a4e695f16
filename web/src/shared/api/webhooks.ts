/** Admins' webhook endpoints and their deliveries: /webhooks (docs/API.md "Webhooks"). */
import type { ApiClient } from './client';

export interface WebhookEndpoint {
  _id: string;
  url: string;
  events: string[];
  description: string;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
  /** Only in the answer that created it. */
  secret?: string;
}

export interface WebhookDelivery {
  _id: string;
  event: string | null;
  state: 'pending' | 'sent' | 'skipped' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  finishedAt: string | null;
  redeliveryOf: string | null;
}

export function listWebhooks(
  api: ApiClient,
): Promise<{ endpoints: WebhookEndpoint[]; events: string[] }> {
  return api.request('GET', '/webhooks');
}

export function createWebhook(
  api: ApiClient,
  body: { url: string; events: string[]; description?: string },
): Promise<WebhookEndpoint> {
  return api.request('POST', '/webhooks', { body });
}

export function updateWebhook(
  api: ApiClient,
  id: string,
  body: { isActive?: boolean },
): Promise<WebhookEndpoint> {
  return api.request('PUT', `/webhooks/${encodeURIComponent(id)}`, { body });
}

export function deleteWebhook(api: ApiClient, id: string): Promise<unknown> {
  return api.request('DELETE', `/webhooks/${encodeURIComponent(id)}`);
}

export function fetchDeliveries(
  api: ApiClient,
  id: string,
): Promise<{ deliveries: WebhookDelivery[] }> {
  return api.request('GET', `/webhooks/${encodeURIComponent(id)}/deliveries?limit=20`);
}

export function redeliver(
  api: ApiClient,
  id: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  return api.request(
    'POST',
    `/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
  );
}
