/** One message in a conversation. Content is rendered as text, never as HTML. */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiClient } from '../api/client';
import { formatTime } from '../logic/grouping';
import type { Message } from '../types';
import { AttachmentList } from './AttachmentList';
import { Ticks } from './Ticks';
import { t } from '../i18n/i18n';

interface Props {
  message: Message;
  /** Whether the message is from the viewer's side (shown on the right, with ticks). */
  own: boolean;
  viewerIsAdmin: boolean;
  showSender: boolean;
  /** Fetches the files with the viewer's token; without it files are listed by name. */
  api?: ApiClient;
  /** Given while the viewer may still edit this message; resolves with a refusal or null. */
  onEdit?: (messageId: string, content: string) => Promise<string | null>;
}

export function MessageItem({ message, own, viewerIsAdmin, showSender, api, onEdit }: Props) {
  const note = message.isInternalNote;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const textId = useId();
  const classes = ['sc-msg', own ? 'sc-msg--own' : 'sc-msg--other', note ? 'sc-msg--note' : '']
    .filter(Boolean)
    .join(' ');
  const readByOtherSide = viewerIsAdmin ? message.isReadByUser : message.isReadByAdmin;
  const files = message.attachments;
  const stopEditing = () => {
    setEditing(false);
    // Back where the person was (the Edit button may be gone if the window closed meanwhile).
    setTimeout(() => editButton.current?.focus());
  };
  return (
    <li className={classes} data-message-id={message._id}>
      {note && <span className="sc-msg__label">{t('message.noteLabel')}</span>}
      {showSender && (
        <span className="sc-msg__sender">{message.sender.fullName || message.sender.email}</span>
      )}
      {editing && onEdit ? (
        <EditForm
          initial={message.content}
          allowEmpty={files.length > 0}
          onSave={(text) => onEdit(message._id, text)}
          onDone={stopEditing}
        />
      ) : (
        message.content && (
          <p className="sc-msg__text" id={textId}>
            {message.content}
          </p>
        )
      )}
      {files.length > 0 &&
        (api ? (
          <AttachmentList api={api} attachments={files} />
        ) : (
          <ul className="sc-msg__files">
            {files.map((a) => (
              <li key={a._id}>{a.fileName}</li>
            ))}
          </ul>
        ))}
      <span className="sc-msg__meta">
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        {message.isEdited && <span> · {t('message.edited')}</span>}
        {own && !note && <Ticks read={readByOtherSide} />}
        {onEdit && !editing && (
          <button
            ref={editButton}
            type="button"
            className="sc-link sc-msg__edit"
            // Which message: its words, read after "Edit" (a label of its own would repeat
            // "message" on every bubble and clash with the message box's name).
            aria-describedby={message.content ? textId : undefined}
            onClick={() => setEditing(true)}
          >
            {t('message.edit')}
          </button>
        )}
      </span>
    </li>
  );
}

interface EditProps {
  initial: string;
  allowEmpty: boolean;
  onSave: (text: string) => Promise<string | null>;
  onDone: () => void;
}

/** Enter saves, Shift+Enter starts a new line, Escape cancels. */
function EditForm({ initial, allowEmpty, onSave, onDone }: EditProps) {
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const save = async () => {
    if (saving) return;
    if (text.trim() === initial.trim()) {
      onDone();
      return;
    }
    if (!text.trim() && !allowEmpty) {
      setError(t('message.editNeedsWords'));
      return;
    }
    setSaving(true);
    const refused = await onSave(text.trim());
    setSaving(false);
    if (refused) setError(refused);
    else onDone();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // the widget's panel closes on Escape; this one only cancels
      onDone();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <div className="sc-msg__editor">
      <label className="sc-visually-hidden" htmlFor={id}>
        {t('message.editLabel')}
      </label>
      <textarea
        id={id}
        ref={box}
        className="sc-input sc-msg__edit-input"
        rows={2}
        maxLength={5000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <span id={`${id}-error`} className="sc-msg__edit-error" role="alert">
          {error}
        </span>
      )}
      <span className="sc-msg__actions">
        <button type="button" className="sc-link" onClick={() => void save()} disabled={saving}>
          {saving ? t('message.saving') : t('message.save')}
        </button>
        <button type="button" className="sc-link" onClick={onDone}>
          {t('message.cancel')}
        </button>
      </span>
    </div>
  );
}
