/** Message input: Enter sends, Shift+Enter starts a new line. */
import {
  useId,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type TextareaHTMLAttributes,
} from 'react';
import { t } from '../i18n/i18n';

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
}: Props) {
  const [own, setOwn] = useState('');
  const text = value ?? own;
  const setText = (next: string) => {
    if (value === undefined) setOwn(next);
    onValueChange?.(next);
  };
  const id = useId();

  const submit = () => {
    if (!text.trim() || disabled) return;
    if (onSend(text)) setText('');
  };

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
    <form className={`sc-composer ${className ?? ''}`} onSubmit={onSubmit}>
      {above}
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
        {...inputAria}
      />
      <div className="sc-composer__row">
        {extra}
        <button type="submit" className="sc-btn" disabled={disabled || !text.trim()}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}
