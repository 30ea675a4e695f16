/** Before a guest's first message: their name and email, optional (skippable) or required. */
import { useState, type FormEvent } from 'react';
import { TextField } from '../shared/ui/TextField';

interface Props {
  required: boolean;
  busy: boolean;
  onStart: (details: { name?: string; email?: string }) => void;
}

export function PrechatForm({ required, busy, onStart }: Props) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onStart({
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
    });
  };

  return (
    <form className="scw-auth" onSubmit={onSubmit} aria-labelledby="scw-prechat-title">
      <h2 id="scw-prechat-title" className="scw-auth__title">
        Before we start
      </h2>
      <p className="scw-hint">
        {required
          ? 'Tell us who you are so we can get back to you.'
          : 'Tell us who you are so we can get back to you, or skip this.'}
      </p>
      <TextField
        label={required ? 'Your name' : 'Your name (optional)'}
        value={name}
        onChange={setName}
        autoComplete="name"
        maxLength={100}
        required={required}
      />
      <TextField
        label={required ? 'Email' : 'Email (optional)'}
        type="email"
        value={email}
        onChange={setEmail}
        autoComplete="email"
        maxLength={254}
        required={required}
      />
      <button type="submit" className="sc-btn" disabled={busy}>
        {busy ? 'Please wait…' : 'Start chatting'}
      </button>
      {!required && (
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          disabled={busy}
          onClick={() => onStart({})}
        >
          Skip
        </button>
      )}
    </form>
  );
}
