/** Status and priority badges: colour plus text (and a symbol), never colour alone. */
import type { ChatStatus, Priority } from '../../shared/types';

const STATUS_LABEL: Record<ChatStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};

const PRIORITY_LABEL: Record<Priority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

const PRIORITY_SYMBOL: Record<Priority, string> = { low: '▽', medium: '◇', high: '▲', urgent: '‼' };

export function statusLabel(status: ChatStatus): string {
  return STATUS_LABEL[status] ?? status;
}

export function priorityLabel(priority: Priority): string {
  return PRIORITY_LABEL[priority] ?? priority;
}

export function StatusBadge({ status }: { status: ChatStatus }) {
  return (
    <span className={`scd-badge scd-status scd-status--${status}`}>
      <span className="sc-visually-hidden">Status: </span>
      {statusLabel(status)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`scd-badge scd-priority scd-priority--${priority}`}>
      <span aria-hidden="true">{PRIORITY_SYMBOL[priority]} </span>
      <span className="sc-visually-hidden">Priority: </span>
      {priorityLabel(priority)}
    </span>
  );
}
