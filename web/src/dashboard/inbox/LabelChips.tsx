/** A chat's labels as small coloured chips (list rows and the conversation). */
import type { Label } from '../../shared/types';
import { readableOn } from './colours';

export function LabelChip({ label, onRemove }: { label: Label; onRemove?: () => void }) {
  const style = { background: label.colour, color: readableOn(label.colour) };
  return (
    <span className="scd-label" style={style}>
      {label.name}
      {onRemove && (
        <button
          type="button"
          className="scd-label__remove"
          aria-label={`Remove label ${label.name}`}
          title={`Remove label ${label.name}`}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </span>
  );
}

export function LabelChips({ labels }: { labels: readonly Label[] }) {
  if (labels.length === 0) return null;
  return (
    <span className="scd-labels">
      <span className="sc-visually-hidden">Labels: </span>
      {labels.map((l) => (
        <LabelChip key={l._id} label={l} />
      ))}
    </span>
  );
}
