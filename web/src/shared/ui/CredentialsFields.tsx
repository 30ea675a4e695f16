/**
 * Email and password, for the dashboard's sign-in and the widget's sign-in / register: the state
 * and submit handling (`useCredentialsForm`) and the two fields (`CredentialsFields`).
 */
import { useState, type FormEvent } from 'react';
import type { Credentials } from '../api/users';
import { TextField } from './TextField';
import { t } from '../i18n/i18n';

/** AccountService.MIN_PASSWORD_LENGTH on the server: the field says so before sending. */
const NEW_PASSWORD_MIN_LENGTH = 8;

export interface CredentialsForm {
  email: string;
  setEmail: (email: string) => void;
  password: string;
  setPassword: (password: string) => void;
  busy: boolean;
  error: string | null;
  setError: (error: string | null) => void;
  onSubmit: (event: FormEvent) => Promise<void>;
}

/**
 * `send` signs in (or registers). On success the form stays busy: the session starts and the app
 * replaces the form, so re-enabling the button would only let a second click through.
 */
export function useCredentialsForm(
  send: (credentials: Credentials) => Promise<unknown>,
  fallbackError: string,
): CredentialsForm {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send({ email, password });
    } catch (e) {
      setError(e instanceof Error ? e.message : fallbackError);
      setBusy(false);
    }
  };

  return { email, setEmail, password, setPassword, busy, error, setError, onSubmit };
}

interface Props {
  form: CredentialsForm;
  /** What password managers should offer for the email: the saved login, or the address. */
  emailAutoComplete: 'username' | 'email';
  /** Registering: the password is a new one, with the server's minimum length. */
  newAccount?: boolean;
}

export function CredentialsFields({ form, emailAutoComplete, newAccount = false }: Props) {
  return (
    <>
      <TextField
        label={t('field.email')}
        type="email"
        required
        value={form.email}
        onChange={form.setEmail}
        autoComplete={emailAutoComplete}
      />
      <TextField
        label={t('field.password')}
        type="password"
        required
        minLength={newAccount ? NEW_PASSWORD_MIN_LENGTH : undefined}
        value={form.password}
        onChange={form.setPassword}
        autoComplete={newAccount ? 'new-password' : 'current-password'}
      />
    </>
  );
}
