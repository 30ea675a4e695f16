/**
 * A labelled text input: the label wraps the input (`.sc-field`), so the visible text is also the
 * accessible name. Any other input attribute (type, required, autoComplete…) passes through.
 */
import type { InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

export function TextField({ label, value, onChange, ...input }: Props) {
  return (
    <label className="sc-field">
      {label}
      <input {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
