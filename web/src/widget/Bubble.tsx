/** The round chat button in the corner, with the unread badge. */
import type { Ref } from 'react';
import { badgeText } from '../shared/logic/unread';

interface Props {
  open: boolean;
  unread: number;
  onToggle: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}

export function Bubble({ open, unread, onToggle, buttonRef }: Props) {
  const label = open
    ? 'Close support chat'
    : `Open support chat${unread > 0 ? `, ${unread} unread message${unread === 1 ? '' : 's'}` : ''}`;
  return (
    <button
      type="button"
      ref={buttonRef}
      className="scw-bubble"
      aria-label={label}
      aria-expanded={open}
      aria-controls="scw-panel"
      onClick={onToggle}
    >
      <span aria-hidden="true" className="scw-bubble__icon">
        {open ? '✕' : '💬'}
      </span>
      {!open && unread > 0 && (
        <span className="scw-badge" aria-hidden="true">
          {badgeText(unread)}
        </span>
      )}
    </button>
  );
}
