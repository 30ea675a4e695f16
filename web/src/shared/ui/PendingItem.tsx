/** A message still in the outbox: sending, waiting for the connection, or failed with Retry. */
import type { OutboxEntry } from '../logic/outbox';
import { t } from '../i18n/i18n';

interface Props {
  entry: OutboxEntry;
  online: boolean;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}

export function PendingItem({ entry, online, onRetry, onDiscard }: Props) {
  const failed = entry.state === 'failed';
  let status = t('common.sending');
  if (failed)
    status = entry.error
      ? t('message.notSentBecause', { reason: entry.error })
      : t('message.notSent');
  else if (!online || entry.state === 'queued') status = t('message.waiting');
  return (
    <li
      className={`sc-msg sc-msg--own sc-msg--pending${entry.isInternalNote ? ' sc-msg--note' : ''}`}
      data-client-id={entry.clientMessageId}
    >
      {entry.isInternalNote && <span className="sc-msg__label">{t('message.noteLabel')}</span>}
      {entry.content && <p className="sc-msg__text">{entry.content}</p>}
      {entry.attachments && entry.attachments.length > 0 && (
        <ul className="sc-msg__files">
          {entry.attachments.map((a) => (
            <li key={a._id}>{a.fileName}</li>
          ))}
        </ul>
      )}
      <span className={failed ? 'sc-msg__meta sc-msg__meta--error' : 'sc-msg__meta'} role="status">
        {failed ? <WarningIcon /> : <ClockIcon />}
        {status}
      </span>
      {failed && (
        <span className="sc-msg__actions">
          <button type="button" className="sc-link" onClick={() => onRetry(entry.clientMessageId)}>
            {t('message.retry')}
          </button>
          <button
            type="button"
            className="sc-link"
            onClick={() => onDiscard(entry.clientMessageId)}
          >
            {t('message.discard')}
          </button>
        </span>
      )}
    </li>
  );
}

/*
 * Our own icons: the emoji (🕓, ⚠) depend on the system's emoji font and render as blank boxes
 * without one (headless Chromium, many Linux desktops). They inherit the text colour.
 */
function ClockIcon() {
  return (
    <svg className="sc-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function WarningIcon() {
  return (
    <svg className="sc-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M8 1.75 15 14.25H1z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <path d="M8 6v4M8 11.5v1.25" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
