/** "Support is typing…" with animated dots; the text is what screen readers announce. */
export function TypingIndicator({ label }: { label: string }) {
  return (
    <div className="sc-typing" role="status">
      <span className="sc-typing__dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {label}
    </div>
  );
}
