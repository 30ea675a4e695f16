/** How a delivery's outcome reads in the dashboard: one kind sentence per state. */
import type { WebhookDelivery } from '../../shared/api/webhooks';
import { formatDate, t, tp } from '../../shared/i18n/i18n';

export function deliveryOutcome(d: WebhookDelivery): string {
  const answer = String(d.lastStatus ?? d.lastError ?? t('deliveries.noAnswer'));
  switch (d.state) {
    case 'sent':
      return tp('deliveries.sent', d.attempts, { status: String(d.lastStatus ?? 'ok') });
    case 'pending':
      return d.attempts === 0
        ? t('deliveries.waiting')
        : tp('deliveries.retrying', d.attempts, { answer });
    case 'skipped':
      return t('deliveries.skipped', { reason: d.lastError ?? t('deliveries.nothingToSend') });
    case 'failed':
      return tp('deliveries.failed', d.attempts, { answer });
  }
}

export function shortTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : formatDate(d, { dateStyle: 'short', timeStyle: 'medium' });
}
