/** How a delivery's outcome reads in the dashboard: one kind sentence per state. */
import type { WebhookDelivery } from '../../shared/api/webhooks';

export function deliveryOutcome(d: WebhookDelivery): string {
  const tries = d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`;
  switch (d.state) {
    case 'sent':
      return `Delivered (${d.lastStatus ?? 'ok'}) after ${tries}`;
    case 'pending':
      return d.attempts === 0
        ? 'Waiting to be sent'
        : `Not delivered yet (${d.lastStatus ?? d.lastError ?? 'no answer'}); trying again soon, ${tries} so far`;
    case 'skipped':
      return `Not sent: ${d.lastError ?? 'nothing to send'}`;
    case 'failed':
      return `Gave up after ${tries}: ${d.lastStatus ?? d.lastError ?? 'no answer'}`;
  }
}

export function shortTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
