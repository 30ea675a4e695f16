/**
 * Message input: Enter sends, Shift+Enter starts a new line. With `files`, files are attached by
 * the button, by pasting (a screenshot) or by dropping them on the box.
 */
import {
  useId,
  useRef,
  useState,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type TextareaHTMLAttributes,
} from 'react';
import { t } from '../i18n/i18n';
import { acceptAttribute } from '../logic/attachments';
import type { AttachmentDraft } from '../react/useAttachmentDraft';
import { AttachmentTray } from './AttachmentTray';

interface Props {
  label: string;
  placeholder: string;
  /** Returns false when the text was not accepted (it then stays in the box). */
  onSend: (text: string) => boolean;
  onTyping?: () => void;
  disabled?: boolean;
  /** Extra controls next to the send button (the dashboard's internal-note checkbox). */
  extra?: ReactNode;
  className?: string;
  maxLength?: number;
  /** The text, when the caller keeps it (the dashboard's saved-reply picker); else kept here. */
  value?: string;
  onValueChange?: (text: string) => void;
  inputRef?: Ref<HTMLTextAreaElement>;
  /** Sees each key first; true when it handled the key (Enter then does not send). */
  onKeyFirst?: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** ARIA for a text box that controls a list of suggestions (it stays a textbox). */
  inputAria?: Pick<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'aria-controls' | 'aria-activedescendant' | 'aria-autocomplete' | 'aria-describedby'
  >;
  /** Shown above the text box (the picker). */
  above?: ReactNode;
  /** Files: an Attach button, paste and drop, and the tray of attached files. */
  files?: AttachmentDraft;
}

export function Composer({
  label,
  placeholder,
  onSend,
  onTyping,
  disabled,
  extra,
  className,
  maxLength,
  value,
  onValueChange,
  inputRef,
  onKeyFirst,
  inputAria,
  above,
  files,
}: Props) {
  const [own, setOwn] = useState('');
  const text = value ?? own;
  const setText = (next: string) => {
    if (value === undefined) setOwn(next);
    onValueChange?.(next);
  };
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hasFiles = (files?.ready.length ?? 0) > 0;
  // Files still uploading would be left out of the message: it waits for them.
  const canSend = !disabled && !files?.uploading && (!!text.trim() || hasFiles);

  const submit = () => {
    if (!canSend) return;
    if (onSend(text)) {
      setText('');
      files?.clear();
    }
  };

  const takeFiles = (list: FileList | null | undefined): boolean => {
    if (!files || !list || list.length === 0) return false;
    files.add([...list]);
    return true;
  };

  const dragHasFiles = (event: DragEvent) =>
    !!files && [...(event.dataTransfer?.types ?? [])].includes('Files');

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (onKeyFirst?.(event)) return;
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  return (
    <form
      className={`sc-composer ${className ?? ''} ${dragging ? 'sc-composer--drop' : ''}`}
      onSubmit={onSubmit}
      onDragOver={(e) => {
        if (!dragHasFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        setDragging(false);
        if (takeFiles(e.dataTransfer?.files)) e.preventDefault();
      }}
    >
      {above}
      {files && <AttachmentTray draft={files} />}
      {dragging && (
        <p className="sc-composer__drop" aria-hidden="true">
          {t('files.drop')}
        </p>
      )}
      <label className="sc-visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={inputRef}
        className="sc-input sc-composer__input"
        rows={2}
        value={text}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={(e) => {
          setText(e.target.value);
          onTyping?.();
        }}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          // A pasted screenshot arrives as a file; pasted text stays text.
          if (takeFiles(e.clipboardData?.files)) e.preventDefault();
        }}
        {...inputAria}
      />
      <div className="sc-composer__row">
        {files && (
          <>
            <button
              type="button"
              className="sc-btn sc-btn--ghost sc-composer__attach"
              onClick={() => picker.current?.click()}
              disabled={disabled}
            >
              <ClipIcon />
              {t('files.attach')}
            </button>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              tabIndex={-1}
              aria-hidden="true"
              accept={acceptAttribute(files.rules)}
              onChange={(e) => {
                takeFiles(e.currentTarget.files);
                e.currentTarget.value = ''; // the same file can be picked again after Remove
              }}
            />
          </>
        )}
        {extra}
        <button type="submit" className="sc-btn" disabled={!canSend}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}

function ClipIcon() {
  return (
    <svg className="sc-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M10.5 4.5 5.6 9.4a1.4 1.4 0 0 0 2 2l5-5a2.8 2.8 0 0 0-4-4l-5.1 5.1a4.2 4.2 0 0 0 6 6l4-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
