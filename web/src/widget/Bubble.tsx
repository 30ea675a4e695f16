/** The round chat button in the corner, with the unread badge. */
import type { Ref } from 'react';
import { badgeText } from '../shared/logic/unread';
import { t, tp } from '../shared/i18n/i18n';

interface Props {
  open: boolean;
  unread: number;
  onToggle: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}

export function Bubble({ open, unread, onToggle, buttonRef }: Props) {
  const label = open
    ? t('widget.bubbleClose')
    : unread > 0
      ? tp('widget.bubbleOpenUnread', unread)
      : t('widget.bubbleOpen');
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
      {open ? <CloseIcon /> : <ChatIcon />}
      {!open && unread > 0 && (
        <span className="scw-badge" aria-hidden="true">
          {badgeText(unread)}
        </span>
      )}
    </button>
  );
}

// Inline SVG rather than emoji: emoji fonts are missing on many systems.
function ChatIcon() {
  return (
    <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"
      />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
        d="M6 6l12 12M18 6L6 18"
      />
    </svg>
  );
}

/** A bell, struck through when alerts are off. */
export function BellIcon({ off }: { off: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
        d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0"
      />
      {off && <path stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" d="M4 4l16 16" />}
    </svg>
  );
}
