/** Delivery state of one's own message: ✓ sent, ✓✓ read; spelled out for screen readers. */
export function Ticks({ read }: { read: boolean }) {
  return (
    <span className={read ? 'sc-ticks sc-ticks--read' : 'sc-ticks'} title={read ? 'Read' : 'Sent'}>
      <span aria-hidden="true">{read ? '✓✓' : '✓'}</span>
      <span className="sc-visually-hidden">{read ? 'Read' : 'Sent'}</span>
    </span>
  );
}
