/** Message input: Enter sends, Shift+Enter starts a new line. */
import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

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
}: Props) {
  const [text, setText] = useState('');
  const id = useId();

  const submit = () => {
    if (!text.trim() || disabled) return;
    if (onSend(text)) setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
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
      <label className="sc-visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
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
      />
      <div className="sc-composer__row">
        {extra}
        <button type="submit" className="sc-btn" disabled={disabled || !text.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
