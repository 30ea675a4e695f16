/** Before a guest's first message: their name and email, optional (skippable) or required. */
import { useState, type FormEvent } from 'react';
import { TextField } from '../shared/ui/TextField';
import { t } from '../shared/i18n/i18n';

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
        {t('prechat.title')}
      </h2>
      <p className="scw-hint">{required ? t('prechat.required') : t('prechat.optional')}</p>
      <TextField
        label={required ? t('auth.yourName') : t('prechat.nameOptional')}
        value={name}
        onChange={setName}
        autoComplete="name"
        maxLength={100}
        required={required}
      />
      <TextField
        label={required ? t('field.email') : t('prechat.emailOptional')}
        type="email"
        value={email}
        onChange={setEmail}
        autoComplete="email"
        maxLength={254}
        required={required}
      />
      <button type="submit" className="sc-btn" disabled={busy}>
        {busy ? t('common.pleaseWait') : t('prechat.start')}
      </button>
      {!required && (
        <button
          type="button"
          className="sc-btn sc-btn--ghost"
          disabled={busy}
          onClick={() => onStart({})}
        >
          {t('prechat.skip')}
        </button>
      )}
    </form>
  );
}
