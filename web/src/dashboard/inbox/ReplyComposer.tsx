/**
 * The dashboard's reply box: a `/` at the start opens the saved replies, filtered as you type;
 * arrows move, Enter or Tab inserts the reply with its variables filled, Escape closes the list.
 */
import { useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { SavedReply } from '../../shared/api/inbox';
import type { AttachmentDraft } from '../../shared/react/useAttachmentDraft';
import { Composer } from '../../shared/ui/Composer';
import {
  fillTemplate,
  matchReplies,
  moveActive,
  slashQuery,
  type TemplateValues,
} from './templates';
import { formatList, t } from '../../shared/i18n/i18n';

export interface ReplyComposerHandle {
  /** Focuses the box with the saved replies open (the `/` shortcut); a draft is kept. */
  openReplies: () => void;
}

interface Props {
  handle: Ref<ReplyComposerHandle>;
  replies: SavedReply[];
  repliesLoaded: boolean;
  values: TemplateValues;
  note: boolean;
  onSend: (text: string) => boolean;
  onTyping?: () => void;
  extra: React.ReactNode;
  /** The files attached to the reply. */
  files?: AttachmentDraft;
}

export function ReplyComposer({
  handle,
  replies,
  repliesLoaded,
  values,
  note,
  onSend,
  onTyping,
  extra,
  files,
}: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [closedFor, setClosedFor] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const hintId = useId();

  const query = slashQuery(text);
  const open = query !== null && closedFor !== text;
  const matches = open ? matchReplies(replies, query) : [];
  const current = matches[Math.min(active, matches.length - 1)];

  useImperativeHandle(handle, () => ({
    openReplies: () => {
      setClosedFor(null);
      setActive(0);
      if (!text) setText('/');
      input.current?.focus();
    },
  }));

  const change = (next: string) => {
    setText(next);
    setActive(0);
    if (next !== closedFor) setClosedFor(null);
    if (!next) setHint(null);
  };

  const insert = (reply: SavedReply) => {
    const filled = fillTemplate(reply.body, values);
    setText(filled.text);
    setActive(0);
    setHint(
      filled.unfilled.length > 0
        ? t('composer.checkBeforeSending', {
            names: formatList(filled.unfilled.map((v) => `{{${v}}}`)),
          })
        : t('composer.inserted', { shortcut: reply.shortcut }),
    );
    input.current?.focus();
  };

  const onKeyFirst = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setClosedFor(text);
      return true;
    }
    if (matches.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) =>
        moveActive(
          Math.min(a, matches.length - 1),
          matches.length,
          event.key === 'ArrowDown' ? 1 : -1,
        ),
      );
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      if (event.nativeEvent.isComposing || !current) return false;
      event.preventDefault();
      insert(current);
      return true;
    }
    return false;
  };

  const optionId = (r: SavedReply) => `${listId}-${r._id}`;
  const picker = open ? (
    <div className="scd-picker">
      {matches.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('composer.savedReplies')}
          className="scd-picker__list"
        >
          {matches.map((r) => (
            <li
              key={r._id}
              id={optionId(r)}
              role="option"
              aria-selected={r === current}
              className={`scd-picker__option ${r === current ? 'is-active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault(); // keeps the focus in the text box
                insert(r);
              }}
            >
              <span className="scd-picker__shortcut">/{r.shortcut}</span>
              <span className="scd-picker__body">{r.body}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="scd-picker__empty" role="status">
          {!repliesLoaded
            ? t('composer.loadingReplies')
            : replies.length === 0
              ? t('composer.noReplies')
              : t('composer.noMatch', { query })}
        </p>
      )}
      <p className="scd-picker__help" aria-hidden="true">
        ↑ ↓ to choose · Enter to insert · Esc to close
      </p>
    </div>
  ) : null;

  return (
    <>
      <Composer
        label={note ? t('composer.noteLabel') : t('composer.replyLabel')}
        placeholder={note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
        className={note ? 'sc-composer--note' : undefined}
        maxLength={5000}
        value={text}
        onValueChange={change}
        onSend={(t) => {
          const sent = onSend(t);
          if (sent) setHint(null);
          return sent;
        }}
        onTyping={onTyping}
        inputRef={input}
        onKeyFirst={onKeyFirst}
        inputAria={{
          'aria-autocomplete': 'list',
          'aria-controls': open && matches.length > 0 ? listId : undefined,
          'aria-activedescendant': open && current ? optionId(current) : undefined,
          'aria-describedby': hint ? hintId : undefined,
        }}
        above={picker}
        extra={extra}
        files={files}
      />
      <p id={hintId} className="scd-composer-hint" role="status">
        {hint}
      </p>
    </>
  );
}
