/** Sign in or create an account, inside the panel. */
import { useState } from 'react';
import type { ApiClient } from '../shared/api/client';
import { login, register } from '../shared/api/users';
import { CredentialsFields, useCredentialsForm } from '../shared/ui/CredentialsFields';
import { TextField } from '../shared/ui/TextField';
import { t } from '../shared/i18n/i18n';

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
    t('common.somethingWrong'),
  );

  return (
    <form className="scw-auth" onSubmit={form.onSubmit} aria-labelledby="scw-auth-title">
      <h2 id="scw-auth-title" className="scw-auth__title">
        {registering ? t('auth.createTitle') : t('auth.signInTitle')}
      </h2>
      {registering && (
        <TextField
          label={t('auth.yourName')}
          value={fullName}
          onChange={setFullName}
          autoComplete="name"
        />
      )}
      <CredentialsFields form={form} emailAutoComplete="email" newAccount={registering} />
      {form.error && (
        <p className="sc-error" role="alert">
          {form.error}
        </p>
      )}
      <button type="submit" className="sc-btn" disabled={form.busy}>
        {form.busy
          ? t('common.pleaseWait')
          : registering
            ? t('auth.createButton')
            : t('auth.signIn')}
      </button>
      <p className="scw-auth__switch">
        {registering ? t('auth.haveAccount') : t('auth.newHere')}{' '}
        <button
          type="button"
          className="sc-link"
          onClick={() => {
            setMode(registering ? 'signin' : 'register');
            form.setError(null);
          }}
        >
          {registering ? t('auth.signIn') : t('auth.createTitle')}
        </button>
      </p>
    </form>
  );
}
