/** Status and priority badges: colour plus text (and a symbol), never colour alone. */
import type { ChatStatus, Priority } from '../../shared/types';
import { t } from '../../shared/i18n/i18n';

const PRIORITY_SYMBOL: Record<Priority, string> = { low: '▽', medium: '◇', high: '▲', urgent: '‼' };

export function statusLabel(status: ChatStatus): string {
  return t(`badge.status.${status}`);
}

export function priorityLabel(priority: Priority): string {
  return t(`badge.priority.${priority}`);
}

export function StatusBadge({ status }: { status: ChatStatus }) {
  return (
    <span className={`scd-badge scd-status scd-status--${status}`}>
      <span className="sc-visually-hidden">{t('badge.statusPrefix')} </span>
      {statusLabel(status)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`scd-badge scd-priority scd-priority--${priority}`}>
      <span aria-hidden="true">{PRIORITY_SYMBOL[priority]} </span>
      <span className="sc-visually-hidden">{t('badge.priorityPrefix')} </span>
      {priorityLabel(priority)}
    </span>
  );
}
