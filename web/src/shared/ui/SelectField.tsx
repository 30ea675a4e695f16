/**
 * A labelled select. The label is tied by id rather than wrapped around the select, so the
 * accessible name is just the label ("Priority"), not the label plus the chosen option.
 */
import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  disabled?: boolean;
  hideLabel?: boolean;
  className?: string;
}

export function SelectField({
  label,
  value,
  onChange,
  children,
  disabled,
  hideLabel,
  className,
}: Props) {
  const id = useId();
  return (
    <div className={`sc-field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sc-visually-hidden' : undefined}>
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
