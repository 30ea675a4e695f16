/** A chat's labels as small coloured chips (list rows and the conversation). */
import type { Label } from '../../shared/types';
import { readableOn } from './colours';
import { t } from '../../shared/i18n/i18n';

export function LabelChip({ label, onRemove }: { label: Label; onRemove?: () => void }) {
  const style = { background: label.colour, color: readableOn(label.colour) };
  return (
    <span className="scd-label" style={style}>
      {label.name}
      {onRemove && (
        <button
          type="button"
          className="scd-label__remove"
          aria-label={t('labels.remove', { name: label.name })}
          title={t('labels.remove', { name: label.name })}
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
      <span className="sc-visually-hidden">{t('labels.prefix')} </span>
      {labels.map((l) => (
        <LabelChip key={l._id} label={l} />
      ))}
    </span>
  );
}
