/** Sign in or create an account, inside the panel. */
import { useState } from 'react';
import type { ApiClient } from '../shared/api/client';
import { login, register } from '../shared/api/users';
import { CredentialsFields, useCredentialsForm } from '../shared/ui/CredentialsFields';
import { TextField } from '../shared/ui/TextField';

export function AuthForm({ api }: { api: ApiClient }) {
  const [mode, setMode] = useState<'signin' | 'register'>('signin');
  const [fullName, setFullName] = useState('');
  const registering = mode === 'register';
  const form = useCredentialsForm(
    (credentials) =>
      registering
        ? register(api, {
            ...credentials,
            ...(fullName.trim() ? { fullName: fullName.trim() } : {}),
          })
        : login(api, credentials),
    'Something went wrong',
  );

  return (
    <form className="scw-auth" onSubmit={form.onSubmit} aria-labelledby="scw-auth-title">
      <h2 id="scw-auth-title" className="scw-auth__title">
        {registering ? 'Create an account' : 'Sign in to chat with us'}
      </h2>
      {registering && (
        <TextField label="Your name" value={fullName} onChange={setFullName} autoComplete="name" />
      )}
      <CredentialsFields form={form} emailAutoComplete="email" newAccount={registering} />
      {form.error && (
        <p className="sc-error" role="alert">
          {form.error}
        </p>
      )}
      <button type="submit" className="sc-btn" disabled={form.busy}>
        {form.busy ? 'Please wait…' : registering ? 'Create account' : 'Sign in'}
      </button>
      <p className="scw-auth__switch">
        {registering ? 'Already have an account?' : 'New here?'}{' '}
        <button
          type="button"
          className="sc-link"
          onClick={() => {
            setMode(registering ? 'signin' : 'register');
            form.setError(null);
          }}
        >
          {registering ? 'Sign in' : 'Create an account'}
        </button>
      </p>
    </form>
  );
}
