/** One message in a conversation. Content is rendered as text, never as HTML. */
import { formatTime } from '../logic/grouping';
import type { Message } from '../types';
import { safeUrl } from './safeUrl';
import { Ticks } from './Ticks';
import { t } from '../i18n/i18n';

interface Props {
  message: Message;
  /** Whether the message is from the viewer's side (shown on the right, with ticks). */
  own: boolean;
  viewerIsAdmin: boolean;
  showSender: boolean;
}

export function MessageItem({ message, own, viewerIsAdmin, showSender }: Props) {
  const note = message.isInternalNote;
  const classes = ['sc-msg', own ? 'sc-msg--own' : 'sc-msg--other', note ? 'sc-msg--note' : '']
    .filter(Boolean)
    .join(' ');
  const readByOtherSide = viewerIsAdmin ? message.isReadByUser : message.isReadByAdmin;
  return (
    <li className={classes} data-message-id={message._id}>
      {note && <span className="sc-msg__label">{t('message.noteLabel')}</span>}
      {showSender && (
        <span className="sc-msg__sender">{message.sender.fullName || message.sender.email}</span>
      )}
      <p className="sc-msg__text">{message.content}</p>
      {message.attachments.length > 0 && (
        <ul className="sc-msg__files">
          {message.attachments.map((a) => {
            const href = safeUrl(a.url);
            return (
              <li key={a._id}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {a.fileName}
                  </a>
                ) : (
                  a.fileName
                )}
              </li>
            );
          })}
        </ul>
      )}
      <span className="sc-msg__meta">
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        {message.isEdited && <span> · {t('message.edited')}</span>}
        {own && !note && <Ticks read={readByOtherSide} />}
      </span>
    </li>
  );
}
