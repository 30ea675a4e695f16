/** A message still in the outbox: sending, waiting for the connection, or failed with Retry. */
import type { OutboxEntry } from '../logic/outbox';

interface Props {
  entry: OutboxEntry;
  online: boolean;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}

export function PendingItem({ entry, online, onRetry, onDiscard }: Props) {
  const failed = entry.state === 'failed';
  let status = 'Sending…';
  if (failed) status = `Not sent${entry.error ? `: ${entry.error}` : ''}`;
  else if (!online || entry.state === 'queued') status = 'Waiting for connection…';
  return (
    <li
      className={`sc-msg sc-msg--own sc-msg--pending${entry.isInternalNote ? ' sc-msg--note' : ''}`}
      data-client-id={entry.clientMessageId}
    >
      {entry.isInternalNote && (
        <span className="sc-msg__label">Internal note · only admins see this</span>
      )}
      <p className="sc-msg__text">{entry.content}</p>
      <span className={failed ? 'sc-msg__meta sc-msg__meta--error' : 'sc-msg__meta'} role="status">
        <span aria-hidden="true">{failed ? '⚠ ' : '🕓 '}</span>
        {status}
      </span>
      {failed && (
        <span className="sc-msg__actions">
          <button type="button" className="sc-link" onClick={() => onRetry(entry.clientMessageId)}>
            Retry
          </button>
          <button
            type="button"
            className="sc-link"
            onClick={() => onDiscard(entry.clientMessageId)}
          >
            Discard
          </button>
        </span>
      )}
    </li>
  );
}
