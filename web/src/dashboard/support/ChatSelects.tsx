/** The status and priority dropdowns, in the list's filters and in a chat's controls. */
import { CHAT_STATUSES, PRIORITIES, type ChatStatus, type Priority } from '../../shared/types';
import { SelectField } from '../../shared/ui/SelectField';
import { priorityLabel, statusLabel } from './Badges';
import { t } from '../../shared/i18n/i18n';

interface Props<V extends string> {
  /** `''` only together with `anyLabel`: the filters' "any" choice. */
  value: V;
  onChange: (value: V) => void;
  disabled?: boolean;
  /** A first option with the value `''`, for filters ("Any status"). */
  anyLabel?: string;
}

interface ChoiceProps<T extends string, V extends T | ''> extends Props<V> {
  label: string;
  choices: readonly T[];
  labelOf: (choice: T) => string;
}

function ChoiceSelect<T extends string, V extends T | ''>({
  label,
  choices,
  labelOf,
  value,
  onChange,
  disabled,
  anyLabel,
}: ChoiceProps<T, V>) {
  // The select only ever reports one of its options, and every option is a value of V.
  return (
    <SelectField label={label} value={value} disabled={disabled} onChange={(v) => onChange(v as V)}>
      {anyLabel !== undefined && <option value="">{anyLabel}</option>}
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {labelOf(choice)}
        </option>
      ))}
    </SelectField>
  );
}

export function StatusSelect<V extends ChatStatus | ''>(props: Props<V>) {
  return (
    <ChoiceSelect
      label={t('badge.status')}
      choices={CHAT_STATUSES}
      labelOf={statusLabel}
      {...props}
    />
  );
}

export function PrioritySelect<V extends Priority | ''>(props: Props<V>) {
  return (
    <ChoiceSelect
      label={t('badge.priority')}
      choices={PRIORITIES}
      labelOf={priorityLabel}
      {...props}
    />
  );
}
